package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// mailTx is a write transaction for storing one mail with its blobs and
// advancing the IMAP checkpoint atomically with it.
type mailTx struct {
	ctx context.Context
	tx  *sql.Tx
	q   *stmtTx // the same transaction, reusing the statements of the mail path
	db  *DB
}

// BeginMail starts a mail transaction. Call Commit or Rollback.
func (db *DB) BeginMail(ctx context.Context) (store.MailTx, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("begin mail: %w", err)
	}
	return &mailTx{ctx: ctx, tx: tx, q: newStmtTx(tx), db: db}, nil
}

// Commit commits the transaction.
func (t *mailTx) Commit() error {
	t.q.close()
	return t.tx.Commit()
}

// Rollback abandons the transaction; harmless after Commit.
func (t *mailTx) Rollback() error {
	t.q.close()
	err := t.tx.Rollback()
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}

// Lookup returns the id of the mail stored under key, if any.
func (t *mailTx) Lookup(key string) (int64, bool, error) {
	return lookupMail(t.ctx, t.q, key)
}

const lookupMailQuery = `SELECT id FROM mail WHERE dedup_key = ?`

func lookupMail(ctx context.Context, q querier, key string) (int64, bool, error) {
	return scanLookup(q.QueryRowContext(ctx, lookupMailQuery, key))
}

func scanLookup(row *sql.Row) (int64, bool, error) {
	var id int64
	err := row.Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("lookup mail: %w", err)
	}
	return id, true, nil
}

// LookupMail returns the id of the mail stored under key, if any.
func (db *DB) LookupMail(ctx context.Context, key string) (int64, bool, error) {
	db.lookupOnce.Do(func() {
		db.lookup, db.lookupErr = db.db.PrepareContext(context.WithoutCancel(ctx), lookupMailQuery)
	})
	if db.lookupErr != nil {
		return lookupMail(ctx, db.db, key)
	}
	return scanLookup(db.lookup.QueryRowContext(ctx, key))
}

// PutBlob stores content-addressed bytes inside the transaction.
func (t *mailTx) PutBlob(r io.Reader) (sha string, size int64, err error) {
	return putBlob(t.ctx, t.q, r)
}

// PutSlice stores a blob as a slice of a blob put before.
func (t *mailTx) PutSlice(s store.BlobSlice) error {
	return putSlice(t.ctx, t.q, s)
}

