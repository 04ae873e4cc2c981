package workday

import (
	"testing"
	"time"
)

func TestAddWorkdays(t *testing.T) {
	c := NewCalendar()
	tests := []struct {
		name string
		from time.Time
		n    int
		want string
	}{
		{"worked example", Date(2026, time.September, 30), 5, "2026-10-13"},
		{"Friday before make-up Saturday", Date(2026, time.February, 13), 1, "2026-02-14"},
		{"Friday before make-up Saturday, 5 days", Date(2026, time.February, 13), 5, "2026-02-27"},
		{"Friday before 2025 make-up Saturday", Date(2025, time.October, 10), 1, "2025-10-11"},
		{"inside a holiday (weekend)", Date(2026, time.October, 3), 5, "2026-10-13"},
		{"inside Spring Festival", Date(2025, time.January, 30), 5, "2025-02-10"},
		{"on a make-up Saturday", Date(2026, time.February, 28), 5, "2026-03-06"},
		{"on a make-up Sunday", Date(2025, time.January, 26), 5, "2025-02-08"},
		{"2025-12-31 into 2026", Date(2025, time.December, 31), 5, "2026-01-08"},
		{"2026-12-31 into 2027", Date(2026, time.December, 31), 5, "2027-01-08"},
		{"year without table", Date(2028, time.January, 7), 1, "2028-01-10"},
		{"zero", Date(2026, time.October, 3), 0, "2026-10-03"},
		{"negative", Date(2026, time.October, 3), -2, "2026-10-03"},
		{"receipt time in China", time.Date(2026, 10, 9, 23, 30, 0, 0, China()), 1, "2026-10-10"},
		{"UTC instant on the next China day", time.Date(2026, 10, 9, 16, 30, 0, 0, time.UTC), 1, "2026-10-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.AddWorkdays(tt.from, tt.n)
			if Format(got) != tt.want {
				t.Errorf("AddWorkdays(%v, %d) = %s, want %s", tt.from, tt.n, Format(got), tt.want)
			}
			if h, m, s := got.Clock(); got.Location() != time.UTC || h+m+s != 0 {
				t.Errorf("result %v is not a civil date", got)
			}
		})
	}
}

func TestWorkdaysBetween(t *testing.T) {
	c := NewCalendar()
	tests := []struct {
		name string
		a, b time.Time
		want int
	}{
		{"worked example", Date(2026, time.September, 30), Date(2026, time.October, 13), 5},
		{"reversed", Date(2026, time.October, 13), Date(2026, time.September, 30), -5},
		{"equal", Date(2026, time.October, 13), Date(2026, time.October, 13), 0},
		{"inside holiday", Date(2026, time.October, 1), Date(2026, time.October, 7), 0},
		{"start day not counted", Date(2026, time.October, 8), Date(2026, time.October, 9), 1},
		{"make-up Saturday counts", Date(2026, time.February, 13), Date(2026, time.February, 14), 1},
		{"across the year", Date(2025, time.December, 31), Date(2026, time.January, 8), 5},
		{"one day late", Date(2026, time.October, 13), Date(2026, time.October, 14), 1},
		{"weekend only", Date(2026, time.March, 6), Date(2026, time.March, 8), 0},
	}
	for _, tt := range tests {
		if got := c.WorkdaysBetween(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: WorkdaysBetween(%s, %s) = %d, want %d", tt.name, Format(tt.a), Format(tt.b), got, tt.want)
		}
	}
}

// AddWorkdays and WorkdaysBetween must agree.
func TestAddWorkdaysRoundTrip(t *testing.T) {
	c := NewCalendar()
	for d := Date(2024, time.December, 1); d.Before(Date(2028, time.February, 1)); d = d.AddDate(0, 0, 1) {
		for _, n := range []int{1, 5, 20} {
			due := c.AddWorkdays(d, n)
			if got := c.WorkdaysBetween(d, due); got != n {
				t.Fatalf("WorkdaysBetween(%s, AddWorkdays(%d) = %s) = %d", Format(d), n, Format(due), got)
			}
			if !c.IsWorkday(due) {
				t.Fatalf("AddWorkdays(%s, %d) = %s is not a working day", Format(d), n, Format(due))
			}
		}
	}
}

func BenchmarkAddWorkdays(b *testing.B) {
	c := NewCalendar()
	d := Date(2026, time.September, 30)
	for b.Loop() {
		c.AddWorkdays(d, 5)
	}
}
