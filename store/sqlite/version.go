package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// checkVersion refuses a change based on an older version of c than the
// current one (read in the same write transaction, so no other change can
// slip in between), naming who made the last change and when. Version 0
// skips the check.
func (db *DB) checkVersion(ctx context.Context, tx querier, c *store.Case, version int64) error {
	if version == 0 || version == c.Version {
		return nil
	}
	ce := &store.ConflictError{Number: c.Number}
	var rec string
	err := tx.QueryRowContext(ctx, `SELECT clerk, recorded_at FROM event WHERE case_id = ? ORDER BY id DESC LIMIT 1`,
		c.ID).Scan(&ce.Clerk, &rec)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("case %d: %w", c.ID, err)
	}
	if ce.At, err = time.Parse(time.RFC3339, rec); err != nil {
		ce.At = c.UpdatedAt
	}
	ce.SameDay = workday.DayOf(ce.At).Equal(workday.DayOf(db.Now()))
	return ce
}
