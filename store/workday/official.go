package workday

import (
	"maps"
	"slices"
)

// span is an inclusive range of days in one notice.
type span struct{ from, to string }

type notice struct {
	off  []span
	work []string
}

// official holds the State Council's yearly schedules (国务院办公厅关于
// YYYY年部分节假日安排的通知). 2025 and 2026 are transcribed from the notices;
// 2027 is taken from the holiday table of github.com/6tail/lunar-go v1.4.7.
// The tests cross-check all three years against lunar-go.
var official = map[int]notice{
	2025: {
		off: []span{
			{"2025-01-01", "2025-01-01"}, // 元旦
			{"2025-01-28", "2025-02-04"}, // 春节
			{"2025-04-04", "2025-04-06"}, // 清明节
			{"2025-05-01", "2025-05-05"}, // 劳动节
			{"2025-05-31", "2025-06-02"}, // 端午节
			{"2025-10-01", "2025-10-08"}, // 国庆节、中秋节
		},
		work: []string{"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"},
	},
	2026: {
		off: []span{
			{"2026-01-01", "2026-01-03"}, // 元旦
			{"2026-02-15", "2026-02-23"}, // 春节
			{"2026-04-04", "2026-04-06"}, // 清明节
			{"2026-05-01", "2026-05-05"}, // 劳动节
			{"2026-06-19", "2026-06-21"}, // 端午节
			{"2026-09-25", "2026-09-27"}, // 中秋节
			{"2026-10-01", "2026-10-07"}, // 国庆节
		},
		work: []string{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"},
	},
	2027: {
		off: []span{
			{"2027-01-01", "2027-01-03"}, // 元旦
			{"2027-02-05", "2027-02-13"}, // 春节
			{"2027-04-03", "2027-04-05"}, // 清明节
			{"2027-05-01", "2027-05-05"}, // 劳动节
			{"2027-06-09", "2027-06-09"}, // 端午节
			{"2027-09-15", "2027-09-15"}, // 中秋节
			{"2027-10-01", "2027-10-07"}, // 国庆节
		},
		work: []string{"2027-01-31", "2027-02-14", "2027-05-08", "2027-09-26", "2027-10-09"},
	},
}

// Official returns the embedded official table of year, if there is one.
func Official(year int) (Year, bool) {
	n, ok := official[year]
	if !ok {
		return Year{}, false
	}
	days := make(map[string]bool)
	for _, sp := range n.off {
		from, err1 := ParseDate(sp.from)
		to, err2 := ParseDate(sp.to)
		if err1 != nil || err2 != nil {
			panic("workday: bad official table " + sp.from + ".." + sp.to)
		}
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			days[Format(d)] = false
		}
	}
	for _, s := range n.work {
		days[s] = true
	}
	y := Year{Year: year, Off: []string{}, Work: []string{}}
	for _, s := range slices.Sorted(maps.Keys(days)) {
		if days[s] {
			y.Work = append(y.Work, s)
		} else {
			y.Off = append(y.Off, s)
		}
	}
	return y, true
}

// OfficialFromNotice reports whether the embedded table of year was
// transcribed from the State Council notice (2025, 2026) rather than taken
// from lunar-go (2027): only the former counts as verified until a notice
// is imported.
func OfficialFromNotice(year int) bool { return year == 2025 || year == 2026 }

// OfficialYears lists the years with an embedded table, ascending.
func OfficialYears() []int {
	return slices.Sorted(maps.Keys(official))
}
