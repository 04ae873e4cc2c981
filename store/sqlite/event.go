package sqlite

import (
	"beiandesk/store"
	"context"
	"fmt"
	"time"

	"beiandesk/store/rules"
)

type event struct {
	caseID       int64
	at, recorded time.Time
	clerk        string
	action       string
	from, to     rules.Status
	note         string
}

func addEvent(ctx context.Context, tx querier, e event) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO event (case_id, at, recorded_at, clerk, action, from_status, to_status, note)
		VALUES (?,?,?,?,?,?,?,?)`, e.caseID, chinaTime(e.at), chinaTime(e.recorded), e.clerk, e.action, e.from, e.to, e.note)
	if err != nil {
		return fmt.Errorf("add event: %w", err)
	}
	return nil
}

// History returns the events of a case, oldest first.
func (db *DB) History(ctx context.Context, caseID int64) ([]store.Event, error) {
	return history(ctx, db.db, caseID)
}

func history(ctx context.Context, q querier, caseID int64) ([]store.Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, case_id, at, recorded_at, clerk, action, from_status, to_status, note
		FROM event WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("history %d: %w", caseID, err)
	}
	defer rows.Close()
	out, err := store.ScanHistory(rows)
	if err != nil {
		return nil, fmt.Errorf("history %d: %w", caseID, err)
	}
	return out, nil
}
