package mail

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/width"

	"beiandesk/store/validate"
)

// Proposal holds case fields found in a mail. The clerk confirms them; nothing is
// applied silently.
type Proposal struct {
	Filings     []string // ICP filing numbers, normalised like 晋ICP备12345678号-1
	Domains     []string // registrable domains (ASCII, punycode, lower case) not part of an e-mail address
	USCCs       []string // unified social credit codes with a valid check character
	IDNumbers   []string // resident ID numbers with a valid check character
	Phones      []string // mobiles as 11 digits, landlines as 0351-8788032
	Sponsor     string   // guessed sponsor (主办者) name; a person's name for a personal request
	Kind        string   // "deregister", "password" or ""
	SponsorType string   // "org", "person" or ""
	Contact     string   // contact person (联系人)
	Provider    string   // access provider (接入商)
	// Fields names the case fields this proposal fills (ProposalFields order),
	// so that the form can mark what came from the mail.
	Fields []string
}

// The names used in Proposal.Fields, in form order.
const (
	FieldKind        = "kind"
	FieldSponsorType = "sponsor_type"
	FieldSponsor     = "sponsor"
	FieldCertNo      = "cert_no"
	FieldContact     = "contact"
	FieldPhone       = "phone"
	FieldProvider    = "provider"
	FieldFilings     = "filings"
	FieldDomains     = "domains"
)

// filledFields lists the fields p fills.
func filledFields(p Proposal) []string {
	var out []string
	add := func(name string, filled bool) {
		if filled {
			out = append(out, name)
		}
	}
	add(FieldKind, p.Kind != "")
	add(FieldSponsorType, p.SponsorType != "")
	add(FieldSponsor, p.Sponsor != "")
	add(FieldCertNo, len(p.USCCs)+len(p.IDNumbers) > 0)
	add(FieldContact, p.Contact != "")
	add(FieldPhone, len(p.Phones) > 0)
	add(FieldProvider, p.Provider != "")
	add(FieldFilings, len(p.Filings) > 0)
	add(FieldDomains, len(p.Domains) > 0)
	return out
}

// propose extracts the proposal from the subject, the text and the attachment
// names of m.
func propose(m *Message) Proposal {
	names := make([]string, len(m.Attachments))
	for i, a := range m.Attachments {
		names[i] = a.Name
	}
	nameText := strings.Join(names, "\n")
	body := m.Subject + "\n" + m.Text
	// Full-width digits, letters and punctuation are common in Chinese text.
	// Fold maps rune by rune, so the body is folded once and reused.
	foldedBody := width.Fold.String(body)
	folded := foldedBody + "\n" + width.Fold.String(nameText)

	var p Proposal
	p.Provider = findLabelled(m.Subject+"\n"+m.Text, providerLabels, isProviderName)
	// The access provider's name is no sponsor, and its 有限公司 says
	// nothing about the sponsor type.
	sponsorText := m.Text
	if p.Provider != "" {
		sponsorText = strings.ReplaceAll(sponsorText, p.Provider, "")
	}
	p.Filings = findFilings(folded)
	p.Domains = findDomains(foldedBody)
	p.USCCs, p.IDNumbers = findCodes(folded)
	p.Phones = findPhones(folded)
	p.Sponsor = findSponsor(m.Subject, sponsorText, nameText)
	p.Kind = findKind(m.Subject, nameText, m.Text)
	p.SponsorType = findSponsorType(m.Subject+"\n"+nameText, sponsorText, p)
	if p.SponsorType == "person" {
		// A personal filing's sponsor is the person: a labelled name beats an
		// organisation name that merely occurs in the text.
		if name := findPersonName(m.Subject, m.Text); name != "" {
			p.Sponsor = name
		}
	}
	p.Contact = findLabelled(m.Text, contactLabels, isPersonName)
	p.Fields = filledFields(p)
	return p
}

