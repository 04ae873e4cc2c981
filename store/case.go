package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// Case is one request in the case book.
type Case struct {
	ID          int64
	Number      string
	Kind        rules.Kind
	Channel     rules.Channel
	Status      rules.Status
	ReceivedAt  time.Time
	ReceivedDay string // YYYY-MM-DD (China time)
	ClockDay    string // day the deadline clock last started
	Due         string // YYYY-MM-DD, "" when the kind has no deadline
	ClosedAt    *time.Time
	ClosedDay   string
	SponsorType rules.SponsorType
	Applicant   rules.Applicant
	Sponsor     string
	CertNo      string
	Provider    string
	Contact     string
	Phone       string
	Filings     []string
	Domains     []string // punycode; show with validate.DomainUnicode
	Details     map[string]string
	Note        string
	CreatedAt   time.Time
	UpdatedAt   time.Time

	Materials []rules.Item
	MailIDs   []int64

	// Warnings are notes about accepted but unusual input (another province's
	// filing number); they are not stored.
	Warnings []string
}

// Complete reports whether every required material is present.
func (c *Case) Complete() bool { return rules.Complete(c.Materials) }

// WorkdaysLeft counts the working days from today to the due date: negative
// when overdue. ok is false when the case has no deadline, is closed, or is
// returned (its clock stands still until the supplement arrives).
func (c *Case) WorkdaysLeft(cal *workday.Calendar, today time.Time) (left int, ok bool) {
	if c.Due == "" || c.Status.Final() || c.Status == rules.StatusReturned {
		return 0, false
	}
	due, err := workday.ParseDate(c.Due)
	if err != nil {
		return 0, false
	}
	return cal.WorkdaysBetween(today, due), true
}

// NewCase is what a clerk enters to register a case.
type NewCase struct {
	Kind        string
	Channel     string
	ReceivedAt  time.Time
	SponsorType string // "" means person for a resident ID number, else org
	Applicant   string // "" means legal
	Sponsor     string
	CertNo      string
	Provider    string
	Contact     string
	Phone       string
	Filings     []string
	Domains     []string
	Details     map[string]string
	Note        string
	MailIDs     []int64
}

// validated is NewCase after checking, with normalised values.
type validated struct {
	kind        rules.Kind
	channel     rules.Channel
	sponsorType rules.SponsorType
	applicant   rules.Applicant
	certNo      string
	phone       string
	filings     []string
	domains     []string
	warnings    []string
}

// Validate checks every field of in and returns the first problem as a
// *FieldError. It touches no database.
func (in *NewCase) Validate() error {
	if _, err := in.validate(); err != nil {
		return err
	}
	return checkMoment("received", labelReceived, in.ReceivedAt, time.Now())
}

