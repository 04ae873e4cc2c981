package mail

import (
	"strings"
	"time"
)

// These checks are deliberately private and small; package store/validate is the
// authority and may replace them.

// validResidentID checks an 18-character resident identity number (GB 11643):
// region, birth date and the ISO 7064 MOD 11-2 check character.
func validResidentID(s string) bool {
	if len(s) != 18 {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * weights[i]
	}
	if s[0] < '1' || s[0] > '8' {
		return false
	}
	birth, err := time.Parse("20060102", s[6:14])
	if err != nil || birth.Year() < 1900 || birth.After(time.Now()) {
		return false
	}
	check := s[17]
	if check == 'x' {
		check = 'X'
	}
	return "10X98765432"[sum%11] == check
}

// usccAlphabet is the character set of GB 32100 in value order (no I, O, S, V, Z).
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// validUSCC checks an 18-character unified social credit code (GB 32100): the
// alphabet, the numeric region code in positions 3-8, and the check character.
func validUSCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	s = strings.ToUpper(s)
	weights := [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, s[i])
		if v < 0 {
			return false
		}
		if i >= 2 && i < 8 && v > 9 {
			return false
		}
		sum += v * weights[i]
	}
	check := 31 - sum%31
	if check == 31 {
		check = 0
	}
	return usccAlphabet[check] == s[17]
}
