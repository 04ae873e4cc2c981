package desk

import (
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	fynetheme "fyne.io/fyne/v2/theme"

	"beiandesk/store/workday"
)

// Every month is a 7-column grid under the weekday header at any width:
// 1 January 2026 is a Thursday and sits under 四.
func TestCalendarMonthGridHasSevenColumns(t *testing.T) {
	d, w, db := newScreenDesk(t)
	v := newCalendarView(d, db)
	v.year.SetSelected("2026")
	d.wait()
	for _, width := range []float32{1024, 1280, 1366, 1920} {
		show(w, v.obj, width, 700)
		for m := time.January; m <= time.December; m++ {
			cells := v.months[m-1]
			if cells == nil {
				t.Fatalf("month %d not drawn", m)
			}
			first := workday.Date(2026, m, 1)
			col := (int(first.Weekday()) + 6) % 7
			header := cells.Objects[col].(*canvas.Text)
			day1 := cells.Objects[7+col].(*dayCell)
			if day1.day != 1 {
				t.Fatalf("month %d: cell after the blanks is day %d", m, day1.day)
			}
			if want := txtWeekdays[first.Weekday()]; "周"+header.Text != want {
				t.Errorf("width %v, %d月: header over the 1st is %q, want %s", width, m, header.Text, want)
			}
			if !sameColumn(header, day1) {
				t.Errorf("width %v, %d月: the 1st at x=%v, its weekday header at x=%v", width, m, day1.Position().X, header.Position().X)
			}
			// A week later: same column, one row down.
			day8 := cells.Objects[7+col+7].(*dayCell)
			if day8.day != 8 || !sameColumn(day1, day8) || day8.Position().Y <= day1.Position().Y {
				t.Errorf("width %v, %d月: day 8 at %v, day 1 at %v", width, m, day8.Position(), day1.Position())
			}
			if day1.Size().Width < dayCellW {
				t.Errorf("width %v: day cells %v wide, narrower than %d", width, day1.Size().Width, dayCellW)
			}
		}
		// The 日 column of the last month of a row stays clear of the
		// scroll bar drawn over the scroll's right edge.
		drv := fyne.CurrentApp().Driver()
		sun := v.months[3].Objects[6]
		right := drv.AbsolutePositionForObject(sun).X + sun.Size().Width
		edge := drv.AbsolutePositionForObject(v.scroll).X + v.scroll.Size().Width
		if right > edge-fynetheme.ScrollBarSize() {
			t.Errorf("width %v: 4月's 日 column ends at x=%v, under the scroll bar (%v–%v)", width, right, edge-fynetheme.ScrollBarSize(), edge)
		}
	}
	// Four months side by side fit 1024 px beside 设置's side tabs (about
	// 100 px), with no sideways scrolling.
	if w := v.grid.MinSize().Width; w > 900 {
		t.Errorf("the year needs %v px", w)
	}
	jan := v.months[0]
	if h := jan.Objects[3].(*canvas.Text).Text; h != "四" {
		t.Errorf("1 Jan 2026 under %q, want 四", h)
	}
	if strconv.Itoa(jan.Objects[10].(*dayCell).day) != "1" {
		t.Error("1 Jan 2026 not in the fourth column")
	}
}

func sameColumn(a, b fyne.CanvasObject) bool {
	return a.Position().X == b.Position().X && a.Size().Width == b.Size().Width
}
