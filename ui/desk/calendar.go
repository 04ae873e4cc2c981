package desk

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store/workday"
)

// Colours of the calendar's day cells.
var (
	colOff     = color.NRGBA{R: 0xE5, G: 0x48, B: 0x48, A: 0x55} // holiday
	colWeekend = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x30} // ordinary weekend
	colWork    = color.NRGBA{R: 0x2F, G: 0x6F, B: 0xD0, A: 0x55} // make-up working day
)

// A day cell at its least; 26 px keeps four months side by side at 1024 px.
const dayCellW, dayCellH = 26, 24

// calendarView shows a year of the working-day calendar as month grids,
// lets a clerk change a day, and imports a State Council notice.
type calendarView struct {
	d       *Desk
	book    calendarBook
	obj     fyne.CanvasObject
	year    *widget.Select
	summary *widget.Label
	grid    *fyne.Container
	scroll  *container.Scroll
	gen     int

	// months holds each month's 7-column grid: the weekday header, the
	// blanks before the 1st, then the days.
	months [12]*fyne.Container
}

func newCalendarView(d *Desk, book calendarBook) *calendarView {
	v := &calendarView{d: d, book: book}
	this := workday.DayOf(d.now()).Year()
	var years []string
	for y := this - 1; y <= this+2; y++ {
		years = append(years, strconv.Itoa(y))
	}
	v.year = newSelect(years, func(string) { v.reload() })
	v.year.Selected = strconv.Itoa(this)
	v.summary = widget.NewLabel("")
	v.grid = container.NewGridWithColumns(4)
	importBt := widget.NewButtonWithIcon(txtCalImport, fynetheme.UploadIcon(), v.importDialog)
	legend := container.NewHBox(
		legendItem(colOff, txtCalLegendOff), legendItem(colWork, txtCalLegendWork),
		legendItem(color.Transparent, txtCalLegendEdit))
	top := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(txtCalYear), fixedWidth(110, v.year)), importBt, v.summary),
		legend)
	// The scroll bar is drawn over the content's right edge: the 日 column
	// of the last month keeps clear of it.
	v.scroll = container.NewScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, fynetheme.ScrollBarSize()), v.grid))
	v.obj = container.NewBorder(top, nil, nil, nil, v.scroll)
	return v
}

func legendItem(c color.Color, label string) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.StrokeColor = fynetheme.Color(fynetheme.ColorNameForeground)
	if c == color.Transparent {
		r.StrokeWidth = 1.5
	}
	return container.NewHBox(container.NewGridWrap(fyne.NewSize(18, 18), r), widget.NewLabel(label))
}

func (v *calendarView) selectedYear() int {
	y, _ := strconv.Atoi(v.year.Selected)
	return y
}

// reload draws the selected year from the stored calendar.
func (v *calendarView) reload() {
	y := v.selectedYear()
	if y == 0 {
		return
	}
	v.gen++
	gen := v.gen
	v.d.bg(func() func() {
		cal, err := v.book.Calendar(v.d.ctx)
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.d.showError(err)
				return
			}
			v.draw(cal, y)
		}
	})
}

