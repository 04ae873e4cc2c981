package desk

import (
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store/report"
	"beiandesk/store/workday"
)

// reportView is 报表: a month's figures and the Excel export.
type reportView struct {
	d   *Desk
	obj fyne.CanvasObject

	month    *widget.Select
	exportBt *widget.Button
	bar      *widget.ProgressBarInfinite
	status   *widget.Label
	body     *container.Scroll
	// After an export: open the workbook or its folder.
	openFile, openDir *widget.Button
	exported          string

	rep    *report.Report
	gen    int
	loaded string // month shown, "" when it must be computed again
}

func newReportView(d *Desk) *reportView {
	v := &reportView{d: d}
	v.month = newSelect(nil, func(string) { v.compute() })
	v.exportBt = widget.NewButtonWithIcon(txtReportExport, fynetheme.DocumentSaveIcon(), v.export)
	v.exportBt.Importance = widget.HighImportance
	v.bar = widget.NewProgressBarInfinite()
	v.bar.Hide()
	v.bar.Stop()
	v.status = widget.NewLabel("")
	v.status.Truncation = fyne.TextTruncateEllipsis
	v.body = container.NewVScroll(widget.NewLabel(""))
	v.openFile = widget.NewButtonWithIcon(txtOpenFileBt, fynetheme.FileIcon(), func() { d.openPath(v.exported) })
	v.openDir = widget.NewButtonWithIcon(txtOpenFolderBt, fynetheme.FolderOpenIcon(), func() { d.openPath(filepath.Dir(v.exported)) })
	v.openFile.Hide()
	v.openDir.Hide()
	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel(txtReportMonth), fixedWidth(130, v.month), v.exportBt), container.NewHBox(v.openFile, v.openDir),
		container.NewStack(v.status, v.bar))
	v.obj = container.NewBorder(toolbar, nil, nil, nil, v.body)

	var opts []string
	t := workday.DayOf(d.now())
	m := workday.Date(t.Year(), t.Month(), 1)
	for i := 0; i < 24; i++ {
		opts = append(opts, m.AddDate(0, -i, 0).Format("2006-01"))
	}
	v.month.Options = opts
	v.month.Selected = opts[0]
	return v
}

// ensureLoaded computes the report when the screen is shown.
func (v *reportView) ensureLoaded() {
	if v.loaded != v.month.Selected {
		v.compute()
	}
}

// invalidate marks the figures stale after a change.
func (v *reportView) invalidate() { v.loaded = "" }

func (v *reportView) period() (from, to time.Time, ok bool) {
	t, err := time.Parse("2006-01", v.month.Selected)
	if err != nil {
		return from, to, false
	}
	from = workday.Date(t.Year(), t.Month(), 1)
	return from, from.AddDate(0, 1, -1), true
}

func (v *reportView) compute() {
	from, to, ok := v.period()
	if !ok {
		return
	}
	v.gen++
	gen := v.gen
	month := v.month.Selected
	today := v.d.now()
	v.status.SetText(txtWorking)
	v.d.bg(func() func() {
		rep, err := report.Compute(v.d.ctx, v.d.db, from, to, today)
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.status.SetText(fmt.Sprintf(txtReportFailed, v.d.errText(err)))
				return
			}
			v.status.SetText("")
			v.rep = rep
			v.loaded = month
			v.show(rep, from)
		}
	})
}