// Insert stores m (whose blobs were put in this transaction) and returns its id.
func (t *mailTx) Insert(m *store.Mail) (int64, error) {
	to, _ := json.Marshal(nonNilSlice(m.To))
	problems, _ := json.Marshal(nonNilSlice(m.Problems))
	proposal := m.Proposal
	if len(proposal) == 0 {
		proposal = json.RawMessage("{}")
	}
	date := ""
	if !m.Date.IsZero() {
		date = rfc3339(m.Date)
	}
	res, err := t.q.ExecContext(t.ctx, `INSERT INTO mail (dedup_key, message_id, raw_sha256, raw_size, date,
		from_name, from_addr, to_addrs, subject, text, proposal, problems, source, stored_at, state)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		m.DedupKey, m.MessageID, m.RawSHA256, m.RawSize, date, m.FromName, m.FromAddr, string(to),
		m.Subject, m.Text, string(proposal), string(problems), m.Source, rfc3339(t.db.Now()), store.MailNew)
	if err != nil {
		return 0, fmt.Errorf("insert mail: %w", err)
	}
	id, _ := res.LastInsertId()
	for i, a := range m.Attachments {
		if _, err := t.q.ExecContext(t.ctx, `INSERT INTO mail_attachment (mail_id, pos, name, content_type, size, sha256, inline)
			VALUES (?,?,?,?,?,?,?)`, id, i+1, a.Name, a.ContentType, a.Size, a.SHA256, a.Inline); err != nil {
			return 0, fmt.Errorf("insert attachment: %w", err)
		}
	}
	return id, nil
}

// SetCheckpoint records the IMAP position inside the transaction, so it
// advances only together with the mail it covers.
func (t *mailTx) SetCheckpoint(account, mailbox string, cp store.Checkpoint) error {
	return setCheckpoint(t.ctx, t.q, account, mailbox, cp)
}

func setCheckpoint(ctx context.Context, q querier, account, mailbox string, cp store.Checkpoint) error {
	_, err := q.ExecContext(ctx, `INSERT INTO imap_state (account, mailbox, uidvalidity, last_uid) VALUES (?,?,?,?)
		ON CONFLICT (account, mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid`,
		account, mailbox, cp.UIDValidity, cp.LastUID)
	if err != nil {
		return fmt.Errorf("checkpoint %s/%s: %w", account, mailbox, err)
	}
	return nil
}

// SetCheckpoint records the IMAP position outside a mail transaction (for
// example after a UIDVALIDITY change, or when a batch held only duplicates).
func (db *DB) SetCheckpoint(ctx context.Context, account, mailbox string, cp store.Checkpoint) error {
	return setCheckpoint(ctx, db.db, account, mailbox, cp)
}

// Checkpoint returns the stored IMAP position; ok is false before the first sync.
func (db *DB) Checkpoint(ctx context.Context, account, mailbox string) (cp store.Checkpoint, ok bool, err error) {
	err = db.db.QueryRowContext(ctx, `SELECT uidvalidity, last_uid FROM imap_state WHERE account = ? AND mailbox = ?`,
		account, mailbox).Scan(&cp.UIDValidity, &cp.LastUID)
	if errors.Is(err, sql.ErrNoRows) {
		return cp, false, nil
	}
	if err != nil {
		return cp, false, fmt.Errorf("checkpoint %s/%s: %w", account, mailbox, err)
	}
	return cp, true, nil
}

const mailColumns = `id, dedup_key, message_id, raw_sha256, raw_size, date, from_name, from_addr, to_addrs,
	subject, text, proposal, problems, source, stored_at, state, case_id`

func scanMail(row interface{ Scan(...any) error }) (*store.Mail, error) {
	var m store.Mail
	var date, stored, to, proposal, problems string
	var caseID sql.NullInt64
	err := row.Scan(&m.ID, &m.DedupKey, &m.MessageID, &m.RawSHA256, &m.RawSize, &date, &m.FromName,
		&m.FromAddr, &to, &m.Subject, &m.Text, &proposal, &problems, &m.Source, &stored, &m.State, &caseID)
	if err != nil {
		return nil, err
	}
	m.Date, _ = time.Parse(time.RFC3339, date)
	m.StoredAt, _ = time.Parse(time.RFC3339, stored)
	_ = json.Unmarshal([]byte(to), &m.To)
	_ = json.Unmarshal([]byte(problems), &m.Problems)
	m.Proposal = json.RawMessage(proposal)
	if caseID.Valid {
		id := caseID.Int64
		m.CaseID = &id
	}
	m.Attachments = []store.Attachment{}
	return &m, nil
}

// Mails lists stored mails, newest first, with their attachments.
func (db *DB) Mails(ctx context.Context, f store.MailFilter) ([]*store.Mail, error) {
	query := `SELECT ` + mailColumns + ` FROM mail`
	var args []any
	if f.State != "" {
		query += ` WHERE state = ?`
		args = append(args, f.State)
	}
	query += ` ORDER BY date DESC, id DESC`
	switch {
	case f.Limit > 0:
		query += fmt.Sprintf(" LIMIT %d", f.Limit)
	case f.Offset > 0:
		query += " LIMIT -1" // SQLite takes OFFSET only after a LIMIT; -1 is none
	}
	if f.Offset > 0 {
		query += fmt.Sprintf(" OFFSET %d", f.Offset)
	}
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list mails: %w", err)
	}
	var out []*store.Mail
	byID := map[int64]*store.Mail{}
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list mails: %w", err)
		}
		out = append(out, m)
		byID[m.ID] = m
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list mails: %w", err)
	}
	// Only the listed mails' attachments, in chunks under SQLite's variable limit.
	for start := 0; start < len(out); start += 500 {
		chunk := out[start:min(start+500, len(out))]
		ids := make([]any, len(chunk))
		for i, m := range chunk {
			ids[i] = m.ID
		}
		rows, err := db.db.QueryContext(ctx, `SELECT mail_id, name, content_type, size, sha256, inline
			FROM mail_attachment WHERE mail_id IN (`+placeholders(len(ids))+`) ORDER BY mail_id, pos`, ids...)
		if err != nil {
			return nil, fmt.Errorf("list attachments: %w", err)
		}
		for rows.Next() {
			var id int64
			var a store.Attachment
			if err := rows.Scan(&id, &a.Name, &a.ContentType, &a.Size, &a.SHA256, &a.Inline); err != nil {
				rows.Close()
				return nil, fmt.Errorf("list attachments: %w", err)
			}
			byID[id].Attachments = append(byID[id].Attachments, a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("list attachments: %w", err)
		}
	}
	return out, nil
}

// Mail loads one mail with its attachments.
func (db *DB) Mail(ctx context.Context, id int64) (*store.Mail, error) {
	m, err := scanMail(db.db.QueryRowContext(ctx, `SELECT `+mailColumns+` FROM mail WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf(msgMailNotFound+": %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("mail %d: %w", id, err)
	}
	rows, err := db.db.QueryContext(ctx, `SELECT name, content_type, size, sha256, inline FROM mail_attachment WHERE mail_id = ? ORDER BY pos`, id)
	if err != nil {
		return nil, fmt.Errorf("mail %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var a store.Attachment
		if err := rows.Scan(&a.Name, &a.ContentType, &a.Size, &a.SHA256, &a.Inline); err != nil {
			return nil, fmt.Errorf("mail %d: %w", id, err)
		}
		m.Attachments = append(m.Attachments, a)
	}
	return m, rows.Err()
}

// CountMails counts mails in a state ("" for all).
func (db *DB) CountMails(ctx context.Context, state string) (int, error) {
	var n int
	var err error
	if state == "" {
		err = db.db.QueryRowContext(ctx, `SELECT count(*) FROM mail`).Scan(&n)
	} else {
		err = db.db.QueryRowContext(ctx, `SELECT count(*) FROM mail WHERE state = ?`, state).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("count mails: %w", err)
	}
	return n, nil
}

// LinkMail attaches a mail to an existing case.
func (db *DB) LinkMail(ctx context.Context, caseID, mailID int64, clerk string) error {
	return db.withTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, caseID)
		if err != nil {
			return err
		}
		if err := linkMail(ctx, tx, caseID, c.Number, mailID, clerk, db.Now()); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?`, rfc3339(db.Now()), caseID)
		return err
	})
}

func linkMail(ctx context.Context, tx querier, caseID int64, number string, mailID int64, clerk string, now time.Time) error {
	var cur sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT case_id FROM mail WHERE id = ?`, mailID).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return fieldErrf("mail", msgMailNotFound, mailID)
	}
	if err != nil {
		return fmt.Errorf("link mail %d: %w", mailID, err)
	}
	if cur.Valid {
		if cur.Int64 == caseID {
			return nil
		}
		var other string
		_ = tx.QueryRowContext(ctx, `SELECT number FROM cases WHERE id = ?`, cur.Int64).Scan(&other)
		return fieldErrf("mail", msgMailLinked, mailID, other)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE mail SET case_id = ?, state = ? WHERE id = ?`, caseID, store.MailCase, mailID); err != nil {
		return fmt.Errorf("link mail %d: %w", mailID, err)
	}
	return addEvent(ctx, tx, event{caseID: caseID, at: now, recorded: now, clerk: clerk, action: "link",
		note: mailEventNote(ctx, tx, msgEventLinkMail, mailID)})
}

// SetMailState marks a mail new or ignored (a linked mail stays linked).
func (db *DB) SetMailState(ctx context.Context, mailID int64, state string) error {
	res, err := db.db.ExecContext(ctx, `UPDATE mail SET state = ? WHERE id = ? AND case_id IS NULL`, state, mailID)
	if err != nil {
		return fmt.Errorf("mail %d: %w", mailID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf(msgMailNotFound+": %w", mailID, store.ErrNotFound)
	}
	return nil
}

// AddCaseFile stores a file (a scan) with a case.
func (db *DB) AddCaseFile(ctx context.Context, caseID int64, name string, r io.Reader, clerk string) (store.Attachment, error) {
	var a store.Attachment
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := getCase(ctx, tx, caseID); err != nil {
			return err
		}
		sha, size, err := putBlob(ctx, tx, r)
		if err != nil {
			return err
		}
		now := db.Now()
		if _, err := tx.ExecContext(ctx, `INSERT INTO case_file (case_id, pos, name, size, sha256, added_at)
			VALUES (?, (SELECT coalesce(max(pos), 0) + 1 FROM case_file WHERE case_id = ?), ?, ?, ?, ?)`,
			caseID, caseID, name, size, sha, rfc3339(now)); err != nil {
			return fmt.Errorf("add file: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET version = version + 1 WHERE id = ?`, caseID); err != nil {
			return fmt.Errorf("add file: %w", err)
		}
		a = store.Attachment{Name: name, Size: size, SHA256: sha}
		return addEvent(ctx, tx, event{caseID: caseID, at: now, recorded: now, clerk: clerk, action: "file",
			note: fmt.Sprintf(msgEventFile, name)})
	})
	if err != nil {
		return a, fmt.Errorf("case %d: %w", caseID, err)
	}
	return a, nil
}

// CaseFiles lists the files attached to a case.
func (db *DB) CaseFiles(ctx context.Context, caseID int64) ([]store.Attachment, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT name, size, sha256 FROM case_file WHERE case_id = ? ORDER BY pos`, caseID)
	if err != nil {
		return nil, fmt.Errorf("case files %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []store.Attachment
	for rows.Next() {
		var a store.Attachment
		if err := rows.Scan(&a.Name, &a.Size, &a.SHA256); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func nonNilSlice(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
