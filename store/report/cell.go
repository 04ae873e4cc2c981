package report

import (
	"math"
	"time"

	"beiandesk/store/workday"
)

// excelEpoch is day 0 of Excel's 1900 date system for every date after
// February 1900 (Excel counts the non-existent 1900-02-29).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serialDate is the Excel serial number of a civil date.
func serialDate(d time.Time) float64 {
	return float64(workday.Civil(d).Sub(excelEpoch) / (24 * time.Hour))
}

// serialTime is the Excel serial number of an instant as the wall clock in
// China shows it (Excel has no time zones). It is rounded to ten decimals
// (under a millisecond), nudging 10:00 from 46304.416666666664 to
// 46304.4166666667: LibreOffice truncates rather than rounds when it
// formats hh:mm, and would show 09:59.
func serialTime(t time.Time) float64 {
	t = t.In(workday.China())
	wall := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	v := float64(wall.Sub(excelEpoch)/time.Second) / 86400
	return math.Round(v*1e10) / 1e10
}

// Cell helpers: a nil value keeps the cell's style (its border) but leaves
// it empty.

func (st *styles) textCell(s string) cellVal {
	if s == "" {
		return cellVal{style: st.text}
	}
	return cellVal{style: st.text, kind: cellText, s: s}
}

func (st *styles) dateCell(d time.Time) cellVal {
	if d.IsZero() {
		return cellVal{style: st.date}
	}
	return cellVal{style: st.date, kind: cellFloat, f: serialDate(d)}
}

func (st *styles) intCell(n int, ok bool) cellVal {
	if !ok {
		return cellVal{style: st.integer}
	}
	return cellVal{style: st.integer, kind: cellInt, n: n}
}
