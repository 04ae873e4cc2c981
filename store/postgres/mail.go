package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
)

// mailTx stores one mail with its blobs and advances the IMAP checkpoint in
// the same transaction.
type mailTx struct {
	ctx context.Context
	tx  pgx.Tx
	db  *DB
}

// BeginMail starts a mail transaction. Call Commit or Rollback.
func (db *DB) BeginMail(ctx context.Context) (store.MailTx, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("begin mail: %w", db.queryErr(err))
	}
	return &mailTx{ctx: ctx, tx: tx, db: db}, nil
}

func (t *mailTx) Commit() error { return t.db.queryErr(t.tx.Commit(t.ctx)) }

func (t *mailTx) Rollback() error {
	err := t.tx.Rollback(context.WithoutCancel(t.ctx))
	if errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return err
}

// The mail transaction's statements, like Commit, report a lost server in
// the clerk's words (queryErr): a sync's first statement after a restart
// may be any of them.

func (t *mailTx) Lookup(key string) (int64, bool, error) {
	id, ok, err := lookupMail(t.ctx, t.tx, key)
	return id, ok, t.db.queryErr(err)
}

func lookupMail(ctx context.Context, q querier, key string) (int64, bool, error) {
	var id int64
	err := q.QueryRow(ctx, `SELECT id FROM mail WHERE dedup_key = $1`, key).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("lookup mail: %w", err)
	}
	return id, true, nil
}

// LookupMail returns the id of the mail stored under key, if any.
func (db *DB) LookupMail(ctx context.Context, key string) (int64, bool, error) {
	id, ok, err := lookupMail(ctx, db.pool, key)
	return id, ok, db.queryErr(err)
}

func (t *mailTx) PutBlob(r io.Reader) (string, int64, error) {
	sha, size, err := putBlob(t.ctx, t.tx, r)
	return sha, size, t.db.queryErr(err)
}

// PutSlice stores a blob as a slice of a blob put before.
func (t *mailTx) PutSlice(s store.BlobSlice) error {
	return t.db.queryErr(putSlice(t.ctx, t.tx, s))
}

func (t *mailTx) Insert(m *store.Mail) (int64, error) {
	id, err := insertMail(t.ctx, t.tx, m, rfc3339(t.db.Now()), store.MailNew, nil)
	return id, t.db.queryErr(err)
}

