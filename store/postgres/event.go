package postgres

import (
	"context"
	"fmt"
	"time"

	"beiandesk/store"
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

const eventInsert = `INSERT INTO event (case_id, at, recorded_at, clerk, action, from_status, to_status, note)
	VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`

func (e event) args() []any {
	return []any{e.caseID, chinaTime(e.at), chinaTime(e.recorded), e.clerk, e.action, e.from, e.to, e.note}
}

// addEvent appends to the history. The clerk given here is only a fallback:
// the server's trigger sets the clerk from the login.
func addEvent(ctx context.Context, tx querier, e event) error {
	if _, err := tx.Exec(ctx, eventInsert, e.args()...); err != nil {
		return fmt.Errorf("add event: %w", err)
	}
	return nil
}

// History returns the events of a case in time order (store.SortHistory).
func (db *DB) History(ctx context.Context, caseID int64) ([]store.Event, error) {
	h, err := history(ctx, db.pool, caseID)
	return h, db.queryErr(err)
}

func history(ctx context.Context, q querier, caseID int64) ([]store.Event, error) {
	rows, err := q.Query(ctx, `SELECT id, case_id, at, recorded_at, clerk, action, from_status, to_status, note
		FROM event WHERE case_id = $1 ORDER BY id`, caseID)
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
