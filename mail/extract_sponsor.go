package mail

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The sponsor finders scan for fixed words with strings.Index and look only
// around the hits: regular expressions over a whole 1 MiB text were too slow.

// sponsorLabels introduce the sponsor's name in forms and letters, longest first
// so that 主办单位名称 is preferred over 主办单位 at the same place.
var sponsorLabels = newWordSet(
	"主办单位名称", "主办者名称", "网站主办者", "主办单位", "主办者", "主办人",
	"主体名称", "单位名称", "公司名称", "企业名称",
)

// labelValue matches the separator and value after a label.
var labelValue = regexp.MustCompile(`^(?:\s*[:：]\s*|\s*为\s*|\s+)([^\s,，.。;；:：、"“”<>|]+)`)

// orgSuffixes end organisation names, longest first where one ends another.
var orgSuffixes = newWordSet(
	"股份有限公司", "有限责任公司", "有限公司", "集团公司", "研究院", "研究所",
	"学校", "小学", "中学", "大学", "学院", "医院", "事务所", "工作室", "合作社", "幼儿园",
)

// maxOrgName bounds a guessed organisation name, in characters.
const maxOrgName = 50

// orgLead are words that precede an organisation name in a sentence; the name
// starts after them.
var orgLead = []string{
	"我司", "我公司", "本公司", "我单位", "本单位", "我们", "我是", "关于", "注销", "申请",
	"备案", "贵局", "您好", "你好", "特此", "由于", "因为", "现将", "名称为", "名为", "的", "是",
}

// findSponsor guesses the sponsor's name: first a labelled value such as
// 主办单位：…, then an organisation name in the subject, text or attachment names.
func findSponsor(subject, text, names string) string {
	for _, src := range []string{subject, text} {
		for _, hit := range findWords(src, sponsorLabels) {
			window := src[hit.end:min(len(src), hit.end+4*maxOrgName)]
			m := labelValue.FindStringSubmatch(window)
			if m == nil {
				continue
			}
			v := strings.Trim(m[1], "()（）")
			if n := utf8.RuneCountInString(v); n >= 2 && n <= maxOrgName && v != "名称" {
				return v
			}
		}
	}
	for _, src := range []string{subject, text, names} {
		if name := firstOrgName(src); name != "" {
			return name
		}
	}
	return ""
}

// firstOrgName returns the first organisation name in s. A name never spans
// lines, so s is read line by line up to the first name, and a line seen
// before (a mail repeats itself) is skipped: it held no name.
func firstOrgName(s string) string {
	seen := map[string]bool{}
	for line := range strings.Lines(s) {
		if seen[line] {
			continue
		}
		seen[line] = true
		for _, name := range orgNames(line) {
			if name = trimOrgLead(name); name != "" {
				return name
			}
		}
	}
	return ""
}

// orgNames returns the candidates ending in an organisation suffix: the suffix
// with up to maxOrgName name characters before it.
func orgNames(s string) []string {
	var names []string
	prevEnd := 0
	for _, h := range findWords(s, orgSuffixes) {
		start, n := h.start, 0
		for start > prevEnd && n < maxOrgName {
			r, size := utf8.DecodeLastRuneInString(s[prevEnd:start])
			if !isOrgNameRune(r) {
				break
			}
			start -= size
			n++
		}
		if n > 0 {
			names = append(names, s[start:h.end])
		}
		prevEnd = h.end
	}
	return names
}

func isOrgNameRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || isAlnum(r) || strings.ContainsRune("（）()·", r)
}

// hasOrgSuffix reports whether name ends like an organisation's name.
func hasOrgSuffix(name string) bool {
	for _, suf := range orgSuffixes.words {
		if strings.HasSuffix(name, suf) && len(name) > len(suf) {
			return true
		}
	}
	return false
}

// trimOrgLead cuts the sentence words before an organisation name and rejects
// what is left when it is too short to be a name.
func trimOrgLead(s string) string {
	for {
		cut := -1
		for _, w := range orgLead {
			if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > cut {
				cut = i + len(w)
			}
		}
		if cut <= 0 || cut >= len(s) {
			break
		}
		s = s[cut:]
	}
	s = strings.TrimLeft(s, "()（）·")
	if !hasOrgSuffix(s) || utf8.RuneCountInString(s) < 4 {
		return ""
	}
	return s
}

// Explicit markers, as in form names such as 注销网站APP备案申请表(企业).doc.
var (
	orgMarkers    = markers("企业", "单位", "公司", "组织", "机构")
	personMarkers = markers("个人")
)

func markers(words ...string) []string {
	var out []string
	for _, w := range words {
		for _, open := range []string{"(", "（"} {
			for _, close := range []string{")", "）"} {
				out = append(out, open+w+close)
			}
		}
	}
	return out
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasOrgWords reports wording that speaks of an organisation. 主办单位 does not
// count: forms use it for persons too.
func hasOrgWords(s string) bool {
	if strings.Contains(s, "企业") || strings.Contains(s, "公司") {
		return true
	}
	for i := 0; ; {
		j := strings.Index(s[i:], "单位")
		if j < 0 {
			return false
		}
		if !strings.HasSuffix(s[:i+j], "办") {
			return true
		}
		i += j + len("单位")
	}
}

// findSponsorType decides "org" or "person" from explicit markers such as the
// form name 申请表(企业), then from what was found, then from wording.
func findSponsorType(marked, text string, p Proposal) string {
	all := marked + "\n" + text
	switch {
	case containsAny(all, orgMarkers):
		return "org"
	case containsAny(all, personMarkers):
		return "person"
	case len(p.USCCs) > 0:
		return "org"
	case hasOrgSuffix(p.Sponsor):
		return "org"
	case strings.Contains(all, "个人") && !hasOrgWords(all):
		return "person"
	case len(p.IDNumbers) > 0 && !hasOrgWords(all):
		return "person"
	case hasOrgWords(all):
		return "org"
	}
	return ""
}
