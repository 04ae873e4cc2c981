package workday

import (
	"fmt"
	"slices"
	"time"
)

// Year holds the days of one year's notice that differ from an ordinary
// Monday–Friday week. Off lists every day of each holiday period, including
// those that fall on a weekend; Work lists the make-up working days. Both
// hold sorted "YYYY-MM-DD" strings.
//
// A notice may name a day of a neighbouring year (old notices put
// 12月30日 of the previous year in the New Year holiday); such days stay in
// the Year of the notice that names them.
type Year struct {
	Year int      `json:"year"`
	Off  []string `json:"off"`
	Work []string `json:"work"`
}

// Validate reports malformed dates, days listed both as off and as work, and
// days more than one year away from y.Year.
func (y Year) Validate() error {
	seen := make(map[string]bool)
	for _, list := range [][]string{y.Off, y.Work} {
		for _, s := range list {
			d, err := ParseDate(s)
			if err != nil {
				return err
			}
			if d.Year() < y.Year-1 || d.Year() > y.Year+1 {
				return fmt.Errorf(errFarDay, s, y.Year)
			}
			if seen[s] {
				return fmt.Errorf(errOffAndWork, s)
			}
			seen[s] = true
		}
	}
	return nil
}

// days converts the string lists to a lookup table; unparsable entries are
// skipped because Validate is the place that reports them.
func (y Year) days() map[time.Time]bool {
	m := make(map[time.Time]bool, len(y.Off)+len(y.Work))
	for _, s := range y.Off {
		if d, err := ParseDate(s); err == nil {
			m[d] = false
		}
	}
	for _, s := range y.Work {
		if d, err := ParseDate(s); err == nil {
			m[d] = true
		}
	}
	return m
}

// yearOf builds a sorted Year from a day table.
func yearOf(y int, days map[time.Time]bool) Year {
	out := Year{Year: y, Off: []string{}, Work: []string{}}
	for d, work := range days {
		if work {
			out.Work = append(out.Work, Format(d))
		} else {
			out.Off = append(out.Off, Format(d))
		}
	}
	slices.Sort(out.Off)
	slices.Sort(out.Work)
	return out
}
