package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// CreateCase validates in and registers a case with its materials list, all
// missing. The number comes from the per-year counter in the same
// transaction: its row lock makes concurrent registrations wait for each
// other, so numbers are unique and, since a failed registration gives its
// number back, gap-free.
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
	var created *store.Case
	err = db.withTx(ctx, func(tx pgx.Tx) error {
		var id int64
		dates, err := loadCaseDates(ctx, tx, v.Kind)
		if err != nil {
			return err
		}
		day := dates.receiptDay(recv)
		due := dates.due(day)
		var seq int
		err = tx.QueryRow(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES ($1, $2, 1)
			ON CONFLICT (prefix, year) DO UPDATE SET last = case_seq.last + 1 RETURNING last`,
			store.NumberPrefix(v.Kind), day.Year()).Scan(&seq)
		if err != nil {
			return fmt.Errorf("number: %w", err)
		}
		number := store.CaseNumber(v.Kind, day.Year(), seq)
		details, _ := json.Marshal(v.StoredDetails(in.Details))
		c := store.Case{Number: number, Sponsor: strings.TrimSpace(in.Sponsor), CertNo: v.CertNo,
			Provider: strings.TrimSpace(in.Provider), Contact: strings.TrimSpace(in.Contact), Phone: v.Phone,
			Filings: v.Filings, Domains: v.Domains}
		err = tx.QueryRow(ctx, `INSERT INTO cases (number, kind, channel, status, received_at,
			received_day, clock_day, due, sponsor_type, applicant, sponsor, cert_no, provider, contact,
			phone, filings, domains, details, note, created_at, updated_at, search)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22) RETURNING id`,
			number, v.Kind, v.Channel, rules.StatusReceived, rfc3339(recv), workday.Format(day),
			workday.Format(day), nullString(due), v.SponsorType, v.Applicant,
			c.Sponsor, c.CertNo, c.Provider, c.Contact, c.Phone, jsonList(v.Filings), jsonList(v.Domains),
			string(details), in.Note, rfc3339(now), rfc3339(now), c.SearchText()).Scan(&id)
		if err != nil {
			return fmt.Errorf("insert case: %w", err)
		}
		// The checklist, the first history entry and the case as stored
		// travel in one batch; linked mails, rare, take their own trips.
		b := &pgx.Batch{}
		if items := v.Materials(); len(items) > 0 {
			b.Queue(`INSERT INTO material (case_id, pos, item, state)
				SELECT $1, t.pos, t.item, $3 FROM unnest($2::text[]) WITH ORDINALITY AS t(item, pos)`,
				id, items, string(rules.ItemMissing))
		}
		b.Queue(eventInsert, event{caseID: id, at: recv, recorded: now, clerk: clerk,
			action: "create", to: rules.StatusReceived, note: msgEventCreate}.args()...)
		var read func() (*store.Case, error)
		if len(in.MailIDs) == 0 {
			read = queueCase(b, id, false)
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("insert material, history: %w", err)
		}
		for _, mid := range in.MailIDs {
			if err := linkMail(ctx, tx, id, number, mid, clerk, now); err != nil {
				return err
			}
		}
		if read != nil {
			created, err = read()
		} else {
			created, err = getCase(ctx, tx, id, false)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("create case: %w", err)
	}
	created.Warnings = v.Warnings
	return created, nil
}

// dueDate is the deadline for a clock starting on day, or "" for no deadline.
func dueDate(ctx context.Context, q querier, k rules.Kind, day time.Time) (string, error) {
	d, err := loadCaseDates(ctx, q, k)
	if err != nil {
		return "", err
	}
	return d.due(day), nil
}

// Case loads one case with its materials and linked mails.
func (db *DB) Case(ctx context.Context, id int64) (*store.Case, error) {
	c, err := getCase(ctx, db.pool, id, false)
	return c, db.queryErr(err)
}

// CaseByNumber loads a case by its number (ZX-2026-0001).
func (db *DB) CaseByNumber(ctx context.Context, number string) (*store.Case, error) {
	var id int64
	err := db.pool.QueryRow(ctx, `SELECT id FROM cases WHERE number = $1`, strings.TrimSpace(number)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, db.queryErr(err)
	}
	return db.Case(ctx, id)
}

// caseColumns are read from "cases c".
const caseColumns = `c.id, c.number, c.kind, c.channel, c.status, c.received_at, c.received_day,
	c.clock_day, coalesce(c.due, ''), c.closed_at, coalesce(c.closed_day, ''), c.sponsor_type, c.applicant,
	c.sponsor, c.cert_no, c.provider, c.contact, c.phone, c.filings, c.domains, c.details, c.note,
	c.created_at, c.updated_at, c.legacy_no, c.version`

func scanCase(row pgx.Row) (*store.Case, int, error) {
	var c store.Case
	var recv, created, updated string
	var closed *string
	var filings, domains, details string
	err := row.Scan(&c.ID, &c.Number, &c.Kind, &c.Channel, &c.Status, &recv, &c.ReceivedDay,
		&c.ClockDay, &c.Due, &closed, &c.ClosedDay, &c.SponsorType, &c.Applicant, &c.Sponsor,
		&c.CertNo, &c.Provider, &c.Contact, &c.Phone, &filings, &domains, &details, &c.Note,
		&created, &updated, &c.LegacyNo, &c.Version)
	if err != nil {
		return nil, 0, err
	}
	c.ReceivedAt, _ = time.Parse(time.RFC3339, recv)
	c.CreatedAt, _ = time.Parse(time.RFC3339, created)
	c.UpdatedAt, _ = time.Parse(time.RFC3339, updated)
	if closed != nil {
		t, _ := time.Parse(time.RFC3339, *closed)
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
	return &c, int(c.Version), nil
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

func nonNilSlice(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// chinaTime formats t in the desk's zone, so that stored times compare
// correctly as text whatever offset the clerk typed.
func chinaTime(t time.Time) string { return t.In(workday.China()).Format(time.RFC3339) }

// reindex rewrites the search text of a case from its stored fields.
func reindex(ctx context.Context, tx pgx.Tx, id int64) error {
	c, _, err := scanCase(tx.QueryRow(ctx, `SELECT `+caseColumns+` FROM cases c WHERE c.id = $1`, id))
	if err != nil {
		return fmt.Errorf("index case %d: %w", id, err)
	}
	if _, err := tx.Exec(ctx, `UPDATE cases SET search = $1 WHERE id = $2`, c.SearchText(), id); err != nil {
		return fmt.Errorf("index case %d: %w", id, err)
	}
	return nil
}
