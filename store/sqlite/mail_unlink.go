package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"beiandesk/store"
)

// Chinese texts of unlinking, kept beside it (zh.go holds the rest).
const (
	msgEventUnlinkMail = store.EventNoteUnlinkMail
	msgMailNotLinked   = "邮件 %d 未关联到该案件"
)

// UnlinkMail undoes LinkMail (see store.CaseService).
func (db *DB) UnlinkMail(ctx context.Context, caseID, mailID int64, clerk string) error {
	return db.withTx(ctx, func(tx *sql.Tx) error {
		if _, err := getCase(ctx, tx, caseID); err != nil {
			return err
		}
		var cur sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT case_id FROM mail WHERE id = ?`, mailID).Scan(&cur)
		if errors.Is(err, sql.ErrNoRows) {
			return fieldErrf("mail", msgMailNotFound, mailID)
		}
		if err != nil {
			return fmt.Errorf("unlink mail %d: %w", mailID, err)
		}
		if !cur.Valid || cur.Int64 != caseID {
			return fieldErrf("mail", msgMailNotLinked, mailID)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE mail SET case_id = NULL, state = ? WHERE id = ?`, store.MailNew, mailID); err != nil {
			return fmt.Errorf("unlink mail %d: %w", mailID, err)
		}
		now := db.Now()
		if err := addEvent(ctx, tx, event{caseID: caseID, at: now, recorded: now, clerk: clerk, action: "unlink",
			note: mailEventNote(ctx, tx, msgEventUnlinkMail, mailID)}); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?`, rfc3339(now), caseID)
		return err
	})
}

// mailEventNote names a mail in the history by its subject
// (store.MailEventNote).
func mailEventNote(ctx context.Context, tx querier, format string, mailID int64) string {
	var subject string
	_ = tx.QueryRowContext(ctx, `SELECT subject FROM mail WHERE id = ?`, mailID).Scan(&subject)
	return store.MailEventNote(format, subject, mailID)
}
