package store

import (
	"encoding/json"
	"strconv"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Rows is what a back end's query gives back (database/sql's *sql.Rows and
// pgx.Rows both are): the scans below turn stored values into domain ones
// once, and the back end keeps the query and closes the rows.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanHolidayYears sets in cal every year of rows (year, off, work: the
// days as JSON lists, as ImportYear stores them), which replace the
// built-in tables of those years.
func ScanHolidayYears(cal *workday.Calendar, rows Rows) error {
	for rows.Next() {
		var y workday.Year
		var off, work string
		if err := rows.Scan(&y.Year, &off, &work); err != nil {
			return err
		}
		_ = json.Unmarshal([]byte(off), &y.Off)
		_ = json.Unmarshal([]byte(work), &y.Work)
		cal.SetYear(y)
	}
	return rows.Err()
}

// ScanHolidayDays sets in cal every day of rows (day YYYY-MM-DD, work) a
// clerk edited; they override the years. A day that does not parse is
// passed over.
func ScanHolidayDays(cal *workday.Calendar, rows Rows) error {
	for rows.Next() {
		var day string
		var work bool
		if err := rows.Scan(&day, &work); err != nil {
			return err
		}
		d, err := workday.ParseDate(day)
		if err != nil {
			continue
		}
		cal.SetDay(d, work)
	}
	return rows.Err()
}

// CheckHolidayYear refuses a year parsed from a notice without a single day
// (CalendarService.ImportYear).
func CheckHolidayYear(y workday.Year) error {
	if len(y.Off) == 0 && len(y.Work) == 0 {
		return FieldErrf("file", msgHolidayEmpty)
	}
	return nil
}

// DeadlineKey is the setting that holds the working days allowed for kind k.
func DeadlineKey(k rules.Kind) string { return "deadline." + string(k) }

// DeadlineDaysOf reads the setting DeadlineKey(k) (value, "" when unset):
// the kind's default when unset or unreadable.
func DeadlineDaysOf(k rules.Kind, value string) int {
	if n, err := strconv.Atoi(value); err == nil && value != "" {
		return n
	}
	return rules.DefaultDeadlineDays(k)
}

// CheckDeadlineDays refuses a deadline outside 0 to 60 working days
// (SettingService.SetDeadlineDays).
func CheckDeadlineDays(n int) error {
	if n < 0 || n > 60 {
		return FieldErrf("days", msgDeadlineDays)
	}
	return nil
}
