package sqlite

import (
	"beiandesk/store"
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

// periodCases selects the cases of a period: received in it, closed in it,
// or open at its end (received by then and not closed by then). Each OR term
// can use an index of its own, so an old case book is not scanned whole.
const periodCases = `(c.received_day BETWEEN :from AND :to
	OR c.closed_day BETWEEN :from AND :to
	OR (c.closed_day IS NULL AND c.received_day <= :to)
	OR (c.closed_day > :to AND c.received_day <= :to))`

// caseQuery reads the cases of the period; their missing materials and
// linked mails are counted by countQueries.
const caseQuery = `SELECT c.id, c.number, c.kind, c.channel, c.status, c.received_at, c.received_day,
	c.clock_day, coalesce(c.due, ''), coalesce(c.closed_day, ''), c.sponsor_type, c.applicant, c.sponsor, c.cert_no,
	c.provider, c.contact, c.phone, c.filings, c.domains, c.note
	FROM cases c WHERE ` + periodCases

// The missing materials and the linked mails of the cases, counted in one
// pass each over the key range of the period's case ids (:lo to :hi), in
// key order. Two sub-queries per case in caseQuery were most of the time of
// loading 100k cases: a seek per case into each table, and with SQLite's
// small page cache the interleaved pages of cases and material were read
// over and over.
const (
	missingQuery = `SELECT case_id, count(*) FROM material
	WHERE case_id BETWEEN :lo AND :hi AND state <> 'present' GROUP BY case_id`
	mailCountQuery = `SELECT case_id, count(*) FROM mail
	WHERE case_id BETWEEN :lo AND :hi GROUP BY case_id`
)

// Every status move of the period's cases is read, in one pass: the report
// counts acceptances and returns, names the clerk of each decisive move and
// quotes the reasons of 不予受理 and 撤回.
const eventQuery = `SELECT e.case_id, e.id, e.at, e.from_status, e.to_status, e.clerk, e.note
	FROM cases c JOIN event e ON e.case_id = c.id
	WHERE ` + periodCases + ` AND e.action = 'status'`

// ReportCases reads the cases of the period and their relevant history in
// one read transaction, so both queries see the same state of the book.
func (db *DB) ReportCases(ctx context.Context, from, to time.Time) ([]*store.ReportCase, error) {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("load cases: %w", err)
	}
	defer tx.Rollback()
	args := []any{sql.Named("from", workday.Format(from)), sql.Named("to", workday.Format(to))}
	recs, byID, err := loadCases(ctx, tx, args)
	if err != nil {
		return nil, err
	}
	if err := loadCounts(ctx, tx, recs, byID); err != nil {
		return nil, err
	}
	if err := loadEvents(ctx, tx, args, byID); err != nil {
		return nil, err
	}
	if err := loadNotified(ctx, tx, args, byID); err != nil {
		return nil, err
	}
	if err := loadReportNational(ctx, tx, args, byID); err != nil {
		return nil, err
	}
	return recs, nil
}

// scannedCase is a row of caseQuery as scanned, before it is parsed.
type scannedCase struct {
	r                                                      *store.ReportCase
	recvAt, recvDay, clockDay, due, closedDay              string
	number, sponsor, certNo, contact, phone, filings, note string
	domains                                                string
}

