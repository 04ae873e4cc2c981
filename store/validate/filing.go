package validate

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Home is the province abbreviation of this desk's filings.
const Home = "晋"

// Filing is an ICP filing number such as 晋ICP备12345678号-2A.
type Filing struct {
	Province string // one-character abbreviation, e.g. "晋"
	Number   string // the 6–10 digit serial
	Site     int    // the site or APP suffix; 0 for the holder's main number
	App      bool   // the suffix ends in A: an APP rather than a website
	Mini     bool   // the suffix ends in X: a mini-program (小程序)
}

// String returns the canonical text, e.g. "晋ICP备12345678号-1".
func (f Filing) String() string {
	s := f.Province + "ICP备" + f.Number + "号"
	if f.Site > 0 {
		s += "-" + strconv.Itoa(f.Site)
		switch {
		case f.App:
			s += "A"
		case f.Mini:
			s += "X"
		}
	}
	return s
}

// dashes are the hyphen look-alikes people type before the site suffix.
var dashes = strings.NewReplacer("—", "-", "–", "-", "‐", "-", "‑", "-", "−", "-")

var filingRE = regexp.MustCompile(`^(\p{Han})ICP([备证])(\d+)(号?)(?:-(\d+)([AX]?))?$`)

// ParseFiling checks an ICP filing number. The serial may have 6 to 10
// digits; "号" may be left out; full-width characters and dash look-alikes
// are accepted. Licence numbers (ICP证) are not filing numbers.
func ParseFiling(s string) (Filing, error) {
	t := strings.ToUpper(compact(s))
	if t == "" {
		return Filing{}, errors.New(errFilingEmpty)
	}
	t = dashes.Replace(t)
	m := filingRE.FindStringSubmatch(t)
	if m == nil {
		return Filing{}, fmt.Errorf(errFilingShape, s)
	}
	f := Filing{Province: m[1], Number: m[3]}
	if _, ok := provinceNames[f.Province]; !ok {
		return Filing{}, fmt.Errorf(errFilingProvince, f.Province)
	}
	if m[2] == "证" {
		return Filing{}, fmt.Errorf(errFilingLicence, s)
	}
	if n := len(f.Number); n < 6 || n > 10 {
		return Filing{}, fmt.Errorf(errFilingDigits, n)
	}
	if m[5] != "" {
		site, err := strconv.Atoi(m[5])
		if err != nil || site < 1 || site > 9999 {
			return Filing{}, fmt.Errorf(errFilingSite, m[5])
		}
		f.Site, f.App, f.Mini = site, m[6] == "A", m[6] == "X"
	}
	return f, nil
}

// FilingWarning returns a warning for a filing registered in another
// province (the holder must then turn to that province's administration),
// or "" for a filing of this desk.
func FilingWarning(f Filing) string {
	if f.Province == Home {
		return ""
	}
	name, ok := provinceNames[f.Province]
	if !ok {
		name = f.Province
	}
	return fmt.Sprintf(warnOtherProvince, f.String(), name)
}

// findRE finds filing numbers in running text. Its province class comes
// from provinceNames, so unknown prefixes are never reported.
var findRE = regexp.MustCompile(`(?i)([` + provinceClass() + `])[ \t]*ICP[ \t]*备[ \t]*(\d{6,10})[ \t]*(号?)(?:[ \t]*-[ \t]*(\d{1,4})([AX]?))?`)

func provinceClass() string {
	var b strings.Builder
	for p := range provinceNames {
		b.WriteString(p)
	}
	return b.String()
}

// FindFilings returns the filing numbers in text, canonical, without
// duplicates, in order of first appearance.
func FindFilings(text string) []string {
	text = dashes.Replace(narrow(text))
	var out []string
	seen := make(map[string]bool)
	for _, m := range findRE.FindAllStringSubmatchIndex(text, -1) {
		end := m[1]
		// A serial without 号 that runs on into more digits is some
		// other number, not a filing.
		if m[7] == m[6] && m[9] < 0 && end < len(text) && isDigit(text[end]) {
			continue
		}
		f := Filing{Province: text[m[2]:m[3]], Number: text[m[4]:m[5]]}
		if m[8] >= 0 {
			site, _ := strconv.Atoi(text[m[8]:m[9]])
			if site == 0 || (end < len(text) && isDigit(text[end])) {
				// "-0" or a long run of digits is not a site suffix.
				f.Site = 0
			} else {
				f.Site = site
				if m[11] > m[10] && !(end < len(text) && isASCIILetter(text[end])) {
					letter := text[m[10]] | 0x20
					f.App, f.Mini = letter == 'a', letter == 'x'
				}
			}
		}
		if s := f.String(); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
