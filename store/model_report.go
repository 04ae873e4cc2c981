package store

import (
	"time"

	"beiandesk/store/rules"
)

// ReportCase is a case as the period report reads it: the few fields the
// report shows, its dates as civil days, and the status moves the report
// needs to judge it as of the period end.
type ReportCase struct {
	ID          int64
	Number      string
	Kind        rules.Kind
	Channel     rules.Channel
	Status      rules.Status // now
	ReceivedAt  time.Time    // China time
	ReceivedDay time.Time
	ClockDay    time.Time // day the clock last (re)started, as of now
	Due         time.Time // due date as of now; zero when none
	ClosedDay   time.Time // zero when open now
	SponsorType rules.SponsorType
	Sponsor     string
	CertNo      string
	Provider    string
	Contact     string
	Phone       string
	Filings     []string
	Domains     []string // in Unicode
	Note        string
	// Complete tells whether every required material is present.
	Complete bool
	// Mails counts the mails linked to the case.
	Mails int
	// Moves are status moves of the case's history, in the order they
	// were recorded (see ReportService.ReportCases for which).
	Moves []StatusMove
}

// StatusMove is one status change of a case's history.
type StatusMove struct {
	ID       int64 // orders moves as they were recorded
	At       time.Time
	From, To rules.Status
}

// CaseRecord is a whole case with its history as another book (or a
// generator of sample data) holds it, stored as it is by
// BulkService.ImportCases.
type CaseRecord struct {
	// Case holds every stored field, Materials included. An empty Number
	// is given the next number of its kind and year; a given one is kept.
	// MailIDs and Warnings are ignored.
	Case Case
	// Events is the history, oldest first. Their ID and CaseID are
	// ignored.
	Events []Event
}

// BulkCalendar is what a generator of sample cases needs: the calendar for
// due dates and the bulk import.
type BulkCalendar interface {
	CalendarService
	BulkService
}
