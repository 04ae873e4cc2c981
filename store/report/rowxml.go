package report

import (
	"encoding/xml"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The rows of the list sheets are rendered here as sheet XML, byte for byte
// what excelize's StreamWriter.SetRow writes for the same cells (a test
// renders the same rows both ways and compares), without SetRow's boxing of
// every value, reflection and cell-name formatting: on 100k cases × 33
// columns SetRow was the largest part of the export.

// cellKind is what a cell holds.
type cellKind uint8

const (
	cellEmpty cellKind = iota // style only
	cellInt
	cellFloat
	cellText // inline string
)

// cellVal is one cell of a list sheet.
type cellVal struct {
	style int
	kind  cellKind
	n     int
	f     float64
	s     string
}

// colNames are the column letters of the list sheets, "A" to "BL".
var colNames = func() []string {
	names := make([]string, 64)
	for i := range names {
		names[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	return names
}()

// appendRow appends <row r="n">cells</row>.
func appendRow(b []byte, n int, cells []cellVal) []byte {
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `">`...)
	for i := range cells {
		b = appendCell(b, i, n, &cells[i])
	}
	return append(b, `</row>`...)
}

// appendCell appends one cell as excelize's writeCell does.
func appendCell(b []byte, col, row int, v *cellVal) []byte {
	b = append(b, `<c r="`...)
	b = append(b, colNames[col]...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if v.style != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(v.style), 10)
		b = append(b, '"')
	}
	switch v.kind {
	case cellInt:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, int64(v.n), 10)
		b = append(b, `</v>`...)
	case cellFloat:
		b = append(b, `><v>`...)
		b = appendFloat(b, v.f)
		b = append(b, `</v>`...)
	case cellText:
		if plainText(v.s) {
			b = append(b, ` t="inlineStr"><is><t>`...)
			b = append(b, v.s...)
		} else {
			text, preserve := inlineText(v.s)
			b = append(b, ` t="inlineStr"><is><t`...)
			if preserve {
				b = append(b, ` xml:space="preserve"`...)
			}
			b = append(b, '>')
			b = append(b, text...)
		}
		b = append(b, `</t></is>`...)
	default:
		b = append(b, '>')
	}
	return append(b, `</c>`...)
}

// appendFloat formats a number as excelize does: shortest form, at most 15
// significant digits (Excel's limit). The dates and times of the sheets
// are integers or rounded to ten decimals, so the common case has at most
// 15 digits and is appended as it is.
func appendFloat(b []byte, f float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', -1, 64)
	digits := 0
	for _, c := range b[start:] {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	if digits <= 15 || math.Abs(f) == math.MaxFloat64 {
		return b
	}
	// Rare: do exactly what excelize does.
	s := excelizeFloat(string(b[start:]))
	return append(b[:start], s...)
}

// excelizeFloat is excelize's formatCellFloat for an automatic precision.
func excelizeFloat(str string) string {
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// maxCellChars is Excel's limit of a cell's text in UTF-16 units
// (excelize.TotalCellChars).
const maxCellChars = excelize.TotalCellChars

// plainText tells whether s goes into the sheet as it is: valid XML
// characters needing no escape, no leading or trailing white space, no
// "_x" (which excelize escapes as _x005F_), within Excel's length limit.
// Almost every cell is plain.
func plainText(s string) bool {
	if len(s) > maxCellChars || s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			ascii = false
		case c < 0x20, c == '<', c == '>', c == '&', c == '\'', c == '"', c == '_':
			return false
		}
	}
	if ascii {
		return true
	}
	// U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
	return utf8.ValidString(s) && !strings.Contains(s, "\uFFFE") && !strings.Contains(s, "\uFFFF")
}

// inlineText is the text of an inline string cell and whether it needs
// xml:space="preserve", as excelize's setInlineStr makes them.
func inlineText(s string) (string, bool) {
	if countUTF16(s) > maxCellChars {
		s = truncateUTF16(s, maxCellChars)
	}
	preserve := false
	if s != "" {
		for _, c := range []byte{9, 10, 13, 32} {
			if s[0] == c || s[len(s)-1] == c {
				preserve = true
				break
			}
		}
		var buf strings.Builder
		_ = xml.EscapeText(&buf, []byte(s))
		s = strings.ReplaceAll(buf.String(), "&#xA;", "\n")
	}
	return bstrMarshal(s), preserve
}

func countUTF16(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func truncateUTF16(s string, length int) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > length {
			return s[:i]
		}
	}
	return s
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal escapes text that Excel would read as an escaped character
// (_xHHHH_), as excelize's function of the same name (BSD-3-Clause,
// Copyright 2016 The excelize Authors) does.
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}