// filingWindows returns the stretches of text around each "ICP" (any case),
// which every filing number contains, merged where they overlap: the finder
// then sees the same numbers as in the whole text, without scanning the prose
// between them.
func filingWindows(text string) []string {
	var out []string
	from, to := -1, -1
	flush := func() {
		if from >= 0 {
			out = append(out, text[from:to])
		}
	}
	for i := 0; ; {
		k := indexICP(text[i:])
		if k < 0 {
			break
		}
		at := i + k
		i = at + 3
		lo := max(0, at-filingLead)
		for lo > 0 && !utf8.RuneStart(text[lo]) {
			lo--
		}
		hi := min(len(text), at+filingTail)
		for hi < len(text) && (!utf8.RuneStart(text[hi]) || isAlnum(rune(text[hi]))) {
			hi++ // a run of digits or letters is never cut: the finder looks at what follows
		}
		if from >= 0 && lo <= to {
			to = hi
			continue
		}
		flush()
		from, to = lo, hi
	}
	flush()
	return out
}

// indexICP finds "icp" in any ASCII case. (strings.ToLower could change the
// byte length of other text and so misplace the windows.)
func indexICP(s string) int {
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 == 'i' && s[i+1]|0x20 == 'c' && s[i+2]|0x20 == 'p' {
			return i
		}
	}
	return -1
}

// Bytes a filing number can reach before and after its "ICP": a province
// (3 bytes) with some spaces, and 备, up to ten digits, 号 and -NN A.
const (
	filingLead = 12
	filingTail = 48
)

// findFilings returns the filing numbers in text as store/validate finds them
// (one rule for what a filing number is), looking only at the windows around
// each "ICP".
func findFilings(text string) []string {
	var out []string
	// A mail repeats itself (quoted replies, the subject in the text, a
	// signature): a window seen before adds nothing new.
	seen := map[string]bool{}
	for _, w := range filingWindows(text) {
		if seen[w] {
			continue
		}
		seen[w] = true
		for _, f := range validate.FindFilings(w) {
			out = appendUnique(out, f)
		}
	}
	return out
}

// hostPattern finds host name candidates, Chinese labels included. Label rules
// are checked afterwards: counted repetitions would make the regexp slow on long
// texts.
var hostPattern = regexp.MustCompile(`[\p{Han}a-z0-9-]+(?:\.[\p{Han}a-z0-9-]+)+`)

// fileExtensions are TLDs that are far more often file name extensions.
var fileExtensions = map[string]bool{
	"doc": true, "docx": true, "xls": true, "xlsx": true, "ppt": true, "pptx": true,
	"pdf": true, "jpg": true, "jpeg": true, "png": true, "gif": true, "bmp": true,
	"zip": true, "rar": true, "7z": true, "txt": true, "eml": true, "htm": true,
	"html": true, "exe": true, "js": true, "css": true, "json": true, "xml": true,
	"php": true, "asp": true, "aspx": true, "jsp": true, "py": true, "go": true,
	"md": true, "sh": true, "wps": true, "et": true, "ofd": true, "mp4": true, "mov": true,
}

// findDomains returns registrable domains mentioned in text, excluding the
// domains of e-mail addresses and file names.
// hostMatches runs hostPattern only over the runs of characters it can
// match that contain a dot, and returns the matches as offsets into lower:
// the same matches as over the whole text, without backtracking through
// every Chinese sentence.
func hostMatches(lower string) [][]int {
	var out [][]int
	start, dot := -1, false
	// The pattern runs once per distinct run (a mail repeats itself); the
	// offsets within a run are the same wherever it occurs.
	memo := map[string][][]int{}
	flush := func(end int) {
		if start >= 0 && dot {
			run := lower[start:end]
			ms, ok := memo[run]
			if !ok {
				ms = hostPattern.FindAllStringIndex(run, -1)
				memo[run] = ms
			}
			for _, m := range ms {
				out = append(out, []int{start + m[0], start + m[1]})
			}
		}
		start, dot = -1, false
	}
	for i, r := range lower {
		if r == '.' || r == '-' || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || isHanRune(r) {
			if start < 0 {
				start = i
			}
			dot = dot || r == '.'
			continue
		}
		flush(i)
	}
	flush(len(lower))
	return out
}

