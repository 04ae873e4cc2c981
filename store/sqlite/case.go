package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// CreateCase validates in and registers a case with its materials list, all
// missing. Mails named in in.MailIDs are linked to it.
func (db *DB) CreateCase(ctx context.Context, in store.NewCase, clerk string) (*store.Case, error) {
	v, err := in.Normalize()
	if err != nil {
		return nil, err
	}
	now := db.Now()
	if err := store.CheckReceivedAt(in.ReceivedAt, now); err != nil {
		return nil, err
	}
	recv := in.ReceivedAt
	var id int64
	err = db.withTx(ctx, func(tx *sql.Tx) error {
		day, err := receiptDay(ctx, tx, recv)
		if err != nil {
			return err
		}
		due, err := dueDate(ctx, tx, v.Kind, day)
		if err != nil {
			return err
		}
		prefix := store.NumberPrefix(v.Kind)
		var seq int
		err = tx.QueryRowContext(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES (?, ?, 1)
			ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
			prefix, day.Year()).Scan(&seq)
		if err != nil {
			return fmt.Errorf("number: %w", err)
		}
		number := store.CaseNumber(v.Kind, day.Year(), seq)
		details, _ := json.Marshal(v.StoredDetails(in.Details))
		res, err := tx.ExecContext(ctx, `INSERT INTO cases (number, kind, channel, status, received_at,
			received_day, clock_day, due, sponsor_type, applicant, sponsor, cert_no, provider, contact,
			phone, filings, domains, details, note, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			number, v.Kind, v.Channel, rules.StatusReceived, rfc3339(recv), workday.Format(day),
			workday.Format(day), nullString(due), v.SponsorType, v.Applicant,
			strings.TrimSpace(in.Sponsor), v.CertNo, strings.TrimSpace(in.Provider),
			strings.TrimSpace(in.Contact), v.Phone, jsonList(v.Filings), jsonList(v.Domains),
			string(details), in.Note, rfc3339(now), rfc3339(now))
		if err != nil {
			return fmt.Errorf("insert case: %w", err)
		}
		id, _ = res.LastInsertId()
		for i, item := range v.Materials() {
			if _, err := tx.ExecContext(ctx, `INSERT INTO material (case_id, pos, item, state) VALUES (?,?,?,?)`,
				id, i+1, item, rules.ItemMissing); err != nil {
				return fmt.Errorf("insert material: %w", err)
			}
		}
		if err := addEvent(ctx, tx, event{caseID: id, at: recv, recorded: now, clerk: clerk,
			action: "create", to: rules.StatusReceived, note: msgEventCreate}); err != nil {
			return err
		}
		for _, mid := range in.MailIDs {
			if err := linkMail(ctx, tx, id, number, mid, clerk, now); err != nil {
				return err
			}
		}
		return indexCase(ctx, tx, id)
	})
	if err != nil {
		return nil, fmt.Errorf("create case: %w", err)
	}
	c, err := db.Case(ctx, id)
	if err != nil {
		return nil, err
	}
	c.Warnings = v.Warnings
	return c, nil
}

// dueDate is the deadline for a clock starting on day, or "" for no deadline.
func dueDate(ctx context.Context, q querier, k rules.Kind, day time.Time) (string, error) {
	n, err := deadlineDays(ctx, q, k)
	if err != nil || n == 0 {
		return "", err
	}
	cal, err := loadCalendar(ctx, q)
	if err != nil {
		return "", err
	}
	return workday.Format(cal.AddWorkdays(day, n)), nil
}

// Case loads one case with its materials and linked mails.
func (db *DB) Case(ctx context.Context, id int64) (*store.Case, error) {
	return getCase(ctx, db.db, id)
}

// CaseByNumber loads a case by its number (ZX-2026-0001).
func (db *DB) CaseByNumber(ctx context.Context, number string) (*store.Case, error) {
	var id int64
	err := db.db.QueryRowContext(ctx, `SELECT id FROM cases WHERE number = ?`, strings.TrimSpace(number)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return db.Case(ctx, id)
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// caseColumns are read from "cases c".
const caseColumns = `c.id, c.number, c.kind, c.channel, c.status, c.received_at, c.received_day,
	c.clock_day, coalesce(c.due, ''), c.closed_at, coalesce(c.closed_day, ''), c.sponsor_type, c.applicant,
	c.sponsor, c.cert_no, c.provider, c.contact, c.phone, c.filings, c.domains, c.details, c.note,
	c.created_at, c.updated_at, c.legacy_no, c.version`

func scanCase(row interface{ Scan(...any) error }) (*store.Case, error) {
	var c store.Case
	var recv, created, updated string
	var closed sql.NullString
	var filings, domains, details string
	err := row.Scan(&c.ID, &c.Number, &c.Kind, &c.Channel, &c.Status, &recv, &c.ReceivedDay,
		&c.ClockDay, &c.Due, &closed, &c.ClosedDay, &c.SponsorType, &c.Applicant, &c.Sponsor,
		&c.CertNo, &c.Provider, &c.Contact, &c.Phone, &filings, &domains, &details, &c.Note,
		&created, &updated, &c.LegacyNo, &c.Version)
	if err != nil {
		return nil, err
	}
	c.ReceivedAt, _ = time.Parse(time.RFC3339, recv)
	c.CreatedAt, _ = time.Parse(time.RFC3339, created)
	c.UpdatedAt, _ = time.Parse(time.RFC3339, updated)
	if closed.Valid {
		t, _ := time.Parse(time.RFC3339, closed.String)
		c.ClosedAt = &t
	}
	_ = json.Unmarshal([]byte(filings), &c.Filings)
	_ = json.Unmarshal([]byte(domains), &c.Domains)
	_ = json.Unmarshal([]byte(details), &c.Details)
	if c.Filings == nil {
		c.Filings = []string{}
	}
	if c.Domains == nil {
		c.Domains = []string{}
	}
	return &c, nil
}

func getCase(ctx context.Context, q querier, id int64) (*store.Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf(msgCaseNotFound+": %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("case %d: %w", id, err)
	}
	if err := loadDetails(ctx, q, []*store.Case{c}); err != nil {
		return nil, err
	}
	return c, nil
}

// loadDetails fills materials and mail ids of the given cases in two queries.
func loadDetails(ctx context.Context, q querier, cases []*store.Case) error {
	if len(cases) == 0 {
		return nil
	}
	byID := make(map[int64]*store.Case, len(cases))
	ids := make([]any, 0, len(cases))
	for _, c := range cases {
		byID[c.ID] = c
		ids = append(ids, c.ID)
		c.Materials = []rules.Item{}
		c.MailIDs = []int64{}
	}
	// Chunk to stay under SQLite's variable limit.
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		in := placeholders(len(chunk))
		rows, err := q.QueryContext(ctx, `SELECT case_id, item, state, note FROM material
			WHERE case_id IN (`+in+`) ORDER BY case_id, pos`, chunk...)
		if err != nil {
			return fmt.Errorf("materials: %w", err)
		}
		for rows.Next() {
			var id int64
			var it rules.Item
			if err := rows.Scan(&id, &it.Item, &it.State, &it.Note); err != nil {
				rows.Close()
				return err
			}
			byID[id].Materials = append(byID[id].Materials, it)
		}
		rows.Close()
		rows, err = q.QueryContext(ctx, `SELECT case_id, id FROM mail WHERE case_id IN (`+in+`) ORDER BY id`, chunk...)
		if err != nil {
			return fmt.Errorf("mail ids: %w", err)
		}
		for rows.Next() {
			var cid, mid int64
			if err := rows.Scan(&cid, &mid); err != nil {
				rows.Close()
				return err
			}
			byID[cid].MailIDs = append(byID[cid].MailIDs, mid)
		}
		rows.Close()
		if err := loadNational(ctx, q, byID, chunk); err != nil {
			return err
		}
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func jsonList(list []string) string {
	if list == nil {
		list = []string{}
	}
	b, _ := json.Marshal(list)
	return string(b)
}

func nonNilMap(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// indexCase rewrites the search text of a case.
func indexCase(ctx context.Context, tx querier, id int64) error {
	c, err := scanCase(tx.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases c WHERE c.id = ?`, id))
	if err != nil {
		return fmt.Errorf("index case %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM case_fts WHERE rowid = ?`, id); err != nil {
		return fmt.Errorf("index case %d: %w", id, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO case_fts (rowid, body) VALUES (?, ?)`, id, c.SearchText())
	if err != nil {
		return fmt.Errorf("index case %d: %w", id, err)
	}
	return nil
}
