package postgres

import (
	"context"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
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

// receiptDay is the day of receipt of a request received at t, by the
// after-hours setting.
func receiptDay(ctx context.Context, q querier, t time.Time) (time.Time, error) {
	v, err := getSetting(ctx, q, store.SettingAfterHours, "")
	if err != nil || v != "1" {
		return workday.DayOf(t), err
	}
	cal, err := loadCalendar(ctx, q)
	if err != nil {
		return time.Time{}, err
	}
	return cal.AfterHoursReceipt(t), nil
}
