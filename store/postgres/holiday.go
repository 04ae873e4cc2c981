package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Calendar returns the working-day calendar: the built-in official tables,
// replaced by imported notices, overridden by days a clerk edited.
func (db *DB) Calendar(ctx context.Context) (*workday.Calendar, error) {
	cal, err := loadCalendar(ctx, db.pool)
	return cal, db.queryErr(err)
}

// loadCalendar reads the calendar in one round trip.
func loadCalendar(ctx context.Context, q querier) (*workday.Calendar, error) {
	b := &pgx.Batch{}
	cal := queueCalendar(b)
	if err := q.SendBatch(ctx, b).Close(); err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	return cal, nil
}

// queueCalendar adds the calendar's queries to a batch; the calendar it
// returns is complete once the batch has run.
func queueCalendar(b *pgx.Batch) *workday.Calendar {
	cal := workday.NewCalendar()
	b.Queue(`SELECT year, off, work FROM holiday_year ORDER BY year`).Query(func(rows pgx.Rows) error {
		return store.ScanHolidayYears(cal, rows)
	})
	// Clerks' edits are applied after every year's table, whatever their order.
	b.Queue(`SELECT day, work FROM holiday_day ORDER BY day`).Query(func(rows pgx.Rows) error {
		return store.ScanHolidayDays(cal, rows)
	})
	return cal
}

// chiefErr says in Chinese that the calendar is the chief's when row
// security refused a clerk's edit.
func (db *DB) chiefErr(err error) error {
	if isPermission(err) {
		return fmt.Errorf(msgChiefOnly+": %w", err)
	}
	return db.queryErr(err)
}

// ImportYear stores a year parsed from a State Council notice, replacing that
// year's table and dropping earlier clerk edits of its days.
func (db *DB) ImportYear(ctx context.Context, y workday.Year, source string) error {
	if err := store.CheckHolidayYear(y); err != nil {
		return err
	}
	off, _ := json.Marshal(y.Off)
	work, _ := json.Marshal(y.Work)
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO holiday_year (year, off, work, source, imported_at) VALUES ($1,$2,$3,$4,$5)
			ON CONFLICT (year) DO UPDATE SET off = excluded.off, work = excluded.work,
			source = excluded.source, imported_at = excluded.imported_at`,
			y.Year, string(off), string(work), source, rfc3339(db.Now()))
		if err != nil {
			return err
		}
		prefix := fmt.Sprintf("%04d-", y.Year)
		_, err = tx.Exec(ctx, `DELETE FROM holiday_day WHERE day >= $1 AND day < $2`, prefix+"01-01", prefix+"99")
		return err
	})
	if err != nil {
		return fmt.Errorf("import year %d: %w", y.Year, db.chiefErr(err))
	}
	return nil
}

// SetHoliday records a clerk's edit of one day.
func (db *DB) SetHoliday(ctx context.Context, day time.Time, work bool, clerk string) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO holiday_day (day, work, clerk, edited_at) VALUES ($1,$2,$3,$4)
		ON CONFLICT (day) DO UPDATE SET work = excluded.work, clerk = excluded.clerk, edited_at = excluded.edited_at`,
		workday.Format(day), work, db.recordedClerk(clerk), rfc3339(db.Now()))
	if err != nil {
		return fmt.Errorf("set holiday %s: %w", workday.Format(day), db.chiefErr(err))
	}
	return nil
}

// recordedClerk is the name written outside the history: the login's, as
// the trigger does for the history.
func (db *DB) recordedClerk(string) string { return db.clerk }

// ClearHoliday drops a clerk's edit of one day.
func (db *DB) ClearHoliday(ctx context.Context, day time.Time) error {
	_, err := db.pool.Exec(ctx, `DELETE FROM holiday_day WHERE day = $1`, workday.Format(day))
	if err != nil {
		return fmt.Errorf("clear holiday %s: %w", workday.Format(day), db.chiefErr(err))
	}
	return nil
}

// Setting returns a setting, or def when unset.
func (db *DB) Setting(ctx context.Context, key, def string) (string, error) {
	v, err := getSetting(ctx, db.pool, key, def)
	return v, db.queryErr(err)
}

func getSetting(ctx context.Context, q querier, key, def string) (string, error) {
	var v string
	err := q.QueryRow(ctx, `SELECT value FROM setting WHERE key = $1`, key).Scan(&v)
	if isNoRows(err) {
		return def, nil
	}
	if err != nil {
		return "", fmt.Errorf("setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting stores a setting.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO setting (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set %s: %w", key, db.queryErr(err))
	}
	return nil
}

func deadlineDays(ctx context.Context, q querier, k rules.Kind) (int, error) {
	v, err := getSetting(ctx, q, store.DeadlineKey(k), "")
	if err != nil {
		return 0, err
	}
	return store.DeadlineDaysOf(k, v), nil
}

// DeadlineDays returns the working days allowed for a kind.
func (db *DB) DeadlineDays(ctx context.Context, k rules.Kind) (int, error) {
	n, err := deadlineDays(ctx, db.pool, k)
	return n, db.queryErr(err)
}

// SetDeadlineDays changes the working days allowed for a kind.
func (db *DB) SetDeadlineDays(ctx context.Context, k rules.Kind, n int) error {
	if err := store.CheckDeadlineDays(n); err != nil {
		return err
	}
	return db.SetSetting(ctx, store.DeadlineKey(k), strconv.Itoa(n))
}
