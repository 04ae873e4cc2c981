package workday

import (
	"fmt"
	"time"
)

// Calendar answers whether a day is a working day. Set it up with SetYear
// and SetDay, then share it read-only: it has no locking.
type Calendar struct {
	years    map[int]map[time.Time]bool // notice year → day → is working day
	verified map[int]bool               // years whose table comes from the State Council notice
	edits    map[time.Time]bool         // clerk overrides, day → is working day
}

// NewCalendar returns a calendar holding the official tables.
func NewCalendar() *Calendar {
	c := &Calendar{
		years:    make(map[int]map[time.Time]bool),
		verified: make(map[int]bool),
		edits:    make(map[time.Time]bool),
	}
	for _, y := range OfficialYears() {
		t, _ := Official(y)
		c.SetYear(t)
		c.verified[y] = OfficialFromNotice(y)
	}
	return c
}

// SetYear replaces the special days of y.Year with an imported notice,
// which makes the year verified. A Year without any day removes that
// year's table, leaving the ordinary week (unverified). Malformed dates are
// skipped; call y.Validate first to report them.
func (c *Calendar) SetYear(y Year) {
	if len(y.Off) == 0 && len(y.Work) == 0 {
		delete(c.years, y.Year)
		delete(c.verified, y.Year)
		return
	}
	c.years[y.Year] = y.days()
	c.verified[y.Year] = true
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

// HasTable reports whether year y has a holiday table at all (built in or
// imported). Without one its days follow the ordinary week, which is surely
// wrong for a year with Spring Festival in it.
func (c *Calendar) HasTable(y int) bool { return c.years[y] != nil }

// Verified reports whether year y's table comes from the State Council's
// notice (transcribed or imported), as opposed to none at all or a table
// taken from lunar-go's almanac.
func (c *Calendar) Verified(y int) bool { return c.verified[y] }

// SpanVerified reports whether every year from from to to (civil dates)
// has a verified table: a due date counted across an unverified year is
// marked 未核实.
func (c *Calendar) SpanVerified(from, to time.Time) bool {
	for y := civil(from).Year(); y <= civil(to).Year(); y++ {
		if !c.verified[y] {
			return false
		}
	}
	return true
}

// YearWarning describes what is wrong with year y's table, or "" when it
// is verified.
func (c *Calendar) YearWarning(y int) string {
	switch {
	case c.verified[y]:
		return ""
	case c.years[y] == nil:
		return fmt.Sprintf(warnNoTable, y)
	}
	return fmt.Sprintf(warnUnverified, y)
}

// SpanWarnings are the warnings of the years from from to to.
func (c *Calendar) SpanWarnings(from, to time.Time) []string {
	var out []string
	for y := civil(from).Year(); y <= civil(to).Year(); y++ {
		if w := c.YearWarning(y); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Banner is what the desk should be told on day today about the holiday
// tables: the current year's, and from 1 November on (the State Council
// publishes the coming year's notice in November) the next year's, when
// they are missing or unverified.
func (c *Calendar) Banner(today time.Time) []string {
	t := civil(today)
	years := []int{t.Year()}
	if t.Month() >= time.November {
		years = append(years, t.Year()+1)
	}
	var out []string
	for _, y := range years {
		if c.years[y] == nil {
			out = append(out, fmt.Sprintf(bannerNoTable, y))
		} else if !c.verified[y] {
			out = append(out, fmt.Sprintf(bannerUnverified, y))
		}
	}
	return out
}

// AfterHoursReceipt is the day a request received at t counts as received
// when the desk counts receipts out of office hours forward: after 17:30
// (China time) or on a day off, the next working day. The deadline then
// counts from that day, which itself is not counted.
func (c *Calendar) AfterHoursReceipt(t time.Time) time.Time {
	d := DayOf(t)
	local := t.In(China())
	late := local.Hour()*60+local.Minute() > OfficeClose
	if late || !c.IsWorkday(d) {
		return c.AddWorkdays(d, 1)
	}
	return d
}

// OfficeClose is the end of the desk's afternoon hours (FAQ: 14:30–17:30),
// in minutes after midnight.
const OfficeClose = 17*60 + 30