func (in *NewCase) validate() (*validated, error) {
	var v validated
	var err error
	if v.kind, err = rules.ParseKind(in.Kind); err != nil {
		return nil, fieldErr("kind", err)
	}
	if v.channel, err = rules.ParseChannel(in.Channel); err != nil {
		return nil, fieldErr("channel", err)
	}
	if in.ReceivedAt.IsZero() {
		return nil, fieldErrf("received", msgReceivedRequired)
	}
	st := in.SponsorType
	if st == "" {
		// Unstated: a resident ID number means a person, anything else an
		// organisation (the usual sponsor).
		st = string(rules.SponsorOrg)
		if kind, _, err := validate.CertNo(in.CertNo); err == nil && kind == validate.KindID {
			st = string(rules.SponsorPerson)
		}
	}
	if v.sponsorType, err = rules.ParseSponsorType(st); err != nil {
		return nil, fieldErr("sponsor-type", err)
	}
	ap := in.Applicant
	if ap == "" {
		ap = string(rules.ApplicantLegal)
	}
	if v.applicant, err = rules.ParseApplicant(ap); err != nil {
		return nil, fieldErr("applicant", err)
	}
	if strings.TrimSpace(in.CertNo) != "" {
		kind, norm, err := validate.CertNo(in.CertNo)
		if err != nil {
			return nil, fieldErr("cert-no", err)
		}
		switch {
		case kind == "id" && v.sponsorType == rules.SponsorOrg:
			return nil, fieldErrf("cert-no", msgCertMismatchOrg)
		case kind == "uscc" && v.sponsorType == rules.SponsorPerson:
			return nil, fieldErrf("cert-no", msgCertMismatchPer)
		}
		v.certNo = norm
	}
	if strings.TrimSpace(in.Phone) != "" {
		if v.phone, err = validate.Phone(in.Phone); err != nil {
			return nil, fieldErr("phone", err)
		}
	}
	for _, s := range in.Filings {
		f, err := validate.ParseFiling(s)
		if err != nil {
			return nil, fieldErr("filing", err)
		}
		if w := validate.FilingWarning(f); w != "" {
			v.warnings = append(v.warnings, w)
		}
		v.filings = appendUnique(v.filings, f.String())
	}
	for _, s := range in.Domains {
		d, err := validate.Domain(s)
		if err != nil {
			return nil, fieldErr("domain", err)
		}
		v.domains = appendUnique(v.domains, d)
	}
	return &v, nil
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func casePrefix(k rules.Kind) string {
	switch k {
	case rules.KindDeregister:
		return "ZX"
	case rules.KindPassword:
		return "MM"
	default:
		return "QT"
	}
}

// CreateCase validates in and registers a case with its materials list, all
// missing. Mails named in in.MailIDs are linked to it.
func (db *DB) CreateCase(ctx context.Context, in NewCase, clerk string) (*Case, error) {
	v, err := in.validate()
	if err != nil {
		return nil, err
	}
	now := db.Now()
	if err := checkMoment("received", labelReceived, in.ReceivedAt, now); err != nil {
		return nil, err
	}
	recv := in.ReceivedAt
	day := workday.DayOf(recv)
	var id int64
	err = db.withTx(ctx, func(tx *sql.Tx) error {
		due, err := dueDate(ctx, tx, v.kind, day)
		if err != nil {
			return err
		}
		prefix := casePrefix(v.kind)
		var seq int
		err = tx.QueryRowContext(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES (?, ?, 1)
			ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
			prefix, day.Year()).Scan(&seq)
		if err != nil {
			return fmt.Errorf("number: %w", err)
		}
		number := fmt.Sprintf("%s-%d-%04d", prefix, day.Year(), seq)
		details, _ := json.Marshal(nonNilMap(in.Details))
		res, err := tx.ExecContext(ctx, `INSERT INTO cases (number, kind, channel, status, received_at,
			received_day, clock_day, due, sponsor_type, applicant, sponsor, cert_no, provider, contact,
			phone, filings, domains, details, note, created_at, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			number, v.kind, v.channel, rules.StatusReceived, rfc3339(recv), workday.Format(day),
			workday.Format(day), nullString(due), v.sponsorType, v.applicant,
			strings.TrimSpace(in.Sponsor), v.certNo, strings.TrimSpace(in.Provider),
			strings.TrimSpace(in.Contact), v.phone, jsonList(v.filings), jsonList(v.domains),
			string(details), in.Note, rfc3339(now), rfc3339(now))
		if err != nil {
			return fmt.Errorf("insert case: %w", err)
		}
		id, _ = res.LastInsertId()
		for i, item := range rules.Materials(v.kind, v.sponsorType, v.applicant) {
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
	c.Warnings = v.warnings
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
func (db *DB) Case(ctx context.Context, id int64) (*Case, error) {
	return getCase(ctx, db.db, id)
}

// CaseByNumber loads a case by its number (ZX-2026-0001).
func (db *DB) CaseByNumber(ctx context.Context, number string) (*Case, error) {
	var id int64
	err := db.db.QueryRowContext(ctx, `SELECT id FROM cases WHERE number = ?`, strings.TrimSpace(number)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
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
	c.created_at, c.updated_at`

func scanCase(row interface{ Scan(...any) error }) (*Case, error) {
	var c Case
	var recv, created, updated string
	var closed sql.NullString
	var filings, domains, details string
	err := row.Scan(&c.ID, &c.Number, &c.Kind, &c.Channel, &c.Status, &recv, &c.ReceivedDay,
		&c.ClockDay, &c.Due, &closed, &c.ClosedDay, &c.SponsorType, &c.Applicant, &c.Sponsor,
		&c.CertNo, &c.Provider, &c.Contact, &c.Phone, &filings, &domains, &details, &c.Note,
		&created, &updated)
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

func getCase(ctx context.Context, q querier, id int64) (*Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases c WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf(msgCaseNotFound+": %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("case %d: %w", id, err)
	}
	if err := loadDetails(ctx, q, []*Case{c}); err != nil {
		return nil, err
	}
	return c, nil
}

// loadDetails fills materials and mail ids of the given cases in two queries.
func loadDetails(ctx context.Context, q querier, cases []*Case) error {
	if len(cases) == 0 {
		return nil
	}
	byID := make(map[int64]*Case, len(cases))
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
	parts := []string{c.Number, c.Sponsor, c.CertNo, c.Provider, c.Contact, c.Phone}
	parts = append(parts, c.Filings...)
	for _, d := range c.Domains {
		parts = append(parts, d)
		if u := validate.DomainUnicode(d); u != d {
			parts = append(parts, u)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM case_fts WHERE rowid = ?`, id); err != nil {
		return fmt.Errorf("index case %d: %w", id, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO case_fts (rowid, body) VALUES (?, ?)`, id, strings.Join(parts, "\n"))
	if err != nil {
		return fmt.Errorf("index case %d: %w", id, err)
	}
	return nil
}
