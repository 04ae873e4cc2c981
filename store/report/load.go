package report

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// caseRec is a case as loaded, before it is judged as of the period end.
type caseRec struct {
	Row
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

// periodCases selects the cases of a period: received in it, closed in it,
// or open at its end (received by then and not closed by then). Each OR term
// can use an index of its own, so an old case book is not scanned whole.
const periodCases = `(c.received_day BETWEEN :from AND :to
	OR c.closed_day BETWEEN :from AND :to
	OR (c.closed_day IS NULL AND c.received_day <= :to)
	OR (c.closed_day > :to AND c.received_day <= :to))`

const caseQuery = `SELECT c.id, c.number, c.kind, c.channel, c.status, c.received_at, c.received_day,
	c.clock_day, coalesce(c.due, ''), coalesce(c.closed_day, ''), c.sponsor_type, c.sponsor, c.cert_no,
	c.provider, c.contact, c.phone, c.filings, c.domains, c.note,
	(SELECT count(*) FROM material m WHERE m.case_id = c.id AND m.state <> 'present'),
	(SELECT count(*) FROM mail WHERE mail.case_id = c.id)
	FROM cases c WHERE ` + periodCases

// The history matters for the moves into and out of returned (the time
// waiting for a supplement, and the clock restarts) and, for cases open at
// the end, for their status then. The status moves of other cases are
// skipped: their state at the end is the final one they have now.
const eventQuery = `SELECT e.case_id, e.id, e.at, e.from_status, e.to_status
	FROM cases c JOIN event e ON e.case_id = c.id
	WHERE ` + periodCases + ` AND e.action = 'status'
	AND (e.from_status = 'returned' OR e.to_status = 'returned' OR c.closed_day IS NULL OR c.closed_day > :to)`

// load reads the cases of the period and their relevant history in one
// read transaction, so both queries see the same state of the book.
func load(ctx context.Context, db *sql.DB, from, to time.Time) ([]*caseRec, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("load cases: %w", err)
	}
	defer tx.Rollback()
	args := []any{sql.Named("from", workday.Format(from)), sql.Named("to", workday.Format(to))}
	recs, byID, err := loadCases(ctx, tx, args)
	if err != nil {
		return nil, err
	}
	if err := loadEvents(ctx, tx, args, byID); err != nil {
		return nil, err
	}
	return recs, nil
}

func loadCases(ctx context.Context, tx *sql.Tx, args []any) ([]*caseRec, map[int64]*caseRec, error) {
	rows, err := tx.QueryContext(ctx, caseQuery, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("load cases: %w", err)
	}
	defer rows.Close()
	var recs []*caseRec
	byID := make(map[int64]*caseRec)
	for rows.Next() {
		var r caseRec
		var recvAt, recvDay, clockDay, due, closedDay, filings, domains string
		var missing int
		err := rows.Scan(&r.ID, &r.Number, &r.Kind, &r.Channel, &r.Current, &recvAt, &recvDay, &clockDay,
			&due, &closedDay, &r.SponsorType, &r.Sponsor, &r.CertNo, &r.Provider, &r.Contact, &r.Phone,
			&filings, &domains, &r.Note, &missing, &r.Mails)
		if err != nil {
			return nil, nil, fmt.Errorf("load cases: %w", err)
		}
		if err := r.parse(recvAt, recvDay, clockDay, due, closedDay); err != nil {
			return nil, nil, fmt.Errorf("load case %s: %w", r.Number, err)
		}
		r.Complete = missing == 0
		r.Filings = jsonStrings(filings)
		r.Domains = jsonStrings(domains)
		for i, d := range r.Domains {
			r.Domains[i] = validate.DomainUnicode(d)
		}
		recs = append(recs, &r)
		byID[r.ID] = &r
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("load cases: %w", err)
	}
	return recs, byID, nil
}

func (r *caseRec) parse(recvAt, recvDay, clockDay, due, closedDay string) error {
	var err error
	if r.ReceivedAt, err = time.Parse(time.RFC3339, recvAt); err != nil {
		return err
	}
	r.ReceivedAt = r.ReceivedAt.In(workday.China())
	if r.ReceivedDay, err = workday.ParseDate(recvDay); err != nil {
		return err
	}
	if r.clockDay, err = workday.ParseDate(clockDay); err != nil {
		return err
	}
	if due != "" {
		if r.due, err = workday.ParseDate(due); err != nil {
			return err
		}
	}
	if closedDay != "" {
		if r.closedDay, err = workday.ParseDate(closedDay); err != nil {
			return err
		}
	}
	return nil
}

// jsonStrings decodes a JSON array of strings; the store writes "[]" for
// none, which is by far the most common value, so that skips the decoder.
func jsonStrings(s string) []string {
	if s == "" || s == "[]" {
		return nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		// Not written by the store; show it rather than lose it.
		return []string{strings.Trim(s, "[]")}
	}
	return out
}

func loadEvents(ctx context.Context, tx *sql.Tx, args []any, byID map[int64]*caseRec) error {
	rows, err := tx.QueryContext(ctx, eventQuery, args...)
	if err != nil {
		return fmt.Errorf("load history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var caseID int64
		var e statusEvent
		var at string
		if err := rows.Scan(&caseID, &e.id, &at, &e.from, &e.to); err != nil {
			return fmt.Errorf("load history: %w", err)
		}
		if e.at, err = time.Parse(time.RFC3339, at); err != nil {
			return fmt.Errorf("load history of case %d: %w", caseID, err)
		}
		if r := byID[caseID]; r != nil {
			r.events = append(r.events, e)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load history: %w", err)
	}
	// The join yields each case's events in index order, which is id order;
	// make sure rather than rely on the query plan.
	for _, r := range byID {
		if !slices.IsSortedFunc(r.events, byEventID) {
			slices.SortFunc(r.events, byEventID)
		}
	}
	return nil
}

func byEventID(a, b statusEvent) int {
	switch {
	case a.id < b.id:
		return -1
	case a.id > b.id:
		return 1
	}
	return 0
}
