package report

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"beiandesk/store/workday"
)

// notifiedQuery reads the notices mailed to the applicants of the period's
// cases (the outbox of issue 12), oldest first.
const notifiedQuery = `SELECT o.case_id, o.sent_at FROM cases c JOIN outbox o ON o.case_id = c.id
	WHERE ` + periodCases + ` AND o.state = 'sent' ORDER BY o.sent_at, o.id`

// loadNotified fills Row.Notified: 已告知 with the date of each mailed
// notice.
func loadNotified(ctx context.Context, tx *sql.Tx, args []any, byID map[int64]*caseRec) error {
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
		day := at
		if t, err := time.Parse(time.RFC3339, at); err == nil {
			day = workday.Format(workday.DayOf(t))
		}
		if r.Notified == "" {
			r.Notified = notifiedLabel
		}
		if !strings.Contains(r.Notified, day) {
			r.Notified += " " + day
		}
	}
	return rows.Err()
}
