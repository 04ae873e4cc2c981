package validate

import (
	"errors"
	"fmt"
	"strings"
)

// usccAlphabet is the GB 32100 character set; the position of a character is
// its value. I, O, S, V and Z are left out as too easily misread.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccWeights are 3^i mod 31.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCC checks an 18-character unified social credit code (GB 32100) and
// returns it in upper case.
func USCC(s string) (string, error) {
	code := strings.ToUpper(compact(s))
	if code == "" {
		return "", errors.New(errUSCCEmpty)
	}
	if n := runeCount(code); n != 18 {
		return "", fmt.Errorf(errUSCCLength, n)
	}
	for i, r := range code {
		if !strings.ContainsRune(usccAlphabet, r) {
			return "", fmt.Errorf(errUSCCChar, i+1, r)
		}
	}
	// Positions 3–8 are the GB/T 2260 region code of the registering
	// authority, always digits.
	for i := 2; i < 8; i++ {
		if code[i] < '0' || code[i] > '9' {
			return "", fmt.Errorf(errUSCCRegion, code[2:8])
		}
	}
	if c := USCCCheckChar(code[:17]); code[17] != c {
		return "", fmt.Errorf(errUSCCCheck, c)
	}
	return code, nil
}

// USCCCheckChar computes the check character of the first 17 characters of
// a unified social credit code. It panics on characters outside the
// alphabet.
func USCCCheckChar(body string) byte {
	if len(body) != 17 {
		panic("validate: USCCCheckChar needs 17 characters")
	}
	sum := 0
	for i := range 17 {
		v := strings.IndexByte(usccAlphabet, body[i])
		if v < 0 {
			panic("validate: USCCCheckChar: character outside the GB 32100 alphabet")
		}
		sum += v * usccWeights[i]
	}
	return usccAlphabet[(31-sum%31)%31]
}
