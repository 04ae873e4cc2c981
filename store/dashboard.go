package store

import (
	"context"
	"fmt"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// DashboardQueries are the reads BuildDashboard asks of a book; each back
// end answers them with its own SQL.
type DashboardQueries interface {
	CalendarService
	CountMails(ctx context.Context, state string) (int, error)
	Cases(ctx context.Context, f Filter, full bool) ([]*Case, error)
	// ReceivedByMonth counts the cases received on or after the day from
	// (YYYY-MM-DD), by month (YYYY-MM).
	ReceivedByMonth(ctx context.Context, from string) (map[string]int, error)
	// ConcludedByMonth counts the cases closed on or after the day from in a
	// state rules.Status.Concluded accepts (办结: done and 不予受理, as the
	// report counts), by month of closing.
	ConcludedByMonth(ctx context.Context, from string) (map[string]int, error)
	// ConcludedWithDue returns the closing day and the due date of every
	// case with a due date closed in month (YYYY-MM) in a state
	// rules.Status.Concluded accepts. A month's closings are few: each is
	// judged with rules.OnTime rather than a copy of the rule in SQL.
	ConcludedWithDue(ctx context.Context, month string) ([]ClosedDue, error)
}

// ClosedDue is a closed case's closing day and due date, as stored
// (YYYY-MM-DD).
type ClosedDue struct{ Closed, Due string }

// BuildDashboard computes the figures of the first screen for the civil
// date of today (DashboardService) from q. Only open cases due up to a few
// working days ahead are loaded, so it stays fast on a large case book.
func BuildDashboard(ctx context.Context, q DashboardQueries, today time.Time) (*Dashboard, error) {
	cal, err := q.Calendar(ctx)
	if err != nil {
		return nil, err
	}
	t := workday.Civil(today)
	d := &Dashboard{Today: workday.Format(t), Month: t.Format("2006-01"), Banners: cal.Banner(t)}
	if d.NewMails, err = q.CountMails(ctx, MailNew); err != nil {
		return nil, err
	}
	// Every open case due on or before the last day that can be "due soon".
	horizon := cal.AddWorkdays(t, DueSoonDays)
	open, err := q.Cases(ctx, Filter{Status: "open", DueTo: workday.Format(horizon), Order: "due"}, false)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	for _, c := range open {
		switch DueLevel(cal, t, c.Status, c.Due) {
		case DueOverdue:
			d.Overdue = append(d.Overdue, c)
		case DueToday:
			d.DueToday = append(d.DueToday, c)
		case DueSoon:
			d.DueSoon = append(d.DueSoon, c)
		}
	}

	monthStart := workday.Date(t.Year(), t.Month(), 1)
	first := monthStart.AddDate(0, -11, 0)
	from := workday.Format(first)
	received, err := q.ReceivedByMonth(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	done, err := q.ConcludedByMonth(ctx, from)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	for m := first; !m.After(monthStart); m = m.AddDate(0, 1, 0) {
		month := m.Format("2006-01")
		d.Months = append(d.Months, MonthCount{Month: month, Received: received[month], Done: done[month]})
	}
	d.MonthReceived, d.MonthDone = received[d.Month], done[d.Month]
	closed, err := q.ConcludedWithDue(ctx, d.Month)
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	for _, cd := range closed {
		c, err1 := workday.ParseDate(cd.Closed)
		u, err2 := workday.ParseDate(cd.Due)
		if err1 != nil || err2 != nil {
			continue
		}
		d.MonthClosedWithDue++
		if rules.OnTime(u, c) {
			d.MonthOnTime++
		}
	}
	return d, nil
}
