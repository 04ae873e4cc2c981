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

// AddOutbox commits a new 未发出 item with the exact message before it is
// sent. The reader can be consumed once only: no retry loop here.
func (db *DB) AddOutbox(ctx context.Context, it *store.OutboxItem, raw io.Reader) (int64, error) {
	var id int64
	var sha string
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var err error
		if sha, _, err = putBlob(ctx, tx, raw); err != nil {
			return err
		}
		to, _ := json.Marshal(nonNilSlice(it.To))
		err = tx.QueryRow(ctx, `INSERT INTO outbox (case_id, kind, message_id, to_addrs, subject, raw_sha256, state, clerk, created_at)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`, it.CaseID, it.Kind, it.MessageID, string(to), it.Subject,
			sha, string(store.OutboxPending), it.Clerk, rfc3339(db.Now())).Scan(&id)
		if err != nil {
			return fmt.Errorf("add outbox: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, db.queryErr(err)
	}
	it.ID, it.RawSHA256, it.State = id, sha, store.OutboxPending
	return id, nil
}

// OutboxAttempt records that a send of item id starts now. It is committed
// before the SMTP transaction, so a crash during it is known at the next
// start.
func (db *DB) OutboxAttempt(ctx context.Context, id int64) error {
	_, err := db.pool.Exec(ctx, `UPDATE outbox SET attempt_at = $1, error = '' WHERE id = $2 AND state <> $3`,
		rfc3339(db.Now()), id, string(store.OutboxSent))
	if err != nil {
		return fmt.Errorf("outbox attempt: %w", db.queryErr(err))
	}
	return nil
}

// OutboxFailed records a failed send. uncertain keeps the attempt: the
// message may have arrived, so it becomes 待核实 and is never resent
// without the clerk; otherwise it is 未发出 and may be retried.
func (db *DB) OutboxFailed(ctx context.Context, id int64, msg string, uncertain bool) error {
	q := `UPDATE outbox SET state = $1, attempt_at = NULL, error = $2 WHERE id = $3 AND state <> $4`
	state := store.OutboxPending
	if uncertain {
		q = `UPDATE outbox SET state = $1, error = $2 WHERE id = $3 AND state <> $4`
		state = store.OutboxUncertain
	}
	if _, err := db.pool.Exec(ctx, q, string(state), msg, id, string(store.OutboxSent)); err != nil {
		return fmt.Errorf("outbox failed: %w", db.queryErr(err))
	}
	return nil
}

// RecordSent marks item id 已发出 in the transaction that stored the sent
// message (mailID): the message is linked to the case and the history says
// what was sent to whom. The item's row is locked first, so two
// workstations resolving the same send record it once.
func (t *mailTx) RecordSent(id, mailID int64, sentAt time.Time, appended bool, what, clerk string) error {
	it, err := outboxItem(t.ctx, t.tx, id, true)
	if err != nil {
		return err
	}
	if it.State == store.OutboxSent {
		return nil
	}
	c, err := getCase(t.ctx, t.tx, it.CaseID, true)
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
	if _, err := t.tx.Exec(t.ctx, `UPDATE outbox SET state = $1, sent_at = $2, appended = $3, mail_id = $4, error = '' WHERE id = $5`,
		string(store.OutboxSent), chinaTime(sentAt), appended, mailID, id); err != nil {
		return fmt.Errorf("record sent: %w", err)
	}
	// As in the SQLite book the version stays: a notice sent changes
	// nothing the clerk edits, so a window open on the case stays current.
	if _, err := t.tx.Exec(t.ctx, `UPDATE cases SET updated_at = $1 WHERE id = $2`,
		rfc3339(now), it.CaseID); err != nil {
		return fmt.Errorf("record sent: %w", err)
	}
	return nil
}

// SetOutboxAppended records that the sent folder holds a copy.
func (db *DB) SetOutboxAppended(ctx context.Context, id int64) error {
	if _, err := db.pool.Exec(ctx, `UPDATE outbox SET appended = true WHERE id = $1`, id); err != nil {
		return fmt.Errorf("outbox appended: %w", db.queryErr(err))
	}
	return nil
}

const outboxColumns = `id, case_id, kind, message_id, to_addrs, subject, raw_sha256, state, attempt_at, error, clerk,
	created_at, sent_at, appended, coalesce(mail_id, 0)`

// Outbox lists outbox items, oldest first.
func (db *DB) Outbox(ctx context.Context, f store.OutboxFilter) ([]*store.OutboxItem, error) {
	q := `SELECT ` + outboxColumns + ` FROM outbox WHERE true`
	var args []any
	if f.CaseID != 0 {
		args = append(args, f.CaseID)
		q += fmt.Sprintf(` AND case_id = $%d`, len(args))
	}
	if f.State != "" {
		args = append(args, string(f.State))
		q += fmt.Sprintf(` AND state = $%d`, len(args))
	}
	if f.Unfinished {
		q += ` AND (state <> 'sent' OR NOT appended)`
	}
	rows, err := db.pool.Query(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", db.queryErr(err))
	}
	defer rows.Close()
	var out []*store.OutboxItem
	for rows.Next() {
		it, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("outbox: %w", db.queryErr(err))
		}
		out = append(out, it)
	}
	return out, db.queryErr(rows.Err())
}

// OutboxItem returns one outbox item.
func (db *DB) OutboxItem(ctx context.Context, id int64) (*store.OutboxItem, error) {
	it, err := outboxItem(ctx, db.pool, id, false)
	return it, db.queryErr(err)
}

// outboxItem loads an item; lock holds its row for the transaction.
func outboxItem(ctx context.Context, q querier, id int64, lock bool) (*store.OutboxItem, error) {
	query := `SELECT ` + outboxColumns + ` FROM outbox WHERE id = $1`
	if lock {
		query += ` FOR UPDATE`
	}
	it, err := scanOutbox(q.QueryRow(ctx, query, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.FieldErrf("outbox", msgOutboxNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("outbox %d: %w", id, err)
	}
	return it, nil
}

func scanOutbox(row pgx.Row) (*store.OutboxItem, error) {
	var it store.OutboxItem
	var to, created string
	var attempt, sent *string
	err := row.Scan(&it.ID, &it.CaseID, &it.Kind, &it.MessageID, &to, &it.Subject, &it.RawSHA256, &it.State,
		&attempt, &it.Error, &it.Clerk, &created, &sent, &it.Appended, &it.MailID)
	if err != nil {
		return nil, err
	}
	_ = json.Unmarshal([]byte(to), &it.To)
	it.CreatedAt, _ = time.Parse(time.RFC3339, created)
	if attempt != nil {
		t, _ := time.Parse(time.RFC3339, *attempt)
		it.AttemptAt = &t
	}
	if sent != nil {
		t, _ := time.Parse(time.RFC3339, *sent)
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
	rows, err := db.pool.Query(ctx, `SELECT case_id, kind, sent_at FROM outbox
		WHERE state = 'sent' AND case_id = ANY($1) ORDER BY sent_at, id`, caseIDs)
	if err != nil {
		return nil, fmt.Errorf("notices sent: %w", db.queryErr(err))
	}
	defer rows.Close()
	for rows.Next() {
		var n store.NoticeSent
		var at string
		if err := rows.Scan(&n.CaseID, &n.Kind, &at); err != nil {
			return nil, fmt.Errorf("notices sent: %w", db.queryErr(err))
		}
		n.SentAt, _ = time.Parse(time.RFC3339, at)
		out[n.CaseID] = append(out[n.CaseID], n)
	}
	return out, db.queryErr(rows.Err())
}
