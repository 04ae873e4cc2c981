package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// periodCases selects the cases of a period ($1..$2): received in it, closed
// in it, or open at its end. The same condition as the SQLite book's.
const periodCases = `(c.received_day BETWEEN $1 AND $2
	OR c.closed_day BETWEEN $1 AND $2
	OR (c.closed_day IS NULL AND c.received_day <= $2)
	OR (c.closed_day > $2 AND c.received_day <= $2))`

const reportCaseQuery = `SELECT c.id, c.number, c.kind, c.channel, c.status, c.received_at, c.received_day,
	c.clock_day, coalesce(c.due, ''), coalesce(c.closed_day, ''), c.sponsor_type, c.applicant, c.sponsor, c.cert_no,
	c.provider, c.contact, c.phone, c.filings, c.domains, c.note
	FROM cases c WHERE ` + periodCases

// The missing materials and the linked mails of the cases, counted in one
// pass each over the key range of the period's case ids ($1 to $2), as the
// SQLite book does instead of two sub-queries per case.
const (
	reportMissingQuery = `SELECT case_id, count(*) FROM material
	WHERE case_id BETWEEN $1 AND $2 AND state <> 'present' GROUP BY case_id`
	reportMailCountQuery = `SELECT case_id, count(*) FROM mail
	WHERE case_id BETWEEN $1 AND $2 GROUP BY case_id`
)

// Every status move of the period's cases is read, in one pass: the report
// counts acceptances and returns, names the clerk of each decisive move and
// quotes the reasons of 不予受理 and 撤回.
const reportEventQuery = `SELECT e.case_id, e.id, e.at, e.from_status, e.to_status, e.clerk, e.note
	FROM cases c JOIN event e ON e.case_id = c.id
	WHERE ` + periodCases + ` AND e.action = 'status'`

const reportNationalQuery = `SELECT a.case_id, a.day, a.scope, a.filing, a.clerk
	FROM cases c JOIN national_action a ON a.case_id = c.id
	WHERE ` + periodCases + ` ORDER BY a.case_id, a.id`