// loadCases reads the cases.
func loadCases(ctx context.Context, tx *sql.Tx, args []any) ([]*store.ReportCase, map[int64]*store.ReportCase, error) {
	rows, err := tx.QueryContext(ctx, caseQuery, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("load cases: %w", err)
	}
	defer rows.Close()
	var recs []*store.ReportCase
	byID := make(map[int64]*store.ReportCase)
	in := make(interner)
	err = pipelined(rows, func(s *scannedCase) error {
		r := new(store.ReportCase)
		s.r = r
		return rows.Scan(&r.ID, &s.number, &r.Kind, &r.Channel, &r.Status, &s.recvAt, &s.recvDay, &s.clockDay,
			&s.due, &s.closedDay, &r.SponsorType, &r.Applicant, &s.sponsor, &s.certNo, &r.Provider, &s.contact, &s.phone,
			&s.filings, &s.domains, &s.note)
	}, func(s *scannedCase) error {
		if err := parseCase(s, in); err != nil {
			return err
		}
		recs = append(recs, s.r)
		byID[s.r.ID] = s.r
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load cases: %w", err)
	}
	return recs, byID, nil
}

// pipelined steps rows and scans each into a T on this goroutine while
// another parses what was scanned, in batches, in order: on 100k cases and
// their history the parsing is a third of the time, and neither need wait
// for the other. The first error of either stops the parsing; rows.Err is
// checked.
func pipelined[T any](rows *sql.Rows, scan func(*T) error, parse func(*T) error) error {
	const batchSize = 256
	full := make(chan []T, 4)
	free := make(chan []T, 5)
	for range cap(free) {
		free <- make([]T, 0, batchSize)
	}
	parsed := make(chan error, 1)
	go func() {
		var first error
		var zero T
		for batch := range full {
			for i := range batch {
				if first == nil {
					first = parse(&batch[i])
				}
				batch[i] = zero
			}
			free <- batch[:0]
		}
		parsed <- first
	}()
	var err error
	batch := <-free
	for rows.Next() {
		batch = batch[:len(batch)+1]
		if err = scan(&batch[len(batch)-1]); err != nil {
			batch = batch[:len(batch)-1]
			break
		}
		if len(batch) == batchSize {
			full <- batch
			batch = <-free
		}
	}
	full <- batch
	close(full)
	parseErr := <-parsed
	if err == nil {
		err = rows.Err()
	}
	if err == nil {
		err = parseErr
	}
	return err
}

// parseCase completes the case of a scanned row.
func parseCase(s *scannedCase, in interner) error {
	r := s.r
	if err := parseReportDays(r, s.recvAt, s.recvDay, s.clockDay, s.due, s.closedDay); err != nil {
		return fmt.Errorf("case %s: %w", s.number, err)
	}
	// One allocation for the texts of a case instead of eight: a report
	// may hold 100k of them.
	number, sponsor, certNo, contact, phone, filings, domains, note := s.number, s.sponsor, s.certNo, s.contact, s.phone, s.filings, s.domains, s.note
	pack(&number, &sponsor, &certNo, &contact, &phone, &filings, &domains, &note)
	r.Number, r.Sponsor, r.CertNo, r.Contact, r.Phone, r.Note = number, sponsor, certNo, contact, phone, note
	r.Complete = true // until loadCounts finds a material missing
	r.Filings = jsonStrings(filings)
	r.Domains = jsonStrings(domains)
	for i, d := range r.Domains {
		if strings.Contains(d, "xn--") {
			r.Domains[i] = validate.DomainUnicode(d)
		}
	}
	// The codes and providers are few: keep one copy of each.
	r.Kind = rules.Kind(in.get(string(r.Kind)))
	r.Channel = rules.Channel(in.get(string(r.Channel)))
	r.Status = rules.Status(in.get(string(r.Status)))
	r.SponsorType = rules.SponsorType(in.get(string(r.SponsorType)))
	r.Applicant = rules.Applicant(in.get(string(r.Applicant)))
	r.Provider = in.get(r.Provider)
	return nil
}

// loadCounts fills Complete and Mails. Accepted and done cases count as
// complete whatever their checklist says: the store accepts only a complete
// checklist and freezes it from then on.
func loadCounts(ctx context.Context, tx *sql.Tx, recs []*store.ReportCase, byID map[int64]*store.ReportCase) error {
	if len(recs) == 0 {
		return nil
	}
	lo, hi := recs[0].ID, recs[0].ID
	for _, r := range recs {
		lo, hi = min(lo, r.ID), max(hi, r.ID)
	}
	args := []any{sql.Named("lo", lo), sql.Named("hi", hi)}
	count := func(query, what string, set func(r *store.ReportCase, n int)) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("load %s: %w", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				return fmt.Errorf("load %s: %w", what, err)
			}
			if r := byID[id]; r != nil {
				set(r, n)
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("load %s: %w", what, err)
		}
		return nil
	}
	err := count(missingQuery, "materials", func(r *store.ReportCase, n int) {
		if r.Status != rules.StatusAccepted && r.Status != rules.StatusDone {
			r.Complete = n == 0
		}
	})
	if err != nil {
		return err
	}
	return count(mailCountQuery, "mails", func(r *store.ReportCase, n int) { r.Mails = n })
}

func parseReportDays(r *store.ReportCase, recvAt, recvDay, clockDay, due, closedDay string) error {
	var err error
	if r.ReceivedAt, err = time.Parse(time.RFC3339, recvAt); err != nil {
		return err
	}
	r.ReceivedAt = r.ReceivedAt.In(workday.China())
	if r.ReceivedDay, err = parseDay(recvDay); err != nil {
		return err
	}
	if r.ClockDay, err = parseDay(clockDay); err != nil {
		return err
	}
	if due != "" {
		if r.Due, err = parseDay(due); err != nil {
			return err
		}
	}
	if closedDay != "" {
		if r.ClosedDay, err = parseDay(closedDay); err != nil {
			return err
		}
	}
	return nil
}

