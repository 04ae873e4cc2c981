package validate

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// now is replaced in tests to pin "today".
var now = time.Now

// china is a fixed zone so that no tzdata is needed on Windows.
var china = time.FixedZone("CST", 8*3600)

// idWeights are 2^(17-i) mod 11, the ISO 7064 MOD 11-2 weights of GB 11643.
var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const idCheckChars = "10X98765432"

// provinces are the first two digits of GB/T 2260 region codes; 71 Taiwan,
// 81 Hong Kong, 82 Macao and 83 the residence permits of Taiwan residents
// also occur on 18-digit numbers.
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// ResidentID checks an 18-character resident ID number (GB 11643) and
// returns it with the check character X in upper case.
func ResidentID(s string) (string, error) {
	id := strings.ToUpper(compact(s))
	if id == "" {
		return "", errors.New(errIDEmpty)
	}
	if n := runeCount(id); n != 18 {
		return "", fmt.Errorf(errIDLength, n)
	}
	for i, r := range id {
		if (r < '0' || r > '9') && !(i == 17 && r == 'X') {
			return "", fmt.Errorf(errIDChar, i+1, r)
		}
	}
	if !provinces[id[:2]] {
		return "", fmt.Errorf(errIDRegion, id[:6])
	}
	if err := checkBirth(id[6:14]); err != nil {
		return "", err
	}
	if c := IDCheckChar(id[:17]); id[17] != c {
		return "", fmt.Errorf(errIDCheck, c)
	}
	return id, nil
}

// IDCheckChar computes the check character of the first 17 digits of a
// resident ID number. It panics if body is not 17 ASCII digits.
func IDCheckChar(body string) byte {
	if len(body) != 17 {
		panic("validate: IDCheckChar needs 17 digits")
	}
	sum := 0
	for i := range 17 {
		c := body[i]
		if c < '0' || c > '9' {
			panic("validate: IDCheckChar needs 17 digits")
		}
		sum += int(c-'0') * idWeights[i]
	}
	return idCheckChars[sum%11]
}

func checkBirth(s string) error {
	d, err := time.Parse("20060102", s)
	if err != nil {
		return fmt.Errorf(errIDBirth, s)
	}
	y, m, day := now().In(china).Date()
	today := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	if d.Year() < 1900 || d.After(today) {
		return fmt.Errorf(errIDBirth, s)
	}
	return nil
}
