package postgres

import (
	"context"
	"fmt"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Dashboard computes the figures of the first screen for the civil date of
// today, with the same queries as the SQLite book.
func (db *DB) Dashboard(ctx context.Context, today time.Time) (*store.Dashboard, error) {
	cal, err := db.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	t := workday.Civil(today)
	d := &store.Dashboard{Today: workday.Format(t), Month: t.Format("2006-01"), Banners: cal.Banner(t)}
	if d.NewMails, err = db.CountMails(ctx, store.MailNew); err != nil {
		return nil, err
	}
	horizon := cal.AddWorkdays(t, store.DueSoonDays)
	open, err := db.Cases(ctx, store.Filter{Status: "open", DueTo: workday.Format(horizon), Order: "due"}, false)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	for _, c := range open {
		switch store.DueLevel(cal, t, c.Status, c.Due) {
		case store.DueOverdue:
			d.Overdue = append(d.Overdue, c)
		case store.DueToday:
			d.DueToday = append(d.DueToday, c)
		case store.DueSoon:
			d.DueSoon = append(d.DueSoon, c)
		}
	}
	monthStart := workday.Date(t.Year(), t.Month(), 1)
	first := monthStart.AddDate(0, -11, 0)
	months := make(map[string]*store.MonthCount, 12)
	for m := first; !m.After(monthStart); m = m.AddDate(0, 1, 0) {
		d.Months = append(d.Months, store.MonthCount{Month: m.Format("2006-01")})
	}
	for i := range d.Months {
		months[d.Months[i].Month] = &d.Months[i]
	}
	from := workday.Format(first)
	if err := db.countByMonth(ctx, months, func(mc *store.MonthCount, n int) { mc.Received = n },
		`SELECT substr(received_day, 1, 7), count(*) FROM cases WHERE received_day >= $1 GROUP BY 1`, from); err != nil {
		return nil, err
	}
	// Done per month (办结) is every case closed in the month in a state
	// rules.Status.Concluded accepts: done and 不予受理, as the report counts.
	if err := db.countByMonth(ctx, months, func(mc *store.MonthCount, n int) { mc.Done = n },
		`SELECT substr(closed_day, 1, 7), count(*) FROM cases
		WHERE closed_day >= $1 AND status = ANY($2) GROUP BY 1`, from, statusCodes(rules.ConcludedStatuses())); err != nil {
		return nil, err
	}
	if cur := months[d.Month]; cur != nil {
		d.MonthReceived, d.MonthDone = cur.Received, cur.Done
	}
	// A month's closings are few: each is judged with rules.OnTime rather
	// than a copy of the rule in SQL.
	rows, err := db.pool.Query(ctx, `SELECT closed_day, due FROM cases
		WHERE closed_day >= $1 AND closed_day < $2 AND status = ANY($3) AND due IS NOT NULL`,
		d.Month+"-01", d.Month+"-32", statusCodes(rules.ConcludedStatuses()))
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", db.queryErr(err))
	}
	defer rows.Close()
	for rows.Next() {
		var closed, due string
		if err := rows.Scan(&closed, &due); err != nil {
			return nil, fmt.Errorf("dashboard: %w", db.queryErr(err))
		}
		c, err1 := workday.ParseDate(closed)
		u, err2 := workday.ParseDate(due)
		if err1 != nil || err2 != nil {
			continue
		}
		d.MonthClosedWithDue++
		if rules.OnTime(u, c) {
			d.MonthOnTime++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("dashboard: %w", db.queryErr(err))
	}
	return d, nil
}

func (db *DB) countByMonth(ctx context.Context, months map[string]*store.MonthCount, apply func(*store.MonthCount, int), query string, args ...any) error {
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("dashboard: %w", db.queryErr(err))
	}
	defer rows.Close()
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return fmt.Errorf("dashboard: %w", err)
		}
		if mc := months[m]; mc != nil {
			apply(mc, n)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("dashboard: %w", db.queryErr(err))
	}
	return nil
}
