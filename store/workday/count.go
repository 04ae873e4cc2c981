package workday

import "time"

// AddWorkdays returns the n-th working day after day d. The day d itself is
// never counted, as the Civil Code counts periods in days, so a request
// received on a Wednesday with n = 1 is due on Thursday. n <= 0 returns d.
func (c *Calendar) AddWorkdays(d time.Time, n int) time.Time {
	d = civil(d)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if c.isWorkday(d) {
			n--
		}
	}
	return d
}

// WorkdaysBetween counts the working days in (a, b]. When b is before a it
// returns minus the count of (b, a], so "days late" can be negative.
func (c *Calendar) WorkdaysBetween(a, b time.Time) int {
	a, b = civil(a), civil(b)
	sign := 1
	if b.Before(a) {
		a, b, sign = b, a, -1
	}
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if c.isWorkday(d) {
			n++
		}
	}
	return sign * n
}
