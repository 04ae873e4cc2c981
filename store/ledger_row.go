package store

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// LedgerRow is a ledger row checked as 登记 checks a new case, with what a
// back end stores of it worked out: ImportLegacyCases of both back ends
// check a row with LegacyCase.Check and store the result with their own SQL.
type LedgerRow struct {
	Valid    *Normalized
	Sponsor  string       // trimmed, never empty
	Received time.Time    // the receipt time
	Day      time.Time    // the receipt day (China time)
	Status   rules.Status // where the ledger says the case stands
	// At is when the case reached Status: the closing time, not before the
	// receipt, or the receipt time when the ledger names none.
	At time.Time
	// Path are the lifecycle's moves from 已登记 to Status, each recorded
	// in the history at At so that the report counts them as it counts a
	// case handled in the app.
	Path []rules.Status
	// ItemState is the state of every checklist item: a case that was
	// accepted had a complete checklist (the lifecycle allows nothing
	// else); for the others the ledger does not say which papers were
	// there, so they stay missing.
	ItemState rules.ItemState
}

// Check checks the row at now as 登记 checks a new case; a failed check is
// a *FieldError.
func (lc LegacyCase) Check(now time.Time) (*LedgerRow, error) {
	v, err := lc.Case.NormalizeRecord()
	if err != nil {
		return nil, err
	}
	sponsor := strings.TrimSpace(lc.Case.Sponsor)
	if sponsor == "" {
		return nil, FieldErrf("sponsor", msgSponsorRequired)
	}
	recv := lc.Case.ReceivedAt
	day := workday.DayOf(recv)
	if recv.After(now) {
		return nil, FieldErrf("received", msgReceivedFuture, workday.Format(day))
	}
	status := lc.Status
	if status == "" {
		status = rules.StatusReceived
	}
	if !status.Open() && !status.Final() {
		return nil, FieldErr("status", rules.CheckMove(status, status, nil))
	}
	at := lc.ClosedAt
	if status.Final() && at.IsZero() {
		return nil, FieldErrf("closed", msgLedgerClosedMissing, status.Label())
	}
	if at.IsZero() {
		at = recv
	}
	if workday.DayOf(at).Before(day) {
		return nil, FieldErrf("closed", msgLedgerClosedEarly, workday.Format(workday.DayOf(at)), workday.Format(day))
	}
	if at.After(now) {
		return nil, FieldErrf("closed", msgLedgerClosedFuture, workday.Format(workday.DayOf(at)))
	}
	if at.Before(recv) { // the same day, but the ledger has no time of day
		at = recv
	}
	r := &LedgerRow{Valid: v, Sponsor: sponsor, Received: recv, Day: day, Status: status, At: at,
		ItemState: rules.ItemMissing}
	switch status {
	case rules.StatusDone:
		r.Path = []rules.Status{rules.StatusAccepted, rules.StatusDone}
	case rules.StatusReceived:
	default:
		r.Path = []rules.Status{status}
	}
	if status == rules.StatusAccepted || status == rules.StatusDone {
		r.ItemState = rules.ItemPresent
	}
	return r, nil
}

// SameLedgerRequest reports whether a case already in the book, received
// the same day from the same sponsor with filings and domains, is the
// request a ledger row names (rowFilings, rowDomains): one of the same
// filings, or, when the row names no filing, one of the same domains and
// no filing, or neither. It is the same request written into another ledger
// file, or already registered in the app.
func SameLedgerRequest(rowFilings, rowDomains, filings, domains []string) bool {
	switch {
	case len(rowFilings) > 0:
		return overlaps(rowFilings, filings)
	case len(rowDomains) > 0:
		return len(filings) == 0 && overlaps(rowDomains, domains)
	default:
		return len(filings) == 0 && len(domains) == 0
	}
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Add counts the outcome of storing one row: the new case id, a duplicate,
// or a *FieldError (the row is listed in Invalid). Any other error is
// returned, to end the import.
func (r *LedgerResult) Add(row int, id int64, dup bool, err error) error {
	var fe *FieldError
	switch {
	case errors.As(err, &fe):
		r.Invalid = append(r.Invalid, LedgerProblem{Row: row, Field: fe.Field, Err: fe.Err})
	case err != nil:
		return fmt.Errorf("import ledger row %d: %w", row, err)
	case dup:
		r.Duplicates++
	default:
		r.Imported++
		r.CaseIDs = append(r.CaseIDs, id)
	}
	return nil
}

// LedgerEventNote is the history note of a case's creation from row of the
// ledger file; its later moves say LedgerEventShort.
func LedgerEventNote(file string, row int) string { return fmt.Sprintf(msgLedgerEvent, file, row) }

// LedgerEventShort is the history note of the moves of a case imported
// from the ledger.
const LedgerEventShort = msgLedgerEventShort
