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

// AddOutbox commits a new 未发出 item with the exact message before it is
// sent.
func (db *DB) AddOutbox(ctx context.Context, it *store.OutboxItem, raw io.Reader) (int64, error) {
	var id int64
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		sha, _, err := putBlob(ctx, tx, raw)
		if err != nil {
			return err
		}
		to, _ := json.Marshal(nonNilSlice(it.To))
		res, err := tx.ExecContext(ctx, `INSERT INTO outbox (case_id, kind, message_id, to_addrs, subject, raw_sha256, state, clerk, created_at)
			VALUES (?,?,?,?,?,?,?,?,?)`, it.CaseID, it.Kind, it.MessageID, string(to), it.Subject, sha, store.OutboxPending, it.Clerk, rfc3339(db.Now()))
		if err != nil {
			return fmt.Errorf("add outbox: %w", err)
		}
		id, _ = res.LastInsertId()
		it.ID, it.RawSHA256, it.State = id, sha, store.OutboxPending
		return nil
	})
	return id, err
}

// OutboxAttempt records that a send of item id starts now. It is committed
// before the SMTP transaction, so a crash during it is known at the next
// start.
func (db *DB) OutboxAttempt(ctx context.Context, id int64) error {
	_, err := db.db.ExecContext(ctx, `UPDATE outbox SET attempt_at = ?, error = '' WHERE id = ? AND state != ?`,
		rfc3339(db.Now()), id, store.OutboxSent)
	if err != nil {
		return fmt.Errorf("outbox attempt: %w", err)
	}
	return nil
}

// OutboxFailed records a failed send. uncertain keeps the attempt: the
// message may have arrived, so it becomes 待核实 and is never resent
// without the clerk; otherwise it is 未发出 and may be retried.
func (db *DB) OutboxFailed(ctx context.Context, id int64, msg string, uncertain bool) error {
	q := `UPDATE outbox SET state = ?, attempt_at = NULL, error = ? WHERE id = ? AND state != ?`
	state := store.OutboxPending
	if uncertain {
		q = `UPDATE outbox SET state = ?, error = ? WHERE id = ? AND state != ?`
		state = store.OutboxUncertain
	}
	if _, err := db.db.ExecContext(ctx, q, state, msg, id, store.OutboxSent); err != nil {
		return fmt.Errorf("outbox failed: %w", err)
	}
	return nil
}

// RecordSent marks item id 已发出 in the transaction that stored the sent
// message (mailID): the message is linked to the case and the history
// says what was sent to whom.
func (t *mailTx) RecordSent(id, mailID int64, sentAt time.Time, appended bool, what, clerk string) error {
	it, err := outboxItem(t.ctx, t.tx, id)
	if err != nil {
		return err
	}
	if it.State == store.OutboxSent {
		return nil
	}
	c, err := getCase(t.ctx, t.tx, it.CaseID)
	if err != nil {
		return err
	}
	now := t.db.Now()
	// The sent mail joins the case when it was sent, so the history
	// (in time order) shows the link beside the notice, not after it.
	if err := linkMail(t.ctx, t.tx, it.CaseID, c.Number, mailID, clerk, sentAt); err != nil {
		return err
	}
	to := ""
	if len(it.To) > 0 {
		to = it.To[0]
	}
	if err := addEvent(t.ctx, t.tx, event{caseID: it.CaseID, at: sentAt, recorded: now, clerk: clerk, action: "notice",
		note: fmt.Sprintf(msgEventNoticeSent, what, to, mailID, it.MessageID)}); err != nil {
		return err
	}
	_, err = t.tx.ExecContext(t.ctx, `UPDATE outbox SET state = ?, sent_at = ?, appended = ?, mail_id = ?, error = '' WHERE id = ?`,
		store.OutboxSent, chinaTime(sentAt), appended, mailID, id)
	if err != nil {
		return fmt.Errorf("record sent: %w", err)
	}
	_, err = t.tx.ExecContext(t.ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, rfc3339(now), it.CaseID)
	return err
}

// SetOutboxAppended records that the sent folder holds a copy.
func (db *DB) SetOutboxAppended(ctx context.Context, id int64) error {
	_, err := db.db.ExecContext(ctx, `UPDATE outbox SET appended = 1 WHERE id = ?`, id)
	return err
}

const outboxColumns = `id, case_id, kind, message_id, to_addrs, subject, raw_sha256, state, attempt_at, error, clerk,
	created_at, sent_at, appended, coalesce(mail_id, 0)`

// Outbox lists outbox items, oldest first.
func (db *DB) Outbox(ctx context.Context, f store.OutboxFilter) ([]*store.OutboxItem, error) {
	q := `SELECT ` + outboxColumns + ` FROM outbox WHERE 1=1`
	var args []any
	if f.CaseID != 0 {
		q += ` AND case_id = ?`
		args = append(args, f.CaseID)
	}
	if f.State != "" {
		q += ` AND state = ?`
		args = append(args, f.State)
	}
	if f.Unfinished {
		q += ` AND (state != 'sent' OR appended = 0)`
	}
	rows, err := db.db.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	defer rows.Close()
	var out []*store.OutboxItem
	for rows.Next() {
		it, err := scanOutbox(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// store.OutboxItem returns one outbox item.
func (db *DB) OutboxItem(ctx context.Context, id int64) (*store.OutboxItem, error) {
	return outboxItem(ctx, db.db, id)
}

func outboxItem(ctx context.Context, q querier, id int64) (*store.OutboxItem, error) {
	it, err := scanOutbox(q.QueryRowContext(ctx, `SELECT `+outboxColumns+` FROM outbox WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fieldErrf("outbox", msgOutboxNotFound, id)
	}
	return it, err
}

func scanOutbox(row interface{ Scan(...any) error }) (*store.OutboxItem, error) {
	var it store.OutboxItem
	var to, created string
	var attempt, sent sql.NullString
	err := row.Scan(&it.ID, &it.CaseID, &it.Kind, &it.MessageID, &to, &it.Subject, &it.RawSHA256, &it.State,
		&attempt, &it.Error, &it.Clerk, &created, &sent, &it.Appended, &it.MailID)
	if err != nil {
		return nil, err
	}
	_ = json.Unmarshal([]byte(to), &it.To)
	it.CreatedAt, _ = time.Parse(time.RFC3339, created)
	if attempt.Valid {
		t, _ := time.Parse(time.RFC3339, attempt.String)
		it.AttemptAt = &t
	}
	if sent.Valid {
		t, _ := time.Parse(time.RFC3339, sent.String)
		it.SentAt = &t
	}
	return &it, nil
}

// NoticesSent lists the mailed notices of the given cases, oldest first.
// The report shows them as 已告知 with their date.
func (db *DB) NoticesSent(ctx context.Context, caseIDs []int64) (map[int64][]store.NoticeSent, error) {
	out := map[int64][]store.NoticeSent{}
	if len(caseIDs) == 0 {
		return out, nil
	}
	ids, _ := json.Marshal(caseIDs)
	rows, err := db.db.QueryContext(ctx, `SELECT case_id, kind, sent_at FROM outbox
		WHERE state = 'sent' AND case_id IN (SELECT value FROM json_each(?)) ORDER BY sent_at, id`, string(ids))
	if err != nil {
		return nil, fmt.Errorf("notices sent: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n store.NoticeSent
		var at string
		if err := rows.Scan(&n.CaseID, &n.Kind, &at); err != nil {
			return nil, err
		}
		n.SentAt, _ = time.Parse(time.RFC3339, at)
		out[n.CaseID] = append(out[n.CaseID], n)
	}
	return out, rows.Err()
}
