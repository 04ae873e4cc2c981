package sqlite

import (
	"beiandesk/store"
	"context"
	"time"

	"beiandesk/store/rules"
)

// Dashboard computes the figures of the first screen for the civil date of
// today (store.BuildDashboard) with this book's queries.
func (db *DB) Dashboard(ctx context.Context, today time.Time) (*store.Dashboard, error) {
	return store.BuildDashboard(ctx, dashboardQueries{db}, today)
}

// dashboardQueries answers store.DashboardQueries.
type dashboardQueries struct{ *DB }

func (q dashboardQueries) ReceivedByMonth(ctx context.Context, from string) (map[string]int, error) {
	return q.countByMonth(ctx, `SELECT substr(received_day, 1, 7), count(*) FROM cases WHERE received_day >= ? GROUP BY 1`, from)
}

// The unary + keeps SQLite on the closed_day index.
func (q dashboardQueries) ConcludedByMonth(ctx context.Context, from string) (map[string]int, error) {
	return q.countByMonth(ctx, `SELECT substr(closed_day, 1, 7), count(*) FROM cases WHERE closed_day >= ? AND +status IN (`+
		sqlStatuses(rules.ConcludedStatuses())+`) GROUP BY 1`, from)
}

// The unary + keeps SQLite on the closed_day index: a month's closings are
// few, the done cases of all time are many.
func (q dashboardQueries) ConcludedWithDue(ctx context.Context, month string) ([]store.ClosedDue, error) {
	rows, err := q.db.QueryContext(ctx, `SELECT closed_day, due FROM cases
		WHERE closed_day >= ? AND closed_day < ? AND +status IN (`+sqlStatuses(rules.ConcludedStatuses())+`) AND +due IS NOT NULL`,
		month+"-01", month+"-32")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []store.ClosedDue
	for rows.Next() {
		var cd store.ClosedDue
		if err := rows.Scan(&cd.Closed, &cd.Due); err != nil {
			return nil, err
		}
		out = append(out, cd)
	}
	return out, rows.Err()
}

// countByMonth runs a query yielding (YYYY-MM, count) rows.
func (q dashboardQueries) countByMonth(ctx context.Context, query string, args ...any) (map[string]int, error) {
	rows, err := q.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, err
		}
		counts[m] += n
	}
	return counts, rows.Err()
}
