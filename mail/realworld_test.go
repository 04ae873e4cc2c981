package mail

// The real-world corpus: mails that nobody on this project wrote (parser projects'
// fixtures and the SpamAssassin public corpus; origins in testdata/README), compared
// field by field with Python's email package (policy.default), whose answers are
// committed in testdata/realworld/golden.json (made by reference.py).

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

const realWorldDir = "testdata/realworld"

// refRecord is one mail as Python decoded it.
type refRecord struct {
	Subject      string `json:"subject"`
	SubjectError string `json:"subject_error"`
	FromName     string `json:"from_name"`
	FromLegacy   string `json:"from_name_legacy"`
	FromAddr     string `json:"from_addr"`
	FromError    string `json:"from_error"`
	Text         string `json:"text"`
	TextHTML     bool   `json:"text_html"`
	Attachments  []struct {
		Name   string `json:"name"`
		Size   int64  `json:"size"`
		SHA256 string `json:"sha256"`
		Type   string `json:"type"`
	} `json:"attachments"`
}

// realWorldFields are the compared fields, in report order.
var realWorldFields = []string{"subject", "from", "text", "attachments"}

// realWorldKnown lists every remaining difference with Python, by file and field,
// with the reason (also in testdata/README). A difference not listed here fails
// the test, and so does a listed one that no longer occurs, so the list stays true.
var realWorldKnown = map[string]string{
	"cpython/msg_43.eml from":                            "From is `MAILER DAEMON <>` (a null return path); Python reports the address as \"<>\", ours as empty.",
	"enmime/low-quality-bad-header-wrap.eml attachments": "`name=\"….zip\"` is folded without indentation; Python ends the part header there and decodes the rest as body, ours (as enmime) reads it as a continuation and gets the 7-byte attachment with its name.",
	"spamassassin/spam-1-00260.eml attachments":          "base64 JPEG with damaged lines; Python gives up and returns the undecoded text (39,798 bytes), ours decodes the valid groups (29,847 bytes).",
	"spamassassin/spam-2-00734.eml text":                 "malformed quoted-printable (a line of 57 '=' signs); Python's binascii keeps fewer of them than ours. The words agree.",
	"spamassassin/spam-2-01041.eml text":                 "malformed quoted-printable '=' runs, as spam-2-00734.",
	"spamassassin/spam-2-01072.eml text":                 "EUC-KR HTML followed by binary junk inside the base64; both show the Korean text, then different garbage (Python U+FFFD).",
	"spamassassin/spam-2-00114.eml from":                 "From is `<>` (a null return path), as cpython/msg_43.eml.",
	"spamassassin/spam-2-01227.eml text":                 "Turkish text without a charset followed by binary junk; the junk's byte pairs outvote the lone Turkish letters, so ours reads the whole as GB18030 (gerçek as ger鏴k: wrong, as Python's U+FFFD is).",
	"spamassassin/spam-2-01359.eml attachments":          "unquoted file name with a space (name=Yinxiang Motorcycles.doc); Python cuts it at the space, ours keeps the whole name.",
}

// loadRealWorld reads the golden file.
func loadRealWorld(t testing.TB) map[string]refRecord {
	return loadReference(t, "golden.json")
}

// loadReference reads golden.json, or golden_codec.json: the second reference,
// Python's email again for the few mails where it cannot find the charset by
// itself (reference_codec.py tells it, and records why and the evidence).
func loadReference(t testing.TB, name string) map[string]refRecord {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(realWorldDir, name))
	if err != nil {
		t.Fatal(err)
	}
	var golden map[string]refRecord
	if err := json.Unmarshal(data, &golden); err != nil {
		t.Fatal(err)
	}
	return golden
}

