package workday

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// TestOfficialMatchesLunar cross-checks the embedded tables against the
// independent holiday table of lunar-go, day by day.
func TestOfficialMatchesLunar(t *testing.T) {
	for _, y := range OfficialYears() {
		t.Run(strconv.Itoa(y), func(t *testing.T) {
			got, ok := Official(y)
			if !ok {
				t.Fatal("no official table")
			}
			want := Year{Year: y}
			l := HolidayUtil.GetHolidaysByYear(y)
			if l.Len() == 0 {
				t.Fatal("lunar-go has no data for this year")
			}
			for e := l.Front(); e != nil; e = e.Next() {
				h := e.Value.(*HolidayUtil.Holiday)
				if h.IsWork() {
					want.Work = append(want.Work, h.GetDay())
				} else {
					want.Off = append(want.Off, h.GetDay())
				}
			}
			slices.Sort(want.Off)
			slices.Sort(want.Work)
			if !slices.Equal(got.Off, want.Off) {
				t.Errorf("Off = %v\nlunar-go %v", got.Off, want.Off)
			}
			if !slices.Equal(got.Work, want.Work) {
				t.Errorf("Work = %v\nlunar-go %v", got.Work, want.Work)
			}
		})
	}
}

func TestOfficial(t *testing.T) {
	if got := OfficialYears(); !slices.Equal(got, []int{2025, 2026, 2027}) {
		t.Errorf("OfficialYears() = %v", got)
	}
	if _, ok := Official(2024); ok {
		t.Error("Official(2024) found a table")
	}
	y, _ := Official(2026)
	if err := y.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	// A weekend day inside a holiday period is listed too.
	if !slices.Contains(y.Off, "2026-10-03") {
		t.Error("2026-10-03 missing from Off")
	}
	// Callers get a copy.
	y.Off[0] = "changed"
	if again, _ := Official(2026); again.Off[0] != "2026-01-01" {
		t.Errorf("Official shares its slices: %v", again.Off[0])
	}
}

func TestYearValidate(t *testing.T) {
	tests := []struct {
		name string
		y    Year
		ok   bool
	}{
		{"ok", Year{Year: 2026, Off: []string{"2026-01-01"}, Work: []string{"2026-01-04"}}, true},
		{"new year spill", Year{Year: 2019, Off: []string{"2018-12-30"}}, true},
		{"bad date", Year{Year: 2026, Off: []string{"2026-02-30"}}, false},
		{"far", Year{Year: 2026, Off: []string{"2030-01-01"}}, false},
		{"both", Year{Year: 2026, Off: []string{"2026-01-01"}, Work: []string{"2026-01-01"}}, false},
	}
	for _, tt := range tests {
		if err := tt.y.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: Validate() = %v", tt.name, err)
		}
	}
}

func TestYearJSON(t *testing.T) {
	b, err := json.Marshal(Year{Year: 2026, Off: []string{"2026-01-01"}, Work: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"year":2026,"off":["2026-01-01"],"work":[]}`; string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
}
