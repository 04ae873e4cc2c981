package workday

import "time"

// Calendar answers whether a day is a working day. Set it up with SetYear
// and SetDay, then share it read-only: it has no locking.
type Calendar struct {
	years map[int]map[time.Time]bool // notice year → day → is working day
	edits map[time.Time]bool         // clerk overrides, day → is working day
}

// NewCalendar returns a calendar holding the official tables.
func NewCalendar() *Calendar {
	c := &Calendar{
		years: make(map[int]map[time.Time]bool),
		edits: make(map[time.Time]bool),
	}
	for _, y := range OfficialYears() {
		t, _ := Official(y)
		c.SetYear(t)
	}
	return c
}

// SetYear replaces the special days of y.Year, e.g. with an imported notice.
// A Year without any day removes that year's table, leaving the ordinary
// week. Malformed dates are skipped; call y.Validate first to report them.
func (c *Calendar) SetYear(y Year) {
	if len(y.Off) == 0 && len(y.Work) == 0 {
		delete(c.years, y.Year)
		return
	}
	c.years[y.Year] = y.days()
}

// SetDay records a clerk's decision for day d; it overrides every table.
func (c *Calendar) SetDay(d time.Time, work bool) {
	c.edits[civil(d)] = work
}

// ClearDay drops the clerk's decision for day d.
func (c *Calendar) ClearDay(d time.Time) {
	delete(c.edits, civil(d))
}

// Edits returns a copy of the clerk's overrides, keyed by civil date.
func (c *Calendar) Edits() map[time.Time]bool {
	m := make(map[time.Time]bool, len(c.edits))
	for d, w := range c.edits {
		m[d] = w
	}
	return m
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d time.Time) bool {
	return c.isWorkday(civil(d))
}

func (c *Calendar) isWorkday(d time.Time) bool {
	if w, ok := c.edits[d]; ok {
		return w
	}
	if w, ok := c.table(d); ok {
		return w
	}
	return !weekend(d)
}

// table looks d up in the notice of its own year first, then in the
// neighbouring notices, which may name days across the new year.
func (c *Calendar) table(d time.Time) (work, ok bool) {
	y := d.Year()
	for _, ny := range [...]int{y, y + 1, y - 1} {
		if w, ok := c.years[ny][d]; ok {
			return w, true
		}
	}
	return false, false
}

// Year returns the days of year y that differ from the ordinary week, with
// the clerk's edits applied: holidays (also those on a weekend) in Off,
// working weekend days in Work.
func (c *Calendar) Year(y int) Year {
	days := make(map[time.Time]bool)
	for d := Date(y, time.January, 1); d.Year() == y; d = d.AddDate(0, 0, 1) {
		if w, ok := c.table(d); ok {
			days[d] = w
		}
	}
	for d, w := range c.edits {
		if d.Year() != y {
			continue
		}
		switch {
		case w == weekend(d):
			// Working weekend day, or weekday off.
			days[d] = w
		case w:
			// A weekday back at work is ordinary.
			delete(days, d)
		default:
			// A weekend day off is ordinary, unless a table lists it
			// as part of a holiday period.
			if days[d] {
				delete(days, d)
			}
		}
	}
	return yearOf(y, days)
}
