package postgres

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// MoveCase moves a case along its lifecycle. at is when it really happened
// (zero means now); a supplement (returned → received) restarts the clock on
// that day. The case row is locked first, so a concurrent move waits and
// then judges the lifecycle against the state this one left.
func (db *DB) MoveCase(ctx context.Context, id, version int64, to rules.Status, at time.Time, note, clerk string) (*store.Case, error) {
	now := db.Now()
	if at.IsZero() {
		at = now
	}
	if err := store.CheckActionAt(at, now); err != nil {
		return nil, err
	}
	err := db.withTx(ctx, func(tx pgx.Tx) error {
		c, err := getCase(ctx, tx, id, true)
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
		sets := []string{"status = $1", "updated_at = $2", "version = version + 1"}
		args := []any{to, rfc3339(now)}
		if store.RestartsClock(c.Status, to) {
			due, err := dueDate(ctx, tx, c.Kind, day)
			if err != nil {
				return err
			}
			sets = append(sets, fmt.Sprintf("clock_day = $%d", len(args)+1), fmt.Sprintf("due = $%d", len(args)+2))
			args = append(args, workday.Format(day), nullString(due))
		}
		if to.Final() {
			sets = append(sets, fmt.Sprintf("closed_at = $%d", len(args)+1), fmt.Sprintf("closed_day = $%d", len(args)+2))
			args = append(args, chinaTime(at), workday.Format(day))
		}
		args = append(args, id)
		if _, err := tx.Exec(ctx, `UPDATE cases SET `+strings.Join(sets, ", ")+fmt.Sprintf(` WHERE id = $%d`, len(args)), args...); err != nil {
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
	err := db.withTx(ctx, func(tx pgx.Tx) error {
		c, err := getCase(ctx, tx, id, true)
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
		if _, err := tx.Exec(ctx, `UPDATE material SET state = $1, note = $2, checked_at = $3, checked_by = $4
			WHERE case_id = $5 AND pos = $6`, state, note, rfc3339(now), clerk, id, n); err != nil {
			return fmt.Errorf("update material: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE cases SET updated_at = $1, version = version + 1 WHERE id = $2`, rfc3339(now), id); err != nil {
			return err
		}
		return addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "check", note: msg})
	})
	if err != nil {
		return nil, fmt.Errorf("check case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}
