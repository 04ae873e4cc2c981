package report

import (
	"testing"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func TestSerial(t *testing.T) {
	tests := []struct {
		t    time.Time
		want float64
	}{
		{workday.Date(2026, 10, 8), 46303},
		{workday.Date(1900, 3, 1), 61},
		{time.Date(2026, 10, 8, 9, 0, 0, 0, workday.China()), 46303.375},
		// The same instant in UTC is still 09:00 on the desk's clock.
		{time.Date(2026, 10, 8, 1, 0, 0, 0, time.UTC), 46303.375},
		{time.Date(2026, 10, 8, 10, 0, 0, 0, workday.China()), 46303.4166666667},
	}
	for _, tt := range tests {
		got := serialDate(tt.t)
		if tt.t.Location() != time.UTC || tt.t.Hour() != 0 {
			got = serialTime(tt.t)
		}
		if got != tt.want {
			t.Errorf("serial(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}
}

func TestBucketLabel(t *testing.T) {
	d := workday.Date
	tests := []struct {
		b       Bucket
		monthly bool
		want    string
	}{
		{Bucket{From: d(2026, 10, 12), To: d(2026, 10, 18)}, false, "10月12日–18日"},
		{Bucket{From: d(2026, 9, 28), To: d(2026, 10, 4)}, false, "9月28日–10月4日"},
		{Bucket{From: d(2026, 10, 1), To: d(2026, 10, 31)}, true, "2026年10月"},
		{Bucket{From: d(2026, 11, 1), To: d(2026, 11, 1)}, false, "11月1日"},
	}
	for _, tt := range tests {
		if got := bucketLabel(tt.b, tt.monthly); got != tt.want {
			t.Errorf("bucketLabel(%v) = %q, want %q", tt.b, got, tt.want)
		}
	}
}

// The history helpers on a case returned twice.
func TestHistory(t *testing.T) {
	cal := workday.NewCalendar()
	ev := func(s string, from, to rules.Status) statusEvent {
		return statusEvent{At: at(s), From: from, To: to}
	}
	events := []statusEvent{
		ev("2026-10-12 10:00", rules.StatusReceived, rules.StatusReturned), // Mon
		ev("2026-10-14 15:00", rules.StatusReturned, rules.StatusReceived), // Wed: waited 2
		ev("2026-10-15 09:00", rules.StatusReceived, rules.StatusReturned), // Thu
		ev("2026-10-20 09:00", rules.StatusReturned, rules.StatusReceived), // Tue: waited 3
		ev("2026-10-21 09:00", rules.StatusReceived, rules.StatusAccepted),
	}
	if got := waitingDays(events, cal); got != 5 {
		t.Errorf("waiting %d, want 5", got)
	}
	tests := []struct {
		end    string
		status rules.Status
		clock  string
	}{
		{"2026-10-12 09:00", rules.StatusReceived, "2026-10-09"},
		{"2026-10-13 00:00", rules.StatusReturned, "2026-10-09"},
		{"2026-10-17 00:00", rules.StatusReturned, "2026-10-14"},
		{"2026-10-22 00:00", rules.StatusAccepted, "2026-10-20"},
	}
	recv := workday.Date(2026, 10, 9)
	for _, tt := range tests {
		end := at(tt.end)
		if got := statusAt(events, end); got != tt.status {
			t.Errorf("status at %s = %s, want %s", tt.end, got, tt.status)
		}
		if got := workday.Format(clockAt(events, end, recv)); got != tt.clock {
			t.Errorf("clock at %s = %s, want %s", tt.end, got, tt.clock)
		}
	}
	// Today the clock stands at Oct 20 (due Oct 27); on Oct 16 it stood at
	// Oct 14, so the due date then was Oct 21.
	c := &caseRec{Row: &Row{ReceivedDay: recv}, clockDay: workday.Date(2026, 10, 20),
		due: workday.Date(2026, 10, 27), events: events}
	if got := workday.Format(dueAt(c, at("2026-10-17 00:00"), cal)); got != "2026-10-21" {
		t.Errorf("due then %s, want 2026-10-21", got)
	}
	if got := workday.Format(dueAt(c, at("2026-10-22 00:00"), cal)); got != "2026-10-27" {
		t.Errorf("due now %s", got)
	}
}
