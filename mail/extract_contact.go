package mail

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contactLabels introduce the contact person in letters and forms.
var contactLabels = newWordSet("联系人姓名", "联系人", "经办人姓名", "经办人", "被授权人姓名", "被授权人")

// providerLabels introduce the access provider (接入商).
var providerLabels = newWordSet("接入服务商名称", "接入服务商", "接入服务单位", "接入商名称", "接入商", "接入单位", "接入服务提供者")

// personLabels introduce a person's name on a personal application.
var personLabels = newWordSet("主办者姓名", "主办人姓名", "网站负责人姓名", "本人姓名", "申请人姓名", "主办人", "申请人", "姓名")

// labelValueLine is labelValue kept to one line: an empty 联系人： must not
// take the next line's label as its value.
var labelValueLine = regexp.MustCompile(`^(?:[ \t]*[:：][ \t]*|[ \t]*为[ \t]*|[ \t]+)([^\s,，.。;；:：、"“”<>|]+)`)

// findLabelled returns the first value after one of labels that ok accepts.
// The value ends at white space or punctuation, as labelValue reads it; a
// phone number glued to a name (联系人：郭敏13912345678) is cut off.
func findLabelled(text string, labels *wordSet, ok func(string) bool) string {
	for _, hit := range findWords(text, labels) {
		window := text[hit.end:min(len(text), hit.end+4*maxOrgName)]
		m := labelValueLine.FindStringSubmatch(window)
		if m == nil {
			continue
		}
		v := strings.TrimRightFunc(strings.Trim(m[1], "()（）"), func(r rune) bool {
			return '0' <= r && r <= '9' || r == '-' || r == '+'
		})
		if ok(v) {
			return v
		}
	}
	return ""
}

// isPersonName accepts a Chinese name of 2 to 5 characters (with a middle dot
// for minority and foreign names), or a Latin name of up to 40 letters.
func isPersonName(s string) bool {
	n := utf8.RuneCountInString(s)
	han := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r == '·' || r == '•':
		case han == 0 && (unicode.IsLetter(r) || r == ' ' || r == '.'):
		default:
			return false
		}
	}
	if han > 0 {
		return han >= 2 && n <= 8 && !strings.ContainsAny(s, "公司局单位部") && s != "姓名"
	}
	return n >= 2 && n <= 40
}

// isProviderName accepts an organisation name of 2 to 50 characters that is
// not a label word itself.
func isProviderName(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 2 && n <= maxOrgName && s != "名称" && !strings.HasPrefix(s, "http")
}

// findPersonName finds a person's name on a personal request: a labelled
// value in the subject or text.
func findPersonName(subject, text string) string {
	for _, src := range []string{subject, text} {
		if v := findLabelled(src, personLabels, isPersonName); v != "" {
			return v
		}
	}
	return ""
}
