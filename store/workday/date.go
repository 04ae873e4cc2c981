package workday

import (
	"fmt"
	"time"
)

// china is a fixed zone rather than time.LoadLocation("Asia/Shanghai") so
// that the calendar works on Windows machines without tzdata; China has had
// no daylight saving time since 1991.
var china = time.FixedZone("CST", 8*3600)

// China returns the fixed UTC+8 zone used for civil dates.
func China() *time.Location { return china }

const layout = "2006-01-02"

// Date returns the civil date y-m-d as a time at 00:00 UTC. Out-of-range
// values are normalised as by time.Date.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DayOf returns the civil date in China of the instant t.
func DayOf(t time.Time) time.Time {
	y, m, d := t.In(china).Date()
	return Date(y, m, d)
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf(errBadDate, s)
	}
	return t, nil
}

// Format returns the civil date of t as "2006-01-02".
func Format(t time.Time) string {
	return civil(t).Format(layout)
}

// Civil returns the civil date t stands for, as described in the package
// documentation: midnight in its own location is a civil date already,
// anything else is an instant converted with DayOf.
func Civil(t time.Time) time.Time { return civil(t) }

func civil(t time.Time) time.Time {
	h, mi, s := t.Clock()
	if h == 0 && mi == 0 && s == 0 && t.Nanosecond() == 0 {
		y, m, d := t.Date()
		return Date(y, m, d)
	}
	return DayOf(t)
}

func weekend(d time.Time) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}
