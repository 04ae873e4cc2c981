package notice

import (
	"strings"
	"unicode"
)

// Characters that may not start a line (行首禁则); they hang into the margin
// instead.
const noLineStart = "，。、；：？！）》」』”’％,.;:?!)]}%·—…"

// Characters that may not end a line.
const noLineEnd = "（《「『“‘([{"

// wrap breaks s into lines no wider than first (the first line) and rest
// (the others), measured by width. fpdf's MultiCell drops CJK characters at
// its breaks (go-pdf/fpdf#80), so the notice breaks its own lines. Runs of
// Latin letters and digits (addresses, phone and filing numbers) stay whole
// unless one alone is wider than a line.
func wrap(s string, first, rest float64, width func(string) float64) []string {
	var lines []string
	limit := first
	var cur strings.Builder
	for _, tok := range tokens(s) {
		if cur.Len() > 0 && width(cur.String()+tok) > limit &&
			!hangs(tok) {
			line := cur.String()
			// Keep an opening bracket with what follows it.
			carry := ""
			if r := []rune(line); len(r) > 1 && strings.ContainsRune(noLineEnd, r[len(r)-1]) {
				carry = string(r[len(r)-1])
				line = string(r[:len(r)-1])
			}
			lines = append(lines, strings.TrimRight(line, " "))
			limit = rest
			cur.Reset()
			cur.WriteString(carry)
			if strings.TrimSpace(tok) == "" {
				continue // no space at the start of a line
			}
		}
		if cur.Len() == 0 && width(tok) > limit {
			// A token longer than a line is cut by characters.
			for _, r := range tok {
				if cur.Len() > 0 && width(cur.String()+string(r)) > limit {
					lines = append(lines, cur.String())
					limit = rest
					cur.Reset()
				}
				cur.WriteRune(r)
			}
			continue
		}
		cur.WriteString(tok)
	}
	if cur.Len() > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func hangs(tok string) bool {
	r := []rune(tok)
	return len(r) == 1 && strings.ContainsRune(noLineStart, r[0])
}

// tokens splits s into unbreakable pieces: one CJK character or
// punctuation mark, or a run of Latin letters, digits and the characters
// of mail addresses and numbers.
func tokens(s string) []string {
	var out []string
	var run strings.Builder
	flush := func() {
		if run.Len() > 0 {
			out = append(out, run.String())
			run.Reset()
		}
	}
	for _, r := range s {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("@.-_:/+#", r)) {
			run.WriteRune(r)
			continue
		}
		flush()
		out = append(out, string(r))
	}
	flush()
	return out
}