// squeeze drops all white space, so that two renderings of the same text (line
// breaks from HTML conversion, trailing spaces) compare equal.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// compareRealWorld parses one file and returns the fields that differ from ref,
// each with a short description.
func compareRealWorld(m *Message, ref refRecord) map[string]string {
	diff := map[string]string{}
	if ref.SubjectError == "" && !refMatches(m.Subject, ref.Subject, false) {
		diff["subject"] = fmt.Sprintf("%q, Python %q", m.Subject, ref.Subject)
	}
	// A name in a comment ("addr (Name)") is a name to the clerk and to Python's
	// email.utils.parseaddr, though not to policy.default: either answer counts.
	nameOK := refMatches(m.FromName, ref.FromName, false) || ref.FromLegacy != "" && refMatches(m.FromName, ref.FromLegacy, false)
	if ref.FromError == "" && (!nameOK || !refMatches(m.FromAddr, ref.FromAddr, false)) {
		diff["from"] = fmt.Sprintf("%q <%s>, Python %q <%s>", m.FromName, m.FromAddr, ref.FromName, ref.FromAddr)
	}
	// Text holds every text part (and forwarded text); Python's get_body picks
	// one. The reference text must appear in ours.
	if !refMatches(m.Text, ref.Text, true) {
		diff["text"] = firstDifference(m.Text, ref.Text)
	}
	// Attachments compare as multisets of content hashes; attached messages are
	// left out on both sides (Python does not give them a byte form to hash).
	var ours, theirs, ourNames, theirNames []string
	for _, a := range m.Attachments {
		if strings.HasPrefix(a.ContentType, "message/") {
			continue
		}
		ours = append(ours, a.SHA256)
		ourNames = append(ourNames, a.SHA256+" "+a.Name)
	}
	named := true // Python named every attachment, so names can be compared
	for _, a := range ref.Attachments {
		theirs = append(theirs, a.SHA256)
		theirNames = append(theirNames, a.SHA256+" "+sanitizeFilename(a.Name))
		named = named && a.Name != ""
	}
	sort.Strings(ours)
	sort.Strings(theirs)
	sort.Strings(ourNames)
	sort.Strings(theirNames)
	switch {
	case strings.Join(ours, ",") != strings.Join(theirs, ","):
		var o, r []string
		for _, a := range m.Attachments {
			o = append(o, fmt.Sprintf("%s/%d", a.Name, a.Size))
		}
		for _, a := range ref.Attachments {
			r = append(r, fmt.Sprintf("%s/%d", a.Name, a.Size))
		}
		diff["attachments"] = fmt.Sprintf("%q, Python %q", o, r)
	case named && strings.Join(ourNames, ",") != strings.Join(theirNames, ","):
		diff["attachments"] = fmt.Sprintf("names %q, Python %q", ourNames, theirNames)
	}
	return diff
}

func TestRealWorldAgainstPython(t *testing.T) {
	golden := loadRealWorld(t)
	codec := loadReference(t, "golden_codec.json")
	if len(golden) < 500 {
		t.Fatalf("real-world corpus has %d mails, want at least 500", len(golden))
	}
	files := make([]string, 0, len(golden))
	for f := range golden {
		files = append(files, f)
	}
	sort.Strings(files)
	agree := map[string]int{}       // with the reference: Python, or Python told the charset
	agreePython := map[string]int{} // with Python's policy.default alone
	seenKnown := map[string]bool{}
	for _, f := range files {
		fh, err := os.Open(filepath.Join(realWorldDir, f))
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(fh, hashOnly)
		fh.Close()
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		diffPython := compareRealWorld(m, golden[f])
		diff := diffPython
		if ref, ok := codec[f]; ok {
			// The second reference is only for mails where Python alone and we
			// differ; one that agrees anyway must leave golden_codec.json.
			if len(diffPython) == 0 {
				t.Errorf("%s: agrees with Python alone; remove it from reference_codec.py", f)
			}
			diff = compareRealWorld(m, ref)
		}
		for _, field := range realWorldFields {
			if _, differs := diffPython[field]; !differs {
				agreePython[field]++
			}
			d, differs := diff[field]
			key := f + " " + field
			if !differs {
				agree[field]++
				continue
			}
			if _, ok := realWorldKnown[key]; ok {
				seenKnown[key] = true
				continue
			}
			t.Errorf("%s: %s differs: %s", f, field, d)
		}
	}
	for f := range codec {
		if _, ok := golden[f]; !ok {
			t.Errorf("%s in golden_codec.json but not in golden.json", f)
		}
	}
	for key := range realWorldKnown {
		if !seenKnown[key] {
			t.Errorf("%s: listed as a known difference but agrees now; remove it from realWorldKnown and the README", key)
		}
	}
	n := len(files)
	for _, field := range realWorldFields {
		pct := 100 * float64(agree[field]) / float64(n)
		t.Logf("%-11s agree on %d of %d mails (%.1f %%) with the reference (Python; for the %d mails of golden_codec.json, Python told the charset); with Python alone on %d (%.1f %%)",
			field, agree[field], n, pct, len(codec), agreePython[field], 100*float64(agreePython[field])/float64(n))
		if pct < 99 {
			t.Errorf("%s: agreement %.1f %% is under 99 %%", field, pct)
		}
	}
}

// firstDifference shows where two squeezed texts part, for the test log.
func firstDifference(ours, ref string) string {
	a, b := []rune(squeeze(ours)), []rune(squeeze(ref))
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-20)
	return fmt.Sprintf("at %d: ours %q, Python %q", i, string(a[lo:min(len(a), i+40)]), string(b[lo:min(len(b), i+40)]))
}

// refMatches compares our value with Python's after squeezing white space.
// Where Python could not decode bytes it holds U+FFFD, and where it read a
// Windows-1252 byte under an ISO-8859-1 label it holds a C1 control; neither
// says what the text is, so a run of U+FFFD matches any run of characters, and a
// C1 control matches its Windows-1252 character (what WHATWG, and this package,
// read such a label as). With within, Python's text may be part of ours.
func refMatches(ours, ref string, within bool) bool {
	o, r := squeeze(ours), squeeze(mapC1(ref))
	if !strings.ContainsRune(r, '\uFFFD') {
		if within {
			return strings.Contains(o, r)
		}
		return o == r
	}
	var pat strings.Builder
	pat.WriteString("(?s)")
	if !within {
		pat.WriteString("^")
	}
	for _, seg := range splitReplacement(r) {
		if seg.unknown == 0 {
			pat.WriteString(regexp.QuoteMeta(seg.text))
			continue
		}
		if seg.unknown > 200 {
			pat.WriteString(".+?")
		} else {
			fmt.Fprintf(&pat, ".{0,%d}?", 4*seg.unknown)
		}
	}
	if !within {
		pat.WriteString("$")
	}
	re, err := regexp.Compile(pat.String())
	return err == nil && re.MatchString(o)
}

