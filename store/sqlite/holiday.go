package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"beiandesk/store/workday"
)

// Calendar returns the working-day calendar: the built-in official tables,
// replaced by imported notices, overridden by days a clerk edited.
func (db *DB) Calendar(ctx context.Context) (*workday.Calendar, error) {
	return loadCalendar(ctx, db.db)
}

func loadCalendar(ctx context.Context, q querier) (*workday.Calendar, error) {
	cal := workday.NewCalendar()
	rows, err := q.QueryContext(ctx, `SELECT year, off, work FROM holiday_year ORDER BY year`)
	if err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	err = store.ScanHolidayYears(cal, rows)
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	rows, err = q.QueryContext(ctx, `SELECT day, work FROM holiday_day ORDER BY day`)
	if err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	defer rows.Close()
	if err := store.ScanHolidayDays(cal, rows); err != nil {
		return nil, fmt.Errorf("calendar: %w", err)
	}
	return cal, nil
}

// ImportYear stores a year parsed from a State Council notice. It replaces
// the built-in table of that year and drops earlier clerk edits of that year,
// since the notice is the newer authority.
func (db *DB) ImportYear(ctx context.Context, y workday.Year, source string) error {
	if err := store.CheckHolidayYear(y); err != nil {
		return err
	}
	off, _ := json.Marshal(y.Off)
	work, _ := json.Marshal(y.Work)
	return db.withTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO holiday_year (year, off, work, source, imported_at) VALUES (?,?,?,?,?)
			ON CONFLICT (year) DO UPDATE SET off = excluded.off, work = excluded.work,
			source = excluded.source, imported_at = excluded.imported_at`,
			y.Year, string(off), string(work), source, rfc3339(db.Now()))
		if err != nil {
			return fmt.Errorf("import year %d: %w", y.Year, err)
		}
		prefix := fmt.Sprintf("%04d-", y.Year)
		if _, err := tx.ExecContext(ctx, `DELETE FROM holiday_day WHERE day >= ? AND day < ?`, prefix+"01-01", prefix+"99"); err != nil {
			return fmt.Errorf("import year %d: %w", y.Year, err)
		}
		return nil
	})
}

// SetHoliday records a clerk's edit of one day: work true makes it a working
// day, false a day off.
func (db *DB) SetHoliday(ctx context.Context, day time.Time, work bool, clerk string) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO holiday_day (day, work, clerk, edited_at) VALUES (?,?,?,?)
		ON CONFLICT (day) DO UPDATE SET work = excluded.work, clerk = excluded.clerk, edited_at = excluded.edited_at`,
		workday.Format(day), work, clerk, rfc3339(db.Now()))
	if err != nil {
		return fmt.Errorf("set holiday %s: %w", workday.Format(day), err)
	}
	return nil
}

// ClearHoliday drops a clerk's edit of one day.
func (db *DB) ClearHoliday(ctx context.Context, day time.Time) error {
	_, err := db.db.ExecContext(ctx, `DELETE FROM holiday_day WHERE day = ?`, workday.Format(day))
	if err != nil {
		return fmt.Errorf("clear holiday %s: %w", workday.Format(day), err)
	}
	return nil
}
