package postgres

import (
	"context"
	"fmt"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// checkVersion refuses a change based on a version of the case that is no
// longer current, naming who changed it last and when (the history's last
// entry). Version 0 means the caller read no version and is not checked. The
// case row is locked by then, so the version cannot move before the change.
func (db *DB) checkVersion(ctx context.Context, tx querier, c *store.Case, version int64) error {
	if version == 0 || version == c.Version {
		return nil
	}
	ce := &store.ConflictError{Number: c.Number}
	var rec string
	err := tx.QueryRow(ctx, `SELECT clerk, recorded_at FROM event WHERE case_id = $1 ORDER BY id DESC LIMIT 1`,
		c.ID).Scan(&ce.Clerk, &rec)
	if err != nil && !isNoRows(err) {
		return fmt.Errorf("case %d: %w", c.ID, err)
	}
	if ce.At, err = time.Parse(time.RFC3339, rec); err != nil {
		ce.At = c.UpdatedAt
	}
	ce.SameDay = workday.DayOf(ce.At).Equal(workday.DayOf(db.Now()))
	return ce
}
