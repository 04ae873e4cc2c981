package postgres

import (
	"context"
	"fmt"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"

	"github.com/jackc/pgx/v5"
)

// AfterHours reports whether a request received after 17:30 or on a day off
// counts as received on the next working day (workday.Calendar.
// AfterHoursReceipt). Off by default, as in the SQLite book.
func (db *DB) AfterHours(ctx context.Context) (bool, error) {
	v, err := getSetting(ctx, db.pool, store.SettingAfterHours, "")
	return v == "1", db.queryErr(err)
}

// SetAfterHours changes the after-hours rule for cases registered from now
// on; registered cases keep their dates.
func (db *DB) SetAfterHours(ctx context.Context, on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	return db.SetSetting(ctx, store.SettingAfterHours, v)
}

// caseDates is what a case's dates depend on: the after-hours rule, the
// kind's deadline and the calendar.
type caseDates struct {
	afterHours bool
	days       int
	cal        *workday.Calendar
}

// loadCaseDates reads the dates' inputs for kind k in one round trip.
func loadCaseDates(ctx context.Context, q querier, k rules.Kind) (*caseDates, error) {
	var after, days *string
	b := &pgx.Batch{}
	b.Queue(`SELECT (SELECT value FROM setting WHERE key = $1), (SELECT value FROM setting WHERE key = $2)`,
		store.SettingAfterHours, store.DeadlineKey(k)).QueryRow(func(row pgx.Row) error { return row.Scan(&after, &days) })
	cal := queueCalendar(b)
	if err := q.SendBatch(ctx, b).Close(); err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	d := &caseDates{afterHours: after != nil && *after == "1", cal: cal}
	var v string
	if days != nil {
		v = *days
	}
	d.days = store.DeadlineDaysOf(k, v)
	return d, nil
}

// receiptDay is the day of receipt of a request received at t, by the
// after-hours setting.
func (d *caseDates) receiptDay(t time.Time) time.Time {
	if !d.afterHours {
		return workday.DayOf(t)
	}
	return d.cal.AfterHoursReceipt(t)
}

// due is the deadline for a clock starting on day, or "" for no deadline.
func (d *caseDates) due(day time.Time) string {
	if d.days == 0 {
		return ""
	}
	return workday.Format(d.cal.AddWorkdays(day, d.days))
}