func findDomains(text string) []string {
	lower := lowerForHosts(text)
	var out []string
	// A mail names its domain many times; the IDNA and public-suffix checks
	// run once per distinct host.
	done := map[string]bool{}
	for _, loc := range hostMatches(lower) {
		start, end := loc[0], loc[1]
		for start < end && lower[start] == '-' {
			start++
		}
		start, end, ok := hostCandidate(lower, start, end)
		if !ok || partOfEmail(lower, start, end) || done[lower[start:end]] {
			continue
		}
		done[lower[start:end]] = true
		if d := registrableDomain(lower[start:end]); d != "" {
			out = appendUnique(out, d)
			// The www host is a domain of its own on the filing (网站域名
			// lists it), so it is proposed beside the registrable one.
			if host, err := idna.Lookup.ToASCII(lower[start:end]); err == nil && host == "www."+d {
				out = appendUnique(out, host)
			}
		}
	}
	return out
}

// lowerForHosts lower-cases what a host name can hold. Hosts are made of
// ASCII letters and digits and Han characters, so only ASCII letters need
// lowering; strings.ToLower's rune-by-rune pass over the Chinese text cost
// as much as the host search itself. The two runes whose lower case is
// ASCII (U+0130 İ, U+212A Kelvin) take the full path.
func lowerForHosts(text string) string {
	// Two Contains, not ContainsAny: that decodes every rune of the text and
	// was most of the domain search (pprof, issue 11).
	if strings.Contains(text, "\u0130") || strings.Contains(text, "\u212a") {
		return strings.ToLower(text)
	}
	b := []byte(text)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// hostCandidate narrows the match text[start:end] to a host name. In Chinese
// running text an ASCII host is often glued to the words around it
// (网站www.example.cn已关闭); those are cut off. A host with Chinese labels is only
// taken after a delimiter, since its first label cannot be told apart from the
// words before it.
func hostCandidate(text string, start, end int) (int, int, bool) {
	if !hasHan(text[start:end]) {
		return start, end, true
	}
	host := text[start:end]
	last := host[strings.LastIndexByte(host, '.')+1:]
	if i := strings.IndexFunc(last, isHanRune); i > 0 {
		end -= len(last) - i
	}
	host = text[start:end]
	first := host[:strings.IndexByte(host, '.')]
	if i := strings.IndexFunc(first, func(r rune) bool { return !isHanRune(r) }); i > 0 {
		start += i
	}
	if !hasHan(text[start:end]) {
		return start, end, true
	}
	return start, end, delimitedBefore(text, start)
}

// registrableDomain validates a host name and returns its registrable domain
// (eTLD+1) in ASCII, or "" when host is not a usable domain.
func registrableDomain(host string) string {
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil {
		return ""
	}
	labels := strings.Split(ascii, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return ""
		}
	}
	tld := labels[len(labels)-1]
	if fileExtensions[tld] || !strings.HasPrefix(tld, "xn--") && strings.Trim(tld, "abcdefghijklmnopqrstuvwxyz") != "" {
		return ""
	}
	suffix, icann := publicsuffix.PublicSuffix(ascii)
	if !icann && !strings.Contains(suffix, ".") || suffix == ascii {
		return "" // unknown TLD, or only a public suffix such as com.cn
	}
	reg, err := publicsuffix.EffectiveTLDPlusOne(ascii)
	if err != nil {
		reg = ascii
	}
	if authorityDomains[reg] {
		return ""
	}
	return reg
}

// authorityDomains belong to the filing system itself; mails quote them in
// instructions, and they are never the subject of a case.
var authorityDomains = map[string]bool{"miit.gov.cn": true, "beian.gov.cn": true}

func partOfEmail(s string, start, end int) bool {
	return start > 0 && s[start-1] == '@' || end < len(s) && s[end] == '@'
}

// delimitedBefore reports whether the text before i ends a word: start of text,
// white space, or punctuation (ASCII or CJK).
func delimitedBefore(s string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(s[:i])
	if size == 0 {
		return true
	}
	return r < 0x80 && !isAlnum(r) || strings.ContainsRune("，。：；、（）《》“”‘’【】！？", r)
}

