package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// notifiedQuery reads the notices mailed to the applicants of the period's
// cases (the outbox of issue 12), oldest first.
const notifiedQuery = `SELECT o.case_id, o.sent_at FROM cases c JOIN outbox o ON o.case_id = c.id
	WHERE ` + periodCases + ` AND o.state = 'sent' ORDER BY o.sent_at, o.id`

// loadNotified fills NoticeDays: the days notices were mailed.
func loadNotified(ctx context.Context, tx *sql.Tx, args []any, byID map[int64]*store.ReportCase) error {
	rows, err := tx.QueryContext(ctx, notifiedQuery, args...)
	if err != nil {
		return fmt.Errorf("load notices sent: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var at string
		if err := rows.Scan(&id, &at); err != nil {
			return fmt.Errorf("load notices sent: %w", err)
		}
		r, ok := byID[id]
		if !ok {
			continue
		}
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			continue
		}
		day := workday.DayOf(t)
		if k := len(r.NoticeDays); k == 0 || !r.NoticeDays[k-1].Equal(day) {
			r.NoticeDays = append(r.NoticeDays, day)
		}
	}
	return rows.Err()
}
