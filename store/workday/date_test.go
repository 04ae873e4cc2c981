package workday

import (
	"testing"
	"time"
)

func TestCivil(t *testing.T) {
	cst := China()
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"civil date", Date(2026, time.September, 30), "2026-09-30"},
		{"midnight in China", time.Date(2026, 9, 30, 0, 0, 0, 0, cst), "2026-09-30"},
		{"evening in China", time.Date(2026, 9, 30, 23, 59, 0, 0, cst), "2026-09-30"},
		{"UTC afternoon is next day in China", time.Date(2026, 9, 30, 16, 30, 0, 0, time.UTC), "2026-10-01"},
		{"UTC morning", time.Date(2026, 9, 30, 8, 0, 0, 0, time.UTC), "2026-09-30"},
		{"normalised overflow", Date(2026, time.February, 30), "2026-03-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format(tt.in); got != tt.want {
				t.Errorf("Format(%v) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestDayOf(t *testing.T) {
	in := time.Date(2026, 12, 31, 17, 0, 0, 0, time.UTC) // 01:00 on 1 January in China
	got := DayOf(in)
	if want := Date(2027, time.January, 1); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("DayOf(%v) = %v, want %v", in, got, want)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"2026-10-13", Date(2026, time.October, 13), false},
		{"2026-02-30", time.Time{}, true},
		{"2026/10/13", time.Time{}, true},
		{"", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
