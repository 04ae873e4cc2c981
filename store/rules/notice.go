package rules

import (
	"fmt"
	"strings"
	"time"

	"beiandesk/store/workday"
)

// NoticeInput is what a 退回补正 notice says.
type NoticeInput struct {
	CaseNumber string    // e.g. ZX-2026-0001
	Sponsor    string    // the holder the notice is addressed to
	Kind       Kind      // names the request in the opening sentence
	Received   time.Time // when the request arrived
	Items      []Item    // the checklist; present items are not mentioned
	Date       time.Time // the date of the notice
	Clerk      string    // optional, printed as 经办人
	Days       int       // working days of the period; 0 means DefaultDeadlineDays(Kind)
}

// ReturnNotice writes the 退回补正 notice: what is missing or defective, how
// to resubmit, and that the period starts again when the complete materials
// arrive. The text is ready to send by mail or to print.
func ReturnNotice(n NoticeInput) string {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	linef := func(format string, a ...any) { line(fmt.Sprintf(format, a...)) }
	line(noticeTitle)
	line("")
	sponsor := strings.TrimSpace(n.Sponsor)
	if sponsor == "" {
		sponsor = noticeNoSponsor
	}
	linef(noticeSalutation, sponsor)

	probs := problems(n.Items, noticeProblems)
	linef(noticeOpening, civilDate(n.Received), n.Kind.Label(), n.CaseNumber, defectPhrase(n.Items))
	for i, p := range probs {
		linef(noticeItem, i+1, p)
	}
	line(noticeFormRule)
	line(noticeHowTo)
	for _, w := range noticeWays {
		line(w)
	}
	days := n.Days
	if days == 0 {
		days = DefaultDeadlineDays(n.Kind)
	}
	if days > 0 {
		linef(noticeRestart, days)
	}
	line(noticeContact)
	line("")
	for _, s := range noticeSignature {
		line(s)
	}
	if c := strings.TrimSpace(n.Clerk); c != "" {
		linef(noticeClerk, c)
	}
	line(noticeIndent + civilDate(n.Date))
	return b.String()
}

// defectPhrase words the opening after what the checklist found.
func defectPhrase(items []Item) string {
	var missing, defective bool
	for _, it := range items {
		switch it.State {
		case ItemPresent:
		case ItemMissing:
			missing = true
		default:
			defective = true
		}
	}
	switch {
	case missing && defective:
		return phraseBoth
	case missing:
		return phraseMissing
	}
	return phraseDefective
}

func civilDate(t time.Time) string {
	return workday.Civil(t).Format(dateLayout)
}
