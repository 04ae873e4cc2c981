package store

import (
	"strconv"
	"strings"
	"time"

	"beiandesk/store/workday"
)

// Filled is the record's case as BulkService.ImportCases stores it: the
// receipt day from the receipt time, the clock day from the receipt day,
// the creation time from the receipt and the last change from the
// creation, where the record leaves them empty. year is the receipt year,
// which an empty Number is counted in.
func (r *CaseRecord) Filled() (c Case, year int) {
	c = r.Case
	if c.ReceivedDay == "" {
		c.ReceivedDay = workday.Format(workday.DayOf(c.ReceivedAt))
	}
	if c.ClockDay == "" {
		c.ClockDay = c.ReceivedDay
	}
	if c.CreatedAt.IsZero() {
		c.CreatedAt = c.ReceivedAt
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	year, _ = strconv.Atoi(c.ReceivedDay[:min(4, len(c.ReceivedDay))])
	return c, year
}

// Recorded is when the event was entered: RecordedAt, or At when a copied
// history does not say.
func (e *Event) Recorded() time.Time {
	if e.RecordedAt.IsZero() {
		return e.At
	}
	return e.RecordedAt
}

// SplitCaseNumber reads ZX-2026-0001 as ("ZX", 2026, 1), the inverse of
// CaseNumber; ok is false for a number not of that form.
func SplitCaseNumber(number string) (prefix string, year, seq int, ok bool) {
	parts := strings.Split(number, "-")
	if len(parts) != 3 {
		return "", 0, 0, false
	}
	y, err1 := strconv.Atoi(parts[1])
	n, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil {
		return "", 0, 0, false
	}
	return parts[0], y, n, true
}