func (v *reportView) show(r *report.Report, from time.Time) {
	f := r.Figures
	rate := txtDash
	if x, ok := f.OnTimeRate(); ok {
		rate = fmt.Sprintf(txtRatePct, x*100)
	}
	avg := txtDash
	if x, ok := f.AvgWorkdays(); ok {
		avg = fmt.Sprintf(txtRepAvgFmt, x)
	}
	figs := []struct{ name, value string }{
		{txtRepReceived, fmt.Sprint(f.Received)}, {txtRepAccepted, fmt.Sprint(f.Accepted)},
		{txtRepReturned, fmt.Sprint(f.Returned)}, {txtRepNotices, fmt.Sprint(f.Notices)},
		{txtRepDone, fmt.Sprint(f.Done)},
		{txtRepRejected, fmt.Sprint(f.Rejected)}, {txtRepWithdrawn, fmt.Sprint(f.Withdrawn)},
		{txtRepOnTime, fmt.Sprint(f.OnTime)}, {txtRepLate, fmt.Sprint(f.Late)},
		{txtRepRate, rate}, {txtRepOpen, fmt.Sprint(f.Open)},
		{txtRepOpenOverdue, fmt.Sprint(f.OpenOverdue)}, {txtRepAvgDays, avg},
	}
	cards := make([]fyne.CanvasObject, len(figs))
	for i, x := range figs {
		c := newStatCard(x.name)
		c.set(x.value, 0, false)
		cards[i] = c.obj
	}

	// Received by kind × channel, with totals.
	cols := len(r.Channels) + 2
	grid := container.NewGridWithColumns(cols)
	cell := func(s string, bold bool) {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignCenter, fyne.TextStyle{Bold: bold})
		grid.Add(l)
	}
	cell("", true)
	for _, ch := range r.Channels {
		cell(ch.Label(), true)
	}
	cell(txtRepTotal, true)
	colSum := make([]int, len(r.Channels))
	for ki, k := range r.Kinds {
		cell(k.Label(), true)
		sum := 0
		for ci := range r.Channels {
			n := r.Received[ki][ci]
			sum += n
			colSum[ci] += n
			cell(fmt.Sprint(n), false)
		}
		cell(fmt.Sprint(sum), true)
	}
	cell(txtRepTotal, true)
	total := 0
	for _, n := range colSum {
		total += n
		cell(fmt.Sprint(n), true)
	}
	cell(fmt.Sprint(total), true)

	providers := container.NewVBox()
	for i, p := range r.Providers {
		if i == 10 {
			break
		}
		name := p.Name
		if name == "" {
			name = txtRepNoProvider
		}
		l := widget.NewLabel(name)
		l.Truncation = fyne.TextTruncateEllipsis
		providers.Add(container.NewBorder(nil, nil, nil, widget.NewLabel(fmt.Sprint(p.Received)), l))
	}
	overdue := container.NewVBox()
	for i, row := range r.Overdue {
		if i == 15 {
			break
		}
		l := widget.NewLabel(row.Number + "  " + orDash(row.Sponsor))
		l.Truncation = fyne.TextTruncateEllipsis
		late := widget.NewLabel(fmt.Sprintf(txtRepLateDays, row.Late))
		late.Importance = widget.DangerImportance
		id := row.ID
		open := widget.NewButton(txtOpenCase, func() { v.d.OpenCase(id) })
		overdue.Add(container.NewBorder(nil, nil, nil, container.NewHBox(late, open), l))
	}
	if len(r.Overdue) == 0 {
		overdue.Add(caption(txtNoOverdue))
	}
	lists := container.NewGridWithColumns(2,
		container.NewVBox(heading(txtRepProviders), providers),
		container.NewVBox(heading(txtRepOverdueList), overdue))
	v.body.Content = container.NewVBox(
		heading(fmt.Sprintf(txtReportFigures, from.Format(txtMonthFmt))),
		container.NewGridWithColumns(5, cards...),
		heading(txtRepByKind), boxed(grid),
		lists)
	v.body.Refresh()
}

// export writes the workbook off the UI goroutine with a progress bar.
func (v *reportView) export() {
	if v.rep == nil || v.loaded != v.month.Selected {
		v.compute()
		return
	}
	name := fmt.Sprintf(txtReportFile, v.month.Selected)
	v.d.saveFile(name, func(path string, _ bool) { v.exportTo(path) })
}

// exportTo writes the loaded report to path in the background.
func (v *reportView) exportTo(path string) {
	rep := v.rep
	rep.Preparer = v.d.clerk()
	{
		v.openFile.Hide()
		v.openDir.Hide()
		v.exportBt.Disable()
		v.status.Hide()
		v.bar.Show()
		v.bar.Start()
		v.d.bg(func() func() {
			err := report.Write(rep, path)
			return func() {
				v.bar.Stop()
				v.bar.Hide()
				v.status.Show()
				v.exportBt.Enable()
				if err != nil {
					v.status.SetText(v.d.errText(err))
					v.d.showError(err)
					return
				}
				v.status.SetText(fmt.Sprintf(txtReportExported, path))
				v.exported = path
				v.openFile.Show()
				v.openDir.Show()
			}
		})
	}
}
