package validate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// fold maps full-width letters, digits and punctuation to ASCII and trims
// surrounding space, including the ideographic space U+3000.
func fold(s string) string {
	return strings.TrimSpace(width.Fold.String(s))
}

// narrow maps full-width characters to ASCII, keeping everything else.
func narrow(s string) string { return width.Fold.String(s) }

// compact folds s and drops all white space, for codes that people write
// in groups ("110105 19491231 002X").
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, width.Fold.String(s))
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }
