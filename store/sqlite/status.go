package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// MoveCase moves a case along its lifecycle. at is when it really happened
// (zero means now); a supplement (returned → received) restarts the clock on
// that day.
func (db *DB) MoveCase(ctx context.Context, id, version int64, to rules.Status, at time.Time, note, clerk string) (*store.Case, error) {
	now := db.Now()
	if at.IsZero() {
		at = now
	}
	if err := store.CheckActionAt(at, now); err != nil {
		return nil, err
	}
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := db.checkVersion(ctx, tx, c, version); err != nil {
			return err
		}
		hist, err := history(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := store.CheckMove(c, hist, to, at, note); err != nil {
			return err
		}
		day := workday.DayOf(at)
		sets := []string{"status = ?", "updated_at = ?", "version = version + 1"}
		args := []any{to, rfc3339(now)}
		if store.RestartsClock(c.Status, to) {
			due, err := dueDate(ctx, tx, c.Kind, day)
			if err != nil {
				return err
			}
			sets = append(sets, "clock_day = ?", "due = ?")
			args = append(args, workday.Format(day), nullString(due))
		}
		if to.Final() {
			sets = append(sets, "closed_at = ?", "closed_day = ?")
			args = append(args, chinaTime(at), workday.Format(day))
		}
		args = append(args, id)
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET `+strings.Join(sets, ", ")+` WHERE id = ?`, args...); err != nil {
			return fmt.Errorf("update case: %w", err)
		}
		return addEvent(ctx, tx, event{caseID: id, at: at, recorded: now, clerk: clerk,
			action: "status", from: c.Status, to: to, note: note})
	})
	if err != nil {
		return nil, fmt.Errorf("move case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}

// CheckItem records the check of material item n (1-based).
func (db *DB) CheckItem(ctx context.Context, id, version int64, n int, state rules.ItemState, note, clerk string) (*store.Case, error) {
	now := db.Now()
	note = strings.TrimSpace(note)
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := db.checkVersion(ctx, tx, c, version); err != nil {
			return err
		}
		msg, err := store.CheckItem(c, n, state, note)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE material SET state = ?, note = ?, checked_at = ?, checked_by = ?
			WHERE case_id = ? AND pos = ?`, state, note, rfc3339(now), clerk, id, n); err != nil {
			return fmt.Errorf("update material: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?`, rfc3339(now), id); err != nil {
			return err
		}
		return addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "check", note: msg})
	})
	if err != nil {
		return nil, fmt.Errorf("check case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}