// parseDay reads the YYYY-MM-DD dates of the store several times faster
// than time.Parse, which matters at 400k dates; anything unusual goes to
// workday.ParseDate for its checks and error message.
func parseDay(s string) (time.Time, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 28 {
			return workday.Date(y, time.Month(m), d), nil
		}
	}
	return workday.ParseDate(s)
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// pack copies the strings into one and points each at its part.
func pack(ss ...*string) {
	n := 0
	for _, s := range ss {
		n += len(*s)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range ss {
		b.WriteString(*s)
	}
	all, off := b.String(), 0
	for _, s := range ss {
		l := len(*s)
		*s = all[off : off+l]
		off += l
	}
}

// interner keeps one copy of each repeated string.
type interner map[string]string

func (in interner) get(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	in[s] = s
	return s
}

// jsonStrings decodes a JSON array of strings. The store's arrays are
// short and free of escapes (json.Marshal leaves Chinese as UTF-8), so a
// plain split serves them without the decoder; anything else goes to
// encoding/json.
func jsonStrings(s string) []string {
	if s == "" || s == "[]" {
		return nil
	}
	if inner, ok := strings.CutPrefix(s, `["`); ok && strings.HasSuffix(inner, `"]`) && !strings.Contains(inner, `\`) {
		parts := strings.Split(inner[:len(inner)-2], `","`)
		if !slices.ContainsFunc(parts, func(p string) bool { return strings.Contains(p, `"`) }) {
			return parts
		}
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		// Not written by the store; show it rather than lose it.
		return []string{strings.Trim(s, "[]")}
	}
	return out
}

func loadEvents(ctx context.Context, tx *sql.Tx, args []any, byID map[int64]*store.ReportCase) error {
	rows, err := tx.QueryContext(ctx, eventQuery, args...)
	if err != nil {
		return fmt.Errorf("load history: %w", err)
	}
	defer rows.Close()
	type scannedMove struct {
		caseID int64
		at     string
		e      store.StatusMove
	}
	// 100k cases have some 300k moves: one copy of each status and clerk.
	in := make(interner)
	err = pipelined(rows, func(m *scannedMove) error {
		return rows.Scan(&m.caseID, &m.e.ID, &m.at, &m.e.From, &m.e.To, &m.e.Clerk, &m.e.Note)
	}, func(m *scannedMove) error {
		var err error
		if m.e.At, err = time.Parse(time.RFC3339, m.at); err != nil {
			return fmt.Errorf("case %d: %w", m.caseID, err)
		}
		if r := byID[m.caseID]; r != nil {
			m.e.From = rules.Status(in.get(string(m.e.From)))
			m.e.To = rules.Status(in.get(string(m.e.To)))
			m.e.Clerk = in.get(m.e.Clerk)
			r.Moves = append(r.Moves, m.e)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("load history: %w", err)
	}
	// The join yields each case's events in index order, which is id order;
	// make sure rather than rely on the query plan.
	for _, r := range byID {
		if !slices.IsSortedFunc(r.Moves, byEventID) {
			slices.SortFunc(r.Moves, byEventID)
		}
	}
	return nil
}

func byEventID(a, b store.StatusMove) int {
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

const reportNationalQuery = `SELECT a.case_id, a.day, a.scope, a.filing, a.clerk
	FROM cases c JOIN national_action a ON a.case_id = c.id
	WHERE ` + periodCases + ` ORDER BY a.case_id, a.id`

// loadReportNational reads what was done in the national filing system for
// the period's cases, in the same read transaction as the cases.
func loadReportNational(ctx context.Context, tx *sql.Tx, args []any, byID map[int64]*store.ReportCase) error {
	rows, err := tx.QueryContext(ctx, reportNationalQuery, args...)
	if err != nil {
		return fmt.Errorf("load national actions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a store.NationalAction
		if err := rows.Scan(&id, &a.Day, &a.Scope, &a.Filing, &a.Clerk); err != nil {
			return fmt.Errorf("load national actions: %w", err)
		}
		if r := byID[id]; r != nil {
			r.National = append(r.National, a)
		}
	}
	return rows.Err()
}
