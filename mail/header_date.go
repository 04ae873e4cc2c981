package mail

import (
	netmail "net/mail"
	"regexp"
	"strings"
	"time"
)

// chinaTime is assumed for dates that carry no zone: the mail this package reads
// is written in China.
var chinaTime = time.FixedZone("CST", 8*60*60)

// dateLayouts are tried after net/mail.ParseDate, for dates written by broken
// clients, scripts and web forms.
var dateLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04:05",
	"Mon, 2 January 2006 15:04:05 -0700",
	"Mon Jan 2 15:04:05 2006",
	"Mon Jan 2 15:04:05 -0700 2006",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05",
	"2006/01/02 15:04:05",
	"2006/1/2 15:04:05",
	"2006/1/2 15:04",
	"2006年1月2日 15:04:05",
	"2006年1月2日 15:04",
	"2006年1月2日",
	"2006-01-02",
}

var (
	dateComment = regexp.MustCompile(`\([^()]*\)`)
	// "GMT+0800", "UTC+08:00", "GMT+8" → "+0800"
	dateGMTOffset = regexp.MustCompile(`(?i)\b(?:GMT|UTC)\s*([+-])(\d{1,2}):?(\d{2})?\b`)
	dateWeekday   = regexp.MustCompile(`(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+`)
	dateNamedZone = regexp.MustCompile(`\s+(?:[A-Z]{2,5})$`)
)

// parseDate parses a Date header value. ok is false when nothing matched.
func parseDate(value string) (t time.Time, ok bool) {
	s := collapseSpace(value)
	if s == "" {
		return time.Time{}, false
	}
	// Rewrite "GMT+8" first: Go reads it as a zone abbreviation for UTC, not UTC+8.
	s = dateGMTOffset.ReplaceAllStringFunc(s, func(m string) string {
		p := dateGMTOffset.FindStringSubmatch(m)
		h, mm := p[2], p[3]
		if len(h) == 1 {
			h = "0" + h
		}
		if mm == "" {
			mm = "00"
		}
		return p[1] + h + mm
	})
	if t, err := netmail.ParseDate(s); err == nil {
		return t, true
	}
	s = collapseSpace(dateComment.ReplaceAllString(s, " "))
	candidates := []string{s, dateWeekday.ReplaceAllString(s, "")}
	if trimmed := dateNamedZone.ReplaceAllString(s, ""); trimmed != s {
		candidates = append(candidates, trimmed, dateWeekday.ReplaceAllString(trimmed, ""))
	}
	for _, c := range candidates {
		if t, err := netmail.ParseDate(c); err == nil {
			return t, true
		}
		for _, layout := range dateLayouts {
			if t, err := time.ParseInLocation(layout, c, chinaTime); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// cleanMessageID returns the first message id in v without angle brackets.
func cleanMessageID(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 0 {
			v = v[i+1 : i+j]
		} else {
			v = v[i+1:]
		}
	}
	return strings.Join(strings.Fields(v), "")
}
