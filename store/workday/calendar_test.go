package workday

import (
	"slices"
	"testing"
	"time"
)

func TestIsWorkdayOfficial(t *testing.T) {
	c := NewCalendar()
	for _, y := range []int{2025, 2026} {
		tab, _ := Official(y)
		for _, s := range tab.Off {
			d, _ := ParseDate(s)
			if c.IsWorkday(d) {
				t.Errorf("%s (holiday) is a working day", s)
			}
		}
		for _, s := range tab.Work {
			d, _ := ParseDate(s)
			if !c.IsWorkday(d) {
				t.Errorf("%s (make-up day) is not a working day", s)
			}
		}
	}
}

func TestIsWorkday(t *testing.T) {
	c := NewCalendar()
	tests := []struct {
		day  string
		want bool
	}{
		{"2025-01-01", false}, // 元旦, Wednesday
		{"2025-01-02", true},  // ordinary Thursday
		{"2025-01-26", true},  // make-up Sunday
		{"2025-02-08", true},  // make-up Saturday
		{"2025-02-09", false}, // ordinary Sunday
		{"2025-10-08", false}, // last day of 国庆+中秋
		{"2025-10-11", true},  // make-up Saturday
		{"2026-01-04", true},  // make-up Sunday
		{"2026-02-14", true},  // make-up Saturday
		{"2026-02-23", false}, // Monday, end of 春节
		{"2026-10-03", false}, // Saturday inside 国庆
		{"2026-10-08", true},  // Thursday after 国庆
		{"2026-10-10", true},  // make-up Saturday
		{"2026-10-11", false}, // ordinary Sunday
		{"2027-02-14", true},  // make-up Sunday (lunar-go table)
		{"2028-01-03", true},  // no table: ordinary Monday
		{"2028-01-01", false}, // no table: ordinary Saturday
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.day)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.IsWorkday(d); got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
}

func TestSetDayPrecedence(t *testing.T) {
	c := NewCalendar()
	holiday := Date(2026, time.October, 5)  // Monday, 国庆
	makeup := Date(2026, time.October, 10)  // Saturday, make-up day
	ordinary := Date(2026, time.October, 9) // Friday

	steps := []struct {
		name string
		do   func()
		day  time.Time
		want bool
	}{
		{"official holiday", func() {}, holiday, false},
		{"clerk opens holiday", func() { c.SetDay(holiday, true) }, holiday, true},
		{"year table does not override clerk", func() { y, _ := Official(2026); c.SetYear(y) }, holiday, true},
		{"clear restores table", func() { c.ClearDay(holiday) }, holiday, false},
		{"clerk closes make-up day", func() { c.SetDay(makeup, false) }, makeup, false},
		{"clerk closes ordinary day", func() { c.SetDay(ordinary, false) }, ordinary, false},
		{"clear ordinary day", func() { c.ClearDay(ordinary) }, ordinary, true},
		{"non-midnight time addresses China day", func() { c.SetDay(time.Date(2026, 10, 8, 17, 0, 0, 0, time.UTC), false) }, Date(2026, time.October, 9), false},
	}
	for _, s := range steps {
		s.do()
		if got := c.IsWorkday(s.day); got != s.want {
			t.Errorf("%s: IsWorkday(%s) = %v, want %v", s.name, Format(s.day), got, s.want)
		}
	}
}

func TestSetYear(t *testing.T) {
	c := NewCalendar()
	// An imported notice replaces the whole official table of its year.
	c.SetYear(Year{Year: 2026, Off: []string{"2026-03-02"}, Work: []string{"2026-03-07"}})
	tests := []struct {
		day  time.Time
		want bool
	}{
		{Date(2026, time.October, 5), true},
		{Date(2026, time.March, 2), false},
		{Date(2026, time.March, 7), true},
		{Date(2025, time.October, 8), false}, // other years untouched
	}
	for _, tt := range tests {
		if got := c.IsWorkday(tt.day); got != tt.want {
			t.Errorf("IsWorkday(%s) = %v, want %v", Format(tt.day), got, tt.want)
		}
	}
	c.SetYear(Year{Year: 2026})
	if !c.IsWorkday(Date(2026, time.March, 2)) {
		t.Error("empty Year did not remove the table")
	}
	// A notice may name a day of the previous year.
	c.SetYear(Year{Year: 2029, Off: []string{"2028-12-29"}})
	if c.IsWorkday(Date(2028, time.December, 29)) {
		t.Error("spill-over day from the 2029 notice ignored")
	}
	if got := c.Year(2028); !slices.Equal(got.Off, []string{"2028-12-29"}) {
		t.Errorf("Year(2028).Off = %v", got.Off)
	}
}

func TestCalendarYear(t *testing.T) {
	c := NewCalendar()
	official, _ := Official(2026)
	if got := c.Year(2026); !slices.Equal(got.Off, official.Off) || !slices.Equal(got.Work, official.Work) {
		t.Fatalf("Year(2026) = %v, want %v", got, official)
	}
	c.SetDay(Date(2026, time.March, 3), false)    // weekday off → Off
	c.SetDay(Date(2026, time.March, 7), true)     // Saturday at work → Work
	c.SetDay(Date(2026, time.October, 10), false) // make-up Saturday back to ordinary → dropped
	c.SetDay(Date(2026, time.October, 5), true)   // holiday Monday back to work → dropped
	c.SetDay(Date(2026, time.October, 3), false)  // holiday Saturday stays a holiday
	c.SetDay(Date(2026, time.March, 4), true)     // ordinary edit → nothing
	c.SetDay(Date(2027, time.March, 3), false)    // other year → nothing
	got := c.Year(2026)
	wantOff := slices.Clone(official.Off)
	wantOff = slices.DeleteFunc(wantOff, func(s string) bool { return s == "2026-10-05" })
	wantOff = append(wantOff, "2026-03-03")
	slices.Sort(wantOff)
	wantWork := []string{"2026-01-04", "2026-02-14", "2026-02-28", "2026-03-07", "2026-05-09", "2026-09-20"}
	if !slices.Equal(got.Off, wantOff) {
		t.Errorf("Off = %v\nwant %v", got.Off, wantOff)
	}
	if !slices.Equal(got.Work, wantWork) {
		t.Errorf("Work = %v\nwant %v", got.Work, wantWork)
	}
	if got := c.Year(2030); got.Year != 2030 || got.Off == nil || len(got.Off)+len(got.Work) != 0 {
		t.Errorf("Year(2030) = %#v, want empty non-nil lists", got)
	}
}