type refSegment struct {
	text    string
	unknown int // a run of this many U+FFFD instead of text
}

// splitReplacement cuts s into known text and unknown runs: a maximal run of
// non-ASCII characters that holds a U+FFFD is unknown, because Python decodes
// raw 8-bit header bytes as UTF-8 with surrogate escapes, so byte pairs that
// happen to be valid UTF-8 survive between its U+FFFDs as unrelated letters.
func splitReplacement(s string) []refSegment {
	var segs []refSegment
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] >= 0x80 {
			j++
		}
		if j > i && strings.ContainsRune(string(rs[i:j]), '\uFFFD') {
			segs = append(segs, refSegment{unknown: j - i})
			i = j
			continue
		}
		if j == i {
			j++
		}
		if n := len(segs); n > 0 && segs[n-1].unknown == 0 {
			segs[n-1].text += string(rs[i:j])
		} else {
			segs = append(segs, refSegment{text: string(rs[i:j])})
		}
		i = j
	}
	return segs
}

// mapC1 reads C1 controls as the Windows-1252 characters they were.
func mapC1(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 && r <= 0x9f {
			if d, err := charmap.Windows1252.NewDecoder().Bytes([]byte{byte(r)}); err == nil {
				if c, _ := utf8.DecodeRune(d); c != utf8.RuneError {
					return c
				}
			}
		}
		return r
	}, s)
}

// TestRealWorldAlternative scores another parser's answers (written by
// testdata/realworld/compare) with the same comparison, for the README's
// parser comparison. It runs only when BEIANDESK_ALT_JSON names such a file.
func TestRealWorldAlternative(t *testing.T) {
	path := os.Getenv("BEIANDESK_ALT_JSON")
	if path == "" {
		t.Skip("BEIANDESK_ALT_JSON not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var alt map[string]struct {
		Subject, FromName, FromAddr, Text string
		Attachments                       []Attachment
		Error                             string
	}
	// The compare tool writes snake_case keys; map them onto the struct.
	var rawAlt map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &rawAlt); err != nil {
		t.Fatal(err)
	}
	alt = map[string]struct {
		Subject, FromName, FromAddr, Text string
		Attachments                       []Attachment
		Error                             string
	}{}
	for f, rec := range rawAlt {
		var a struct {
			Subject, FromName, FromAddr, Text string
			Attachments                       []Attachment
			Error                             string
		}
		str := func(k string) string {
			var s string
			json.Unmarshal(rec[k], &s)
			return s
		}
		a.Subject, a.FromName, a.FromAddr, a.Text, a.Error = str("subject"), str("from_name"), str("from_addr"), str("text"), str("error")
		var atts []struct {
			Name, SHA256, Type string
			Size               int64
		}
		json.Unmarshal(rec["attachments"], &atts)
		for _, x := range atts {
			a.Attachments = append(a.Attachments, Attachment{Name: x.Name, SHA256: x.SHA256, Size: x.Size, ContentType: x.Type})
		}
		alt[f] = a
	}
	golden := loadRealWorld(t)
	codec := loadReference(t, "golden_codec.json")
	agree, agreePython, errs := map[string]int{}, map[string]int{}, 0
	for f, ref := range golden {
		a, ok := alt[f]
		if !ok {
			t.Fatalf("%s missing from %s", f, path)
		}
		if a.Error != "" {
			errs++
		}
		text := a.Text
		if looksLikeHTML([]byte(text)) {
			text = htmlToText(text) // the same HTML rendering as ours, so only decoding is weighed
		}
		m := &Message{Subject: a.Subject, FromName: a.FromName, FromAddr: a.FromAddr, Text: text, Attachments: a.Attachments}
		diffPython := compareRealWorld(m, ref)
		diff := diffPython
		if c, ok := codec[f]; ok {
			diff = compareRealWorld(m, c)
		}
		for _, field := range realWorldFields {
			if _, differs := diff[field]; !differs {
				agree[field]++
			}
			if _, differs := diffPython[field]; !differs {
				agreePython[field]++
			}
		}
	}
	n := len(golden)
	t.Logf("%s: %d mails, %d parse errors", path, n, errs)
	for _, field := range realWorldFields {
		t.Logf("%-11s agree on %d of %d (%.1f %%) with the reference; with Python alone on %d (%.1f %%)",
			field, agree[field], n, 100*float64(agree[field])/float64(n), agreePython[field], 100*float64(agreePython[field])/float64(n))
	}
}