// ReportCases reads the cases of the period and their relevant history in
// one repeatable-read transaction, so both queries see one state of the book.
func (db *DB) ReportCases(ctx context.Context, from, to time.Time) ([]*store.ReportCase, error) {
	var recs []*store.ReportCase
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		recs = nil
		args := []any{workday.Format(from), workday.Format(to)}
		rows, err := tx.Query(ctx, reportCaseQuery, args...)
		if err != nil {
			return err
		}
		byID := map[int64]*store.ReportCase{}
		for rows.Next() {
			var r store.ReportCase
			var recvAt, recvDay, clockDay, due, closedDay, filings, domains string
			if err := rows.Scan(&r.ID, &r.Number, &r.Kind, &r.Channel, &r.Status, &recvAt, &recvDay, &clockDay,
				&due, &closedDay, &r.SponsorType, &r.Applicant, &r.Sponsor, &r.CertNo, &r.Provider, &r.Contact, &r.Phone,
				&filings, &domains, &r.Note); err != nil {
				rows.Close()
				return err
			}
			if err := parseReportDays(&r, recvAt, recvDay, clockDay, due, closedDay); err != nil {
				rows.Close()
				return fmt.Errorf("load case %s: %w", r.Number, err)
			}
			r.Complete = true // until loadReportCounts finds a material missing
			_ = json.Unmarshal([]byte(filings), &r.Filings)
			_ = json.Unmarshal([]byte(domains), &r.Domains)
			for i, d := range r.Domains {
				if strings.Contains(d, "xn--") {
					r.Domains[i] = validate.DomainUnicode(d)
				}
			}
			recs = append(recs, &r)
			byID[r.ID] = &r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := loadReportCounts(ctx, tx, recs, byID); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, reportEventQuery, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var caseID int64
			var e store.StatusMove
			var at string
			if err := rows.Scan(&caseID, &e.ID, &at, &e.From, &e.To, &e.Clerk, &e.Note); err != nil {
				return err
			}
			if e.At, err = time.Parse(time.RFC3339, at); err != nil {
				return fmt.Errorf("load history of case %d: %w", caseID, err)
			}
			if r := byID[caseID]; r != nil {
				r.Moves = append(r.Moves, e)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		if err := loadNotified(ctx, tx, args, byID); err != nil {
			return err
		}
		if err := loadReportNational(ctx, tx, args, byID); err != nil {
			return err
		}
		for _, r := range byID {
			slices.SortFunc(r.Moves, func(a, b store.StatusMove) int {
				switch {
				case a.ID < b.ID:
					return -1
				case a.ID > b.ID:
					return 1
				}
				return 0
			})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load cases: %w", db.queryErr(err))
	}
	return recs, nil
}

// loadReportCounts fills Complete and Mails. Accepted and done cases count
// as complete whatever their checklist says: the store accepts only a
// complete checklist and freezes it from then on.
func loadReportCounts(ctx context.Context, tx pgx.Tx, recs []*store.ReportCase, byID map[int64]*store.ReportCase) error {
	if len(recs) == 0 {
		return nil
	}
	lo, hi := recs[0].ID, recs[0].ID
	for _, r := range recs {
		lo, hi = min(lo, r.ID), max(hi, r.ID)
	}
	count := func(query, what string, set func(r *store.ReportCase, n int)) error {
		rows, err := tx.Query(ctx, query, lo, hi)
		if err != nil {
			return fmt.Errorf("load %s: %w", what, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, n int64
			if err := rows.Scan(&id, &n); err != nil {
				return fmt.Errorf("load %s: %w", what, err)
			}
			if r := byID[id]; r != nil {
				set(r, int(n))
			}
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("load %s: %w", what, err)
		}
		return nil
	}
	err := count(reportMissingQuery, "materials", func(r *store.ReportCase, n int) {
		if r.Status != rules.StatusAccepted && r.Status != rules.StatusDone {
			r.Complete = n == 0
		}
	})
	if err != nil {
		return err
	}
	return count(reportMailCountQuery, "mails", func(r *store.ReportCase, n int) { r.Mails = n })
}

func parseReportDays(r *store.ReportCase, recvAt, recvDay, clockDay, due, closedDay string) error {
	var err error
	if r.ReceivedAt, err = time.Parse(time.RFC3339, recvAt); err != nil {
		return err
	}
	r.ReceivedAt = r.ReceivedAt.In(workday.China())
	if r.ReceivedDay, err = workday.ParseDate(recvDay); err != nil {
		return err
	}
	if r.ClockDay, err = workday.ParseDate(clockDay); err != nil {
		return err
	}
	if due != "" {
		if r.Due, err = workday.ParseDate(due); err != nil {
			return err
		}
	}
	if closedDay != "" {
		if r.ClosedDay, err = workday.ParseDate(closedDay); err != nil {
			return err
		}
	}
	return nil
}

// notifiedQuery reads the notices mailed to the applicants of the period's
// cases (the outbox), oldest first, as the SQLite book does.
const notifiedQuery = `SELECT o.case_id, o.sent_at FROM cases c JOIN outbox o ON o.case_id = c.id
	WHERE ` + periodCases + ` AND o.state = 'sent' AND o.sent_at IS NOT NULL ORDER BY o.sent_at, o.id`

// loadNotified fills NoticeDays: the days notices were mailed, each once.
func loadNotified(ctx context.Context, tx pgx.Tx, args []any, byID map[int64]*store.ReportCase) error {
	rows, err := tx.Query(ctx, notifiedQuery, args...)
	if err != nil {
		return fmt.Errorf("load notices sent: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var at string
		if err := rows.Scan(&id, &at); err != nil {
			return fmt.Errorf("load notices sent: %w", err)
		}
		r, ok := byID[id]
		if !ok {
			continue
		}
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			continue
		}
		day := workday.DayOf(t)
		if k := len(r.NoticeDays); k == 0 || !r.NoticeDays[k-1].Equal(day) {
			r.NoticeDays = append(r.NoticeDays, day)
		}
	}
	return rows.Err()
}

// loadReportNational reads what was done in the national filing system for
// the period's cases, in the same read transaction as the cases.
func loadReportNational(ctx context.Context, tx pgx.Tx, args []any, byID map[int64]*store.ReportCase) error {
	rows, err := tx.Query(ctx, reportNationalQuery, args...)
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