// isHanRune answers the common CJK Unified Ideographs block (all Han) without
// unicode.Is's table search.
func isHanRune(r rune) bool {
	return 0x4E00 <= r && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, isHanRune) >= 0
}

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// alnumRuns returns the maximal runs of ASCII letters and digits in text that
// are exactly n bytes long (a hand loop: a regexp here cost more than the
// rest of the proposal).
func alnumRuns(text string, n int) []string {
	var out []string
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			c := text[i]
			if '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				if start < 0 {
					start = i
				}
				continue
			}
		}
		if start >= 0 && i-start == n {
			out = append(out, text[start:i])
		}
		start = -1
	}
	return out
}

// findCodes returns USCCs and resident ID numbers: 18-character alphanumeric
// runs with a valid check character.
func findCodes(text string) (usccs, ids []string) {
	seen := map[string]bool{}
	for _, run := range alnumRuns(text, 18) {
		if seen[run] {
			continue // found or refused already
		}
		seen[run] = true
		up := strings.ToUpper(run)
		if _, err := validate.USCC(up); err == nil {
			usccs = appendUnique(usccs, up)
		}
		if _, err := validate.ResidentID(up); err == nil {
			ids = appendUnique(ids, up)
		}
	}
	return usccs, ids
}

var (
	mobilePattern   = regexp.MustCompile(`(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})`)
	landlinePattern = regexp.MustCompile(`\(?(010|02\d|0[3-9]\d{2})\)?[-\s]?([2-9]\d{6,7})`)
)

// findPhones returns mobile and landline numbers, in order of appearance, that
// are not embedded in longer digit runs (such as ID numbers).
func findPhones(text string) []string {
	type hit struct {
		at    int
		phone string
	}
	var hits []hit
	// A span seen before adds no new number: the digits around a match
	// lie inside its span (spans are maximal), so what a span yields does
	// not depend on where it is.
	seen := map[string]bool{}
	// The patterns run only over spans that could hold a number: most of a
	// mail is prose, and backtracking over it dominated the import time.
	for _, sp := range numberSpans(text, 7) {
		part := text[sp[0]:sp[1]]
		if seen[part] {
			continue
		}
		seen[part] = true
		for _, m := range mobilePattern.FindAllStringSubmatchIndex(part, -1) {
			if !digitAround(text, sp[0]+m[0], sp[0]+m[1]) {
				hits = append(hits, hit{sp[0] + m[0], part[m[2]:m[3]] + part[m[4]:m[5]] + part[m[6]:m[7]]})
			}
		}
		for _, m := range landlinePattern.FindAllStringSubmatchIndex(part, -1) {
			if !digitAround(text, sp[0]+m[0], sp[0]+m[1]) {
				hits = append(hits, hit{sp[0] + m[0], part[m[2]:m[3]] + "-" + part[m[4]:m[5]]})
			}
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
	var out []string
	for _, h := range hits {
		out = appendUnique(out, h.phone)
	}
	return out
}

// numberSpans returns the maximal runs of text made only of the characters a
// phone number pattern can match (digits, + - ( ), white space) that hold at
// least minDigits digits, as byte offsets.
func numberSpans(text string, minDigits int) [][2]int {
	var spans [][2]int
	start, digits := -1, 0
	flush := func(end int) {
		if start >= 0 && digits >= minDigits {
			spans = append(spans, [2]int{start, end})
		}
		start, digits = -1, 0
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case '0' <= c && c <= '9':
			if start < 0 {
				start = i
			}
			digits++
		case c == '+' || c == '-' || c == '(' || c == ')' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	return spans
}

func digitAround(s string, start, end int) bool {
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	return start > 0 && isDigit(s[start-1]) || end < len(s) && isDigit(s[end])
}

var passwordWords = []string{
	"找回密码", "找回备案密码", "密码找回", "重置密码", "重置备案密码", "密码重置", "忘记密码", "忘记备案密码",
}

// findKind classifies the request. Sources are tried in order of reliability
// (subject, attachment names, text); within one, the earlier mention wins.
func findKind(sources ...string) string {
	for _, s := range sources {
		d := strings.Index(s, "注销")
		p := -1
		for _, w := range passwordWords {
			if i := strings.Index(s, w); i >= 0 && (p < 0 || i < p) {
				p = i
			}
		}
		switch {
		case d >= 0 && (p < 0 || d < p):
			return "deregister"
		case p >= 0:
			return "password"
		}
	}
	return ""
}

func appendUnique(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}
