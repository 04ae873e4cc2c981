package workday

import (
	"slices"
	"testing"
	"time"
)

func TestVerifiedYears(t *testing.T) {
	c := NewCalendar()
	tests := []struct {
		year            int
		table, verified bool
		warning, banner string
	}{
		{2025, true, true, "", ""},
		{2026, true, true, "", ""},
		{2027, true, false, "2027年节假日安排取自万年历(lunar-go),尚未以国务院通知核实,期限未核实", "2027年节假日安排尚未以国务院通知核实"},
		{2028, false, false, "2028年节假日安排尚未导入,该年按普通周末计算,期限未核实", "2028年节假日安排尚未导入"},
	}
	for _, tt := range tests {
		if c.HasTable(tt.year) != tt.table || c.Verified(tt.year) != tt.verified || c.YearWarning(tt.year) != tt.warning {
			t.Errorf("%d: table %v verified %v warning %q", tt.year, c.HasTable(tt.year), c.Verified(tt.year), c.YearWarning(tt.year))
		}
	}
	// A due date counted across a year without a verified table.
	if !c.SpanVerified(Date(2026, 12, 1), Date(2026, 12, 8)) || c.SpanVerified(Date(2026, 12, 28), Date(2027, 1, 5)) {
		t.Error("SpanVerified")
	}
	if w := c.SpanWarnings(Date(2027, 12, 28), Date(2028, 1, 4)); len(w) != 2 {
		t.Errorf("warnings %q", w)
	}
	// The banner names next year's table from 1 November on.
	banners := []struct {
		today time.Time
		want  []string
	}{
		{Date(2026, 10, 31), nil},
		{Date(2026, 11, 1), []string{"2027年节假日安排尚未以国务院通知核实"}},
		{Date(2027, 3, 1), []string{"2027年节假日安排尚未以国务院通知核实"}},
		{Date(2027, 11, 1), []string{"2027年节假日安排尚未以国务院通知核实", "2028年节假日安排尚未导入"}},
	}
	for _, b := range banners {
		if got := c.Banner(b.today); !slices.Equal(got, b.want) {
			t.Errorf("Banner(%s) = %q, want %q", Format(b.today), got, b.want)
		}
	}
	// Importing the notice verifies the year.
	y, _ := Official(2027)
	c.SetYear(y)
	if !c.Verified(2027) || len(c.Banner(Date(2027, 3, 1))) != 0 {
		t.Error("imported 2027 still unverified")
	}
	c.SetYear(Year{Year: 2027})
	if c.Verified(2027) || c.HasTable(2027) {
		t.Error("emptied 2027 still has a table")
	}
}

func TestAfterHoursReceipt(t *testing.T) {
	c := NewCalendar()
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, China())
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct{ at, want string }{
		{"2026-10-09 17:30", "2026-10-09"}, // Friday, at closing time
		{"2026-10-09 17:31", "2026-10-10"}, // after closing: Sat Oct 10 is a make-up working day
		{"2026-10-10 20:00", "2026-10-12"}, // make-up day evening → Monday
		{"2026-10-03 10:00", "2026-10-08"}, // National Day holiday → first working day
		{"2026-10-11 09:00", "2026-10-12"}, // Sunday
		{"2026-10-12 08:00", "2026-10-12"}, // before opening still counts that day
	}
	for _, tt := range tests {
		if got := Format(c.AfterHoursReceipt(at(tt.at))); got != tt.want {
			t.Errorf("AfterHoursReceipt(%s) = %s, want %s", tt.at, got, tt.want)
		}
	}
}
