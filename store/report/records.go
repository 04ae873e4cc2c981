package report

import (
	"strings"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// Source is what the report reads from a case book.
type Source interface {
	store.CalendarService
	store.ReportService
}

// caseRec is a case as loaded, before it is judged as of the period end.
// Only its Row outlives Compute.
type caseRec struct {
	*Row
	clockDay  time.Time // day the clock last (re)started, as of today
	due       time.Time // due date as of today; zero when none
	closedDay time.Time // zero when still open today
	events    []statusEvent
	national  []store.NationalAction
}

// statusEvent is one status move of a case's history, in the book's own
// type: 100k cases have some 300k of them, not to be copied.
type statusEvent = store.StatusMove

// records turns the book's report cases into the report's own records. It
// drops each case from cases once copied, so that what is left of it (all
// but its strings and history) can be collected before the end: 100k of
// them are 40 MB.
func records(cases []*store.ReportCase) []*caseRec {
	recs := make([]*caseRec, len(cases))
	rows := make([]Row, len(cases))
	for i, c := range cases {
		row := &rows[i]
		row.ID, row.Number, row.Kind, row.Channel, row.Current = c.ID, c.Number, c.Kind, c.Channel, c.Status
		row.ReceivedAt, row.ReceivedDay = c.ReceivedAt, c.ReceivedDay
		row.SponsorType, row.Applicant, row.Sponsor, row.CertNo, row.Provider = c.SponsorType, c.Applicant, c.Sponsor, c.CertNo, c.Provider
		row.Contact, row.Phone, row.Filings, row.Domains, row.Note = c.Contact, c.Phone, c.Filings, c.Domains, c.Note
		row.Complete, row.Mails = c.Complete, c.Mails
		row.Notified = notified(c.NoticeDays)
		recs[i] = &caseRec{Row: row, clockDay: c.ClockDay, due: c.Due, closedDay: c.ClosedDay, events: c.Moves,
			national: c.National}
		cases[i] = nil
	}
	return recs
}

// notified is the 告知 column: 已告知 and the days notices were mailed.
func notified(days []time.Time) string {
	if len(days) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(notifiedLabel)
	for _, d := range days {
		b.WriteString(" " + workday.Format(d))
	}
	return b.String()
}
