package report

import (
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
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
}

// statusEvent is one status move of a case's history.
type statusEvent struct {
	id       int64
	at       time.Time
	from, to rules.Status
}

// records turns the book's report cases into the report's own records.
func records(cases []*store.ReportCase) []*caseRec {
	recs := make([]*caseRec, len(cases))
	rows := make([]Row, len(cases))
	for i, c := range cases {
		row := &rows[i]
		row.ID, row.Number, row.Kind, row.Channel, row.Current = c.ID, c.Number, c.Kind, c.Channel, c.Status
		row.ReceivedAt, row.ReceivedDay = c.ReceivedAt, c.ReceivedDay
		row.SponsorType, row.Sponsor, row.CertNo, row.Provider = c.SponsorType, c.Sponsor, c.CertNo, c.Provider
		row.Contact, row.Phone, row.Filings, row.Domains, row.Note = c.Contact, c.Phone, c.Filings, c.Domains, c.Note
		row.Complete, row.Mails = c.Complete, c.Mails
		var events []statusEvent
		if len(c.Moves) > 0 {
			events = make([]statusEvent, len(c.Moves))
			for j, m := range c.Moves {
				events[j] = statusEvent{id: m.ID, at: m.At, from: m.From, to: m.To}
			}
		}
		recs[i] = &caseRec{Row: row, clockDay: c.ClockDay, due: c.Due, closedDay: c.ClosedDay, events: events}
	}
	return recs
}
