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
	// Position 1 is the registration authority, position 2 the kind of
	// organisation it registers (GB 32100-2015, 表1): a code outside that
	// table is a typo the check character may not catch in the first two.
	types, ok := usccTypes[code[0]]
	if !ok {
		return "", fmt.Errorf(errUSCCAuthority, code[:1])
	}
	if !strings.ContainsRune(types, rune(code[1])) {
		return "", fmt.Errorf(errUSCCType, code[:2], usccAuthorities[code[0]])
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

// usccTypes maps each registration authority code of GB 32100-2015 to the
// organisation type codes it may issue (表1 登记管理部门代码和机构类别代码):
// 1 机构编制 (1 机关, 2 事业单位, 3 中央编办直接管理机构编制的群众团体, 9 其他),
// 2 外交, 3 司法行政, 4 文化, 5 民政 (1 社会团体, 2 民办非企业单位, 3 基金会,
// 9 其他), 6 旅游, 7 宗教, 8 工会, 9 工商 (1 企业, 2 个体工商户, 3 农民专业
// 合作社), A 中央军委改革和编制办公室, N 农业, Y 其他 (1).
var usccTypes = map[byte]string{
	'1': "1239",
	'2': "19",
	'3': "123459",
	'4': "19",
	'5': "1239",
	'6': "129",
	'7': "129",
	'8': "19",
	'9': "123",
	'A': "19",
	'N': "1239",
	'Y': "1",
}
