package validate

// Cities lists Shanxi's eleven prefecture-level cities in code order, then
// CityUnknown: the rows of the report's 地市 table.
func Cities() []string {
	return []string{"太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁", CityUnknown}
}

// City names the Shanxi city a certificate number belongs to: a resident ID
// number by its first six digits, a unified social credit code by the region
// code in positions 3–8. Both are GB/T 2260 codes, whose first four digits
// name the prefecture (1401 太原 … 1411 吕梁). A number from another
// province, a province-level code (140000) or anything unreadable gives
// CityUnknown. certNo should be a number CertNo accepted.
func City(certNo string) string {
	kind, norm, err := CertNo(certNo)
	if err != nil {
		return CityUnknown
	}
	region := norm[2:8]
	if kind == KindID {
		region = norm[:6]
	}
	if name, ok := cityNames[region[:4]]; ok && isDigits(region) {
		return name
	}
	return CityUnknown
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