func (v *calendarView) draw(cal *workday.Calendar, y int) {
	special := cal.Year(y)
	off := setOf(special.Off)
	edits := cal.Edits()
	v.summary.SetText(fmt.Sprintf(txtCalSpecial, y, len(special.Off), len(special.Work)))
	v.grid.Objects = nil
	for m := time.January; m <= time.December; m++ {
		// Seven columns whatever the width: a wrapping grid put 1 January
		// 2026 (a Thursday) under 三 at some window sizes.
		cells := container.NewGridWithColumns(7)
		for i := 1; i <= 7; i++ {
			h := canvas.NewText(strings.TrimPrefix(txtWeekdays[i%7], "周"), fynetheme.Color(fynetheme.ColorNamePlaceHolder))
			h.Alignment = fyne.TextAlignCenter
			h.TextSize = fynetheme.CaptionTextSize()
			cells.Add(h)
		}
		first := workday.Date(y, m, 1)
		lead := (int(first.Weekday()) + 6) % 7 // Monday first
		for i := 0; i < lead; i++ {
			cells.Add(canvas.NewRectangle(color.Transparent))
		}
		for d := first; d.Month() == m; d = d.AddDate(0, 0, 1) {
			s := workday.Format(d)
			isWork := cal.IsWorkday(d)
			weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
			bg := color.Color(color.Transparent)
			switch {
			case !isWork && weekend && !off[s]:
				bg = colWeekend
			case !isWork:
				bg = colOff
			case weekend:
				bg = colWork
			}
			_, edited := edits[d]
			day := d
			cells.Add(newDayCell(d.Day(), bg, edited, func() { v.dayDialog(cal, day) }))
		}
		title := widget.NewLabelWithStyle(first.Format(txtShortMon), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		v.grid.Add(container.NewVBox(title, cells))
		v.months[m-1] = cells
	}
	v.grid.Refresh()
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// dayDialog lets the clerk make a day a working day or a day off, or drop
// the edit.
func (v *calendarView) dayDialog(cal *workday.Calendar, day time.Time) {
	state := txtCalIsOff
	if cal.IsWorkday(day) {
		state = txtCalIsWork
	}
	var dlg dialog.Dialog
	act := func(fn func() error) func() {
		return func() {
			dlg.Hide()
			v.d.bg(func() func() {
				err := fn()
				return func() {
					if err != nil {
						v.d.showError(err)
					}
					v.reload()
				}
			})
		}
	}
	ctx := v.d.ctx
	clerk := v.d.clerk()
	setWork := widget.NewButton(txtCalSetWork, act(func() error { return v.book.SetHoliday(ctx, day, true, clerk) }))
	setOff := widget.NewButton(txtCalSetOff, act(func() error { return v.book.SetHoliday(ctx, day, false, clerk) }))
	clear := widget.NewButton(txtCalClear, act(func() error { return v.book.ClearHoliday(ctx, day) }))
	if _, edited := cal.Edits()[workday.Civil(day)]; !edited {
		clear.Disable()
	}
	title := fmt.Sprintf(txtCalDayTitle, workday.Format(day), txtWeekdays[day.Weekday()])
	content := container.NewVBox(widget.NewLabel(state), container.NewHBox(setWork, setOff, clear))
	dlg = dialog.NewCustom(title, txtCancel, content, v.d.win)
	v.d.keyed(dlg, nil, dlg.Hide, nil)
	dlg.Show()
}

// importDialog parses a pasted State Council notice and shows what was
// found before it is saved.
func (v *calendarView) importDialog() {
	text := newMultiLineEntry(v.d, 10)
	text.SetPlaceHolder(txtCalImportHint)
	yearEntry := newEntry(v.d)
	yearEntry.SetPlaceHolder(txtCalImportYear)
	result := widget.NewLabel("")
	result.Wrapping = fyne.TextWrapWord
	var parsed *workday.Year
	var dlg *dialog.CustomDialog
	save := widget.NewButton(txtCalImportSave, nil)
	save.Importance = widget.HighImportance
	save.Disable()
	parse := widget.NewButton(txtCalParse, func() {
		parsed = nil
		save.Disable()
		year := 0
		if s := strings.TrimSpace(yearEntry.Text); s != "" {
			y, err := strconv.Atoi(s)
			if err != nil || y < 1900 || y > 9999 {
				result.Importance = widget.DangerImportance
				result.SetText(txtCalYearErr)
				return
			}
			year = y
		}
		y, err := workday.ParseNotice(text.Text, year)
		if err != nil {
			result.Importance = widget.DangerImportance
			result.SetText(err.Error())
			return
		}
		parsed = &y
		result.Importance = widget.MediumImportance
		result.SetText(fmt.Sprintf(txtCalParsed, y.Year, len(y.Off), len(y.Work)) + "\n" +
			txtCalParsedOff + strings.Join(y.Off, txtListSep) + "\n" +
			txtCalParsedWork + strings.Join(y.Work, txtListSep))
		save.Enable()
	})
	save.OnTapped = func() {
		if parsed == nil {
			return
		}
		y := *parsed
		v.d.bg(func() func() {
			err := v.book.ImportYear(v.d.ctx, y, "ui")
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				dlg.Hide()
				v.year.SetSelected(strconv.Itoa(y.Year))
				v.reload()
				v.d.info(txtCalImportTitle, fmt.Sprintf(txtCalImported, y.Year))
			}
		})
	}
	content := container.NewBorder(
		container.NewBorder(nil, nil, nil, parse, yearEntry), container.NewVBox(result, container.NewHBox(save)),
		nil, nil, text)
	dlg = dialog.NewCustom(txtCalImportTitle, txtCancel, content, v.d.win)
	v.d.keyed(dlg, nil, dlg.Hide, nil)
	dlg.Resize(fyne.NewSize(760, 560))
	dlg.Show()
	v.d.win.Canvas().Focus(text)
}

// dayCell is one tappable day of a month grid.
type dayCell struct {
	widget.BaseWidget
	day    int
	bg     color.Color
	edited bool
	tap    func()
}

func newDayCell(day int, bg color.Color, edited bool, tap func()) *dayCell {
	c := &dayCell{day: day, bg: bg, edited: edited, tap: tap}
	c.ExtendBaseWidget(c)
	return c
}

// MinSize keeps a day readable; the month's grid stretches it to its
// column's width.
func (c *dayCell) MinSize() fyne.Size {
	c.ExtendBaseWidget(c)
	return fyne.NewSize(dayCellW, dayCellH)
}

func (c *dayCell) Tapped(*fyne.PointEvent) {
	if c.tap != nil {
		c.tap()
	}
}

func (c *dayCell) CreateRenderer() fyne.WidgetRenderer {
	r := canvas.NewRectangle(c.bg)
	r.CornerRadius = 3
	if c.edited {
		r.StrokeColor = fynetheme.Color(fynetheme.ColorNameForeground)
		r.StrokeWidth = 1.5
	}
	t := canvas.NewText(strconv.Itoa(c.day), fynetheme.Color(fynetheme.ColorNameForeground))
	t.Alignment = fyne.TextAlignCenter
	t.TextSize = fynetheme.CaptionTextSize() + 1
	return widget.NewSimpleRenderer(container.NewStack(r, container.NewCenter(t)))
}
