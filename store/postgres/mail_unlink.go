package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
)

// Chinese texts of unlinking, kept beside it (zh.go holds the rest).
const (
	msgEventUnlinkMail = store.EventNoteUnlinkMail
	msgMailNotLinked   = "邮件 %d 未关联到该案件"
)

// UnlinkMail undoes LinkMail (see store.CaseService).
func (db *DB) UnlinkMail(ctx context.Context, caseID, mailID int64, clerk string) error {
	return db.withTx(ctx, func(tx pgx.Tx) error {
		if _, err := getCase(ctx, tx, caseID, true); err != nil {
			return err
		}
		var cur *int64
		err := tx.QueryRow(ctx, `SELECT case_id FROM mail WHERE id = $1 FOR UPDATE`, mailID).Scan(&cur)
		if errors.Is(err, pgx.ErrNoRows) {
			return store.FieldErrf("mail", msgMailNotFound, mailID)
		}
		if err != nil {
			return fmt.Errorf("unlink mail %d: %w", mailID, err)
		}
		if cur == nil || *cur != caseID {
			return store.FieldErrf("mail", msgMailNotLinked, mailID)
		}
		if _, err := tx.Exec(ctx, `UPDATE mail SET case_id = NULL, state = $1 WHERE id = $2`, store.MailNew, mailID); err != nil {
			return fmt.Errorf("unlink mail %d: %w", mailID, err)
		}
		now := db.Now()
		if err := addEvent(ctx, tx, event{caseID: caseID, at: now, recorded: now, clerk: clerk, action: "unlink",
			note: mailEventNote(ctx, tx, msgEventUnlinkMail, mailID)}); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE cases SET updated_at = $1, version = version + 1 WHERE id = $2`, rfc3339(now), caseID)
		return err
	})
}

// mailEventNote names a mail in the history by its subject
// (store.MailEventNote).
func mailEventNote(ctx context.Context, tx pgx.Tx, format string, mailID int64) string {
	var subject string
	_ = tx.QueryRow(ctx, `SELECT subject FROM mail WHERE id = $1`, mailID).Scan(&subject)
	return store.MailEventNote(format, subject, mailID)
}