// insertMail stores a mail row and its attachment rows. Copying a book keeps
// the source's stored time, state and case.
func insertMail(ctx context.Context, tx pgx.Tx, m *store.Mail, storedAt, state string, caseID *int64) (int64, error) {
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
	var id int64
	err := tx.QueryRow(ctx, `INSERT INTO mail (dedup_key, message_id, raw_sha256, raw_size, date,
		from_name, from_addr, to_addrs, subject, text, proposal, problems, source, stored_at, state, case_id)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
		m.DedupKey, m.MessageID, m.RawSHA256, m.RawSize, date, m.FromName, m.FromAddr, string(to),
		m.Subject, m.Text, string(proposal), string(problems), m.Source, storedAt, state, caseID).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("insert mail: %w", err)
	}
	for i, a := range m.Attachments {
		if _, err := tx.Exec(ctx, `INSERT INTO mail_attachment (mail_id, pos, name, content_type, size, sha256, inline)
			VALUES ($1,$2,$3,$4,$5,$6,$7)`, id, i+1, a.Name, a.ContentType, a.Size, a.SHA256, a.Inline); err != nil {
			return 0, fmt.Errorf("insert attachment: %w", err)
		}
	}
	return id, nil
}

func (t *mailTx) SetCheckpoint(account, mailbox string, cp store.Checkpoint) error {
	return t.db.queryErr(setCheckpoint(t.ctx, t.tx, account, mailbox, cp))
}

func setCheckpoint(ctx context.Context, q querier, account, mailbox string, cp store.Checkpoint) error {
	_, err := q.Exec(ctx, `INSERT INTO imap_state (account, mailbox, uidvalidity, last_uid) VALUES ($1,$2,$3,$4)
		ON CONFLICT (account, mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid`,
		account, mailbox, int64(cp.UIDValidity), int64(cp.LastUID))
	if err != nil {
		return fmt.Errorf("checkpoint %s/%s: %w", account, mailbox, err)
	}
	return nil
}

// SetCheckpoint records the IMAP position outside a mail transaction.
func (db *DB) SetCheckpoint(ctx context.Context, account, mailbox string, cp store.Checkpoint) error {
	return db.queryErr(setCheckpoint(ctx, db.pool, account, mailbox, cp))
}

// Checkpoint returns the stored IMAP position; ok is false before the first sync.
func (db *DB) Checkpoint(ctx context.Context, account, mailbox string) (cp store.Checkpoint, ok bool, err error) {
	var v, u int64
	err = db.pool.QueryRow(ctx, `SELECT uidvalidity, last_uid FROM imap_state WHERE account = $1 AND mailbox = $2`,
		account, mailbox).Scan(&v, &u)
	if errors.Is(err, pgx.ErrNoRows) {
		return cp, false, nil
	}
	if err != nil {
		return cp, false, fmt.Errorf("checkpoint %s/%s: %w", account, mailbox, db.queryErr(err))
	}
	return store.Checkpoint{UIDValidity: uint32(v), LastUID: uint32(u)}, true, nil
}

const mailColumns = `id, dedup_key, message_id, raw_sha256, raw_size, date, from_name, from_addr, to_addrs,
	subject, text, proposal, problems, source, stored_at, state, case_id`

func scanMail(row pgx.Row) (*store.Mail, error) {
	var m store.Mail
	var date, stored, to, proposal, problems string
	err := row.Scan(&m.ID, &m.DedupKey, &m.MessageID, &m.RawSHA256, &m.RawSize, &date, &m.FromName,
		&m.FromAddr, &to, &m.Subject, &m.Text, &proposal, &problems, &m.Source, &stored, &m.State, &m.CaseID)
	if err != nil {
		return nil, err
	}
	m.Date, _ = time.Parse(time.RFC3339, date)
	m.StoredAt, _ = time.Parse(time.RFC3339, stored)
	_ = json.Unmarshal([]byte(to), &m.To)
	_ = json.Unmarshal([]byte(problems), &m.Problems)
	m.Proposal = json.RawMessage(proposal)
	m.Attachments = []store.Attachment{}
	return &m, nil
}

// Mails lists stored mails, newest first, with their attachments.
func (db *DB) Mails(ctx context.Context, f store.MailFilter) ([]*store.Mail, error) {
	query := `SELECT ` + mailColumns + ` FROM mail`
	var args []any
	if f.State != "" {
		query += ` WHERE state = $1`
		args = append(args, f.State)
	}
	query += ` ORDER BY date DESC, id DESC`
	if f.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	if f.Offset > 0 {
		query += fmt.Sprintf(" OFFSET %d", f.Offset)
	}
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list mails: %w", db.queryErr(err))
	}
	var out []*store.Mail
	byID := map[int64]*store.Mail{}
	var ids []int64
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list mails: %w", db.queryErr(err))
		}
		out = append(out, m)
		byID[m.ID] = m
		ids = append(ids, m.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list mails: %w", db.queryErr(err))
	}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err = db.pool.Query(ctx, `SELECT mail_id, name, content_type, size, sha256, inline
		FROM mail_attachment WHERE mail_id = ANY($1) ORDER BY mail_id, pos`, ids)
	if err != nil {
		return nil, fmt.Errorf("list attachments: %w", db.queryErr(err))
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a store.Attachment
		if err := rows.Scan(&id, &a.Name, &a.ContentType, &a.Size, &a.SHA256, &a.Inline); err != nil {
			return nil, fmt.Errorf("list attachments: %w", db.queryErr(err))
		}
		byID[id].Attachments = append(byID[id].Attachments, a)
	}
	return out, db.queryErr(rows.Err())
}

// Mail loads one mail with its attachments.
func (db *DB) Mail(ctx context.Context, id int64) (*store.Mail, error) {
	m, err := scanMail(db.pool.QueryRow(ctx, `SELECT `+mailColumns+` FROM mail WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf(msgMailNotFound+": %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("mail %d: %w", id, db.queryErr(err))
	}
	rows, err := db.pool.Query(ctx, `SELECT name, content_type, size, sha256, inline FROM mail_attachment
		WHERE mail_id = $1 ORDER BY pos`, id)
	if err != nil {
		return nil, fmt.Errorf("mail %d: %w", id, db.queryErr(err))
	}
	defer rows.Close()
	for rows.Next() {
		var a store.Attachment
		if err := rows.Scan(&a.Name, &a.ContentType, &a.Size, &a.SHA256, &a.Inline); err != nil {
			return nil, fmt.Errorf("mail %d: %w", id, db.queryErr(err))
		}
		m.Attachments = append(m.Attachments, a)
	}
	return m, db.queryErr(rows.Err())
}

// CountMails counts mails in a state ("" for all).
func (db *DB) CountMails(ctx context.Context, state string) (int, error) {
	var n int
	var err error
	if state == "" {
		err = db.pool.QueryRow(ctx, `SELECT count(*) FROM mail`).Scan(&n)
	} else {
		err = db.pool.QueryRow(ctx, `SELECT count(*) FROM mail WHERE state = $1`, state).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("count mails: %w", db.queryErr(err))
	}
	return n, nil
}

// LinkMail attaches a mail to an existing case.
func (db *DB) LinkMail(ctx context.Context, caseID, mailID int64, clerk string) error {
	return db.withTx(ctx, func(tx pgx.Tx) error {
		c, err := getCase(ctx, tx, caseID, true)
		if err != nil {
			return err
		}
		if err := linkMail(ctx, tx, caseID, c.Number, mailID, clerk, db.Now()); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE cases SET updated_at = $1, version = version + 1 WHERE id = $2`, rfc3339(db.Now()), caseID)
		return err
	})
}

func linkMail(ctx context.Context, tx pgx.Tx, caseID int64, number string, mailID int64, clerk string, now time.Time) error {
	var cur *int64
	err := tx.QueryRow(ctx, `SELECT case_id FROM mail WHERE id = $1 FOR UPDATE`, mailID).Scan(&cur)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.FieldErrf("mail", msgMailNotFound, mailID)
	}
	if err != nil {
		return fmt.Errorf("link mail %d: %w", mailID, err)
	}
	if cur != nil {
		if *cur == caseID {
			return nil
		}
		var other string
		_ = tx.QueryRow(ctx, `SELECT number FROM cases WHERE id = $1`, *cur).Scan(&other)
		return store.FieldErrf("mail", msgMailLinked, mailID, other)
	}
	if _, err := tx.Exec(ctx, `UPDATE mail SET case_id = $1, state = $2 WHERE id = $3`, caseID, store.MailCase, mailID); err != nil {
		return fmt.Errorf("link mail %d: %w", mailID, err)
	}
	return addEvent(ctx, tx, event{caseID: caseID, at: now, recorded: now, clerk: clerk, action: "link",
		note: mailEventNote(ctx, tx, msgEventLinkMail, mailID)})
}

// SetMailState marks a mail new or ignored (a linked mail stays linked).
func (db *DB) SetMailState(ctx context.Context, mailID int64, state string) error {
	tag, err := db.pool.Exec(ctx, `UPDATE mail SET state = $1 WHERE id = $2 AND case_id IS NULL`, state, mailID)
	if err != nil {
		return fmt.Errorf("mail %d: %w", mailID, db.queryErr(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf(msgMailNotFound+": %w", mailID, store.ErrNotFound)
	}
	return nil
}

// AddCaseFile stores a file (a scan) with a case.
func (db *DB) AddCaseFile(ctx context.Context, caseID int64, name string, r io.Reader, clerk string) (store.Attachment, error) {
	var a store.Attachment
	// The reader can be consumed once only: no retry loop here.
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := getCase(ctx, tx, caseID, true); err != nil {
			return err
		}
		sha, size, err := putBlob(ctx, tx, r)
		if err != nil {
			return err
		}
		now := db.Now()
		if _, err := tx.Exec(ctx, `INSERT INTO case_file (case_id, pos, name, size, sha256, added_at)
			VALUES ($1, (SELECT coalesce(max(pos), 0) + 1 FROM case_file WHERE case_id = $1), $2, $3, $4, $5)`,
			caseID, name, size, sha, rfc3339(now)); err != nil {
			return fmt.Errorf("add file: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE cases SET version = version + 1 WHERE id = $1`, caseID); err != nil {
			return err
		}
		a = store.Attachment{Name: name, Size: size, SHA256: sha}
		return addEvent(ctx, tx, event{caseID: caseID, at: now, recorded: now, clerk: clerk, action: "file",
			note: fmt.Sprintf(msgEventFile, name)})
	})
	if err != nil {
		return a, fmt.Errorf("case %d: %w", caseID, db.queryErr(err))
	}
	return a, nil
}

// CaseFiles lists the files attached to a case.
func (db *DB) CaseFiles(ctx context.Context, caseID int64) ([]store.Attachment, error) {
	rows, err := db.pool.Query(ctx, `SELECT name, size, sha256 FROM case_file WHERE case_id = $1 ORDER BY pos`, caseID)
	if err != nil {
		return nil, fmt.Errorf("case files %d: %w", caseID, db.queryErr(err))
	}
	defer rows.Close()
	var out []store.Attachment
	for rows.Next() {
		var a store.Attachment
		if err := rows.Scan(&a.Name, &a.Size, &a.SHA256); err != nil {
			return nil, db.queryErr(err)
		}
		out = append(out, a)
	}
	return out, db.queryErr(rows.Err())
}
