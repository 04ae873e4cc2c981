package desk

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/workday"
	"beiandesk/ui/theme"
)

// dashboardView is 工作台: today's figures, the overdue and due-soon cases
// and a 12-month chart.
type dashboardView struct {
	d    *Desk
	book dashboardBook
	obj  fyne.CanvasObject

	today   *widget.Label
	stats   map[string]*statCard
	overdue *caseList
	soon    *caseList
	chart   *barChart
	errMsg  *widget.Label
	banner  *widget.Label // holiday tables missing or unverified

	data *store.Dashboard
	gen  int

	body  *fyne.Container
	guide *guide
}

func newDashboardView(d *Desk, book dashboardBook) *dashboardView {
	v := &dashboardView{d: d, book: book, stats: map[string]*statCard{}}
	v.today = heading("")
	v.errMsg = widget.NewLabel("")
	v.errMsg.Importance = widget.DangerImportance
	v.errMsg.Hide()
	v.banner = widget.NewLabel("")
	v.banner.Importance = widget.WarningImportance
	v.banner.Hide()
	refresh := widget.NewButtonWithIcon(txtRefresh, fynetheme.ViewRefreshIcon(), v.reload)

	names := []string{txtStatNewMails, txtStatDueToday, txtStatOverdue, txtStatDueSoon, txtStatMonthRecv, txtStatMonthDone, txtStatOnTime}
	cards := make([]fyne.CanvasObject, len(names))
	for i, n := range names {
		c := newStatCard(n)
		v.stats[n] = c
		cards[i] = c.obj
	}
	v.stats[txtStatNewMails].onTap = func() {
		d.inbox.filter.SetSelectedIndex(0) // 未处理
		d.SelectTab(TabInbox)
	}

	v.overdue = newCaseList(d, txtNoOverdue)
	v.soon = newCaseList(d, txtNoDueSoon)
	v.chart = newBarChart()

	lists := container.NewGridWithColumns(2,
		container.NewBorder(heading(txtOverdueList), nil, nil, nil, v.overdue.obj),
		container.NewBorder(heading(txtDueSoonList), nil, nil, nil, v.soon.obj),
	)
	chartBox := container.NewBorder(heading(txtChartTitle), nil, nil, nil, v.chart)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, refresh, v.today),
		v.errMsg,
		v.banner,
		container.NewGridWithColumns(len(cards), cards...),
	)
	v.body = container.New(&splitRows{top: 0.58}, lists, chartBox)
	v.guide = newGuide(d)
	v.guide.obj.Hide()
	v.obj = container.NewBorder(top, nil, nil, nil, container.NewStack(v.body, v.guide.obj))
	return v
}

// reload queries the figures in the background.
func (v *dashboardView) reload() {
	v.gen++
	gen := v.gen
	today := v.d.now()
	v.d.bg(func() func() {
		data, err := v.book.Dashboard(v.d.ctx, today)
		var st guideState
		if err == nil {
			st, err = loadGuideState(v.d.ctx, v.book, today)
		}
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.errMsg.SetText(fmt.Sprintf(txtDashboardFailed, err))
				v.errMsg.Show()
				return
			}
			v.errMsg.Hide()
			v.show(data, today)
			v.showGuide(st)
			if v.d.OnDashboard != nil {
				v.d.OnDashboard(data)
			}
		}
	})
}

func (v *dashboardView) show(data *store.Dashboard, today time.Time) {
	v.data = data
	defer v.d.traceOnce("dashboard data shown")
	day := workday.DayOf(today)
	v.today.SetText(fmt.Sprintf(txtToday, day.Format(txtLongDate), txtWeekdays[day.Weekday()]))
	v.banner.SetText(strings.Join(data.Banners, "；"))
	v.banner.Hidden = len(data.Banners) == 0
	v.banner.Refresh()
	v.stats[txtStatNewMails].set(fmt.Sprint(data.NewMails), theme.UrgencyOK, data.NewMails > 0)
	v.stats[txtStatDueToday].set(fmt.Sprint(len(data.DueToday)), levelIf(len(data.DueToday) > 0, theme.UrgencyDueToday), false)
	v.stats[txtStatOverdue].set(fmt.Sprint(len(data.Overdue)), levelIf(len(data.Overdue) > 0, theme.UrgencyOverdue), false)
	v.stats[txtStatDueSoon].set(fmt.Sprint(len(data.DueSoon)), levelIf(len(data.DueSoon) > 0, theme.UrgencyDueSoon), false)
	v.stats[txtStatMonthRecv].set(fmt.Sprint(data.MonthReceived), theme.UrgencyOK, false)
	v.stats[txtStatMonthDone].set(fmt.Sprint(data.MonthDone), theme.UrgencyOK, false)
	rate := txtDash
	if r, ok := data.OnTimeRate(); ok {
		rate = fmt.Sprintf(txtRatePct, r*100)
	}
	v.stats[txtStatOnTime].set(rate, theme.UrgencyOK, false)

	cal, _ := v.book.Calendar(v.d.ctx)
	v.overdue.set(data.Overdue, cal, today)
	soon := append(append([]*store.Case{}, data.DueToday...), data.DueSoon...)
	v.soon.set(soon, cal, today)

	bars := make([]barGroup, len(data.Months))
	for i, m := range data.Months {
		t, _ := time.Parse("2006-01", m.Month)
		label := t.Format(txtShortMon)
		if t.Month() == time.January || i == 0 {
			label = t.Format(txtMonthFmt)
		}
		bars[i] = barGroup{label: label, values: []int{m.Received, m.Done}}
	}
	v.chart.set([]string{txtChartReceived, txtChartDone}, bars)
}

func levelIf(cond bool, level int) int {
	if cond {
		return level
	}
	return theme.UrgencyOK
}

// statCard is one big figure with its name.
type statCard struct {
	obj   fyne.CanvasObject
	value *canvas.Text
	name  *widget.Label
	level int
	onTap func()
}

func newStatCard(name string) *statCard {
	c := &statCard{}
	c.value = canvas.NewText(txtDash, fynetheme.Color(fynetheme.ColorNameForeground))
	c.value.TextSize = 30
	c.value.TextStyle.Bold = true
	c.value.Alignment = fyne.TextAlignCenter
	c.name = widget.NewLabel(name)
	c.name.Alignment = fyne.TextAlignCenter
	// Wrapped, not cut: at 1024 px "两个工作日内到期" read "两个工作日内…".
	c.name.Wrapping = fyne.TextWrapWord
	c.obj = &tappableBox{content: boxed(container.NewVBox(c.value, c.name)), tap: func() {
		if c.onTap != nil {
			c.onTap()
		}
	}}
	c.obj.(*tappableBox).ExtendBaseWidget(c.obj.(*tappableBox))
	return c
}

func (c *statCard) set(value string, level int, bold bool) {
	c.level = level
	c.value.Text = value
	c.value.Color = urgencyColor(level)
	c.value.Refresh()
	c.name.TextStyle.Bold = bold
	c.name.Refresh()
}

func urgencyColor(level int) color.Color {
	return theme.Urgency(level, fyne.CurrentApp().Settings().ThemeVariant())
}

// tappableBox makes any content tappable.
type tappableBox struct {
	widget.BaseWidget
	content fyne.CanvasObject
	tap     func()
}

func (t *tappableBox) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.content)
}

func (t *tappableBox) Tapped(*fyne.PointEvent) {
	if t.tap != nil {
		t.tap()
	}
}

// caseList lists cases as number | sponsor | due, each opening the case.
type caseList struct {
	d     *Desk
	obj   fyne.CanvasObject
	list  *widget.List
	empty *widget.Label
	cases []*store.Case
	due   []string
	level []int
}

func newCaseList(d *Desk, emptyText string) *caseList {
	l := &caseList{d: d}
	l.empty = widget.NewLabel(emptyText)
	l.empty.Importance = widget.LowImportance
	l.list = widget.NewList(
		func() int { return len(l.cases) },
		func() fyne.CanvasObject {
			num := widget.NewLabel("ZX-2026-0000")
			num.SizeName = fynetheme.SizeNameSubHeadingText
			sponsor := widget.NewLabel("")
			sponsor.SizeName = fynetheme.SizeNameSubHeadingText
			sponsor.Truncation = fyne.TextTruncateEllipsis
			due := canvas.NewText("", color.Black)
			due.TextSize = 16
			due.Alignment = fyne.TextAlignTrailing
			return container.NewBorder(nil, nil, fixedWidth(130, num), container.NewCenter(due), sponsor)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(l.cases) {
				return
			}
			c := l.cases[id]
			box := o.(*fyne.Container)
			sponsor := box.Objects[0].(*widget.Label)
			num := box.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
			due := box.Objects[2].(*fyne.Container).Objects[0].(*canvas.Text)
			num.SetText(c.Number)
			sponsor.SetText(orDash(c.Sponsor))
			due.Text = l.due[id]
			due.Color = urgencyColor(l.level[id])
			due.Refresh()
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		l.list.UnselectAll()
		if id < len(l.cases) {
			d.OpenCase(l.cases[id].ID)
		}
	}
	l.obj = container.NewStack(l.list, container.NewVBox(l.empty))
	return l
}

func (l *caseList) set(cases []*store.Case, cal *workday.Calendar, today time.Time) {
	l.cases = cases
	l.due = make([]string, len(cases))
	l.level = make([]int, len(cases))
	for i, c := range cases {
		l.level[i], l.due[i] = dueText(cal, today, c)
	}
	l.empty.Hidden = len(cases) > 0
	l.empty.Refresh()
	l.list.Refresh()
}

// dueText is the due column of a case: its date and how pressing it is.
func dueText(cal *workday.Calendar, today time.Time, c *store.Case) (int, string) {
	if c.Due == "" {
		return theme.UrgencyOK, txtDash
	}
	level := theme.UrgencyOK
	if cal != nil {
		level = urgencyLevel(store.DueLevel(cal, today, c.Status, c.Due))
	}
	switch level {
	case theme.UrgencyOverdue:
		due, _ := workday.ParseDate(c.Due)
		n := -cal.WorkdaysBetween(workday.DayOf(today), due)
		return level, c.Due + "  " + fmt.Sprintf(txtOverdueDays, n)
	case theme.UrgencyDueToday:
		return level, c.Due + "  " + txtDueTodayShort
	case theme.UrgencyDueSoon:
		due, _ := workday.ParseDate(c.Due)
		return level, c.Due + "  " + fmt.Sprintf(txtDueInDays, cal.WorkdaysBetween(workday.DayOf(today), due))
	}
	return level, c.Due
}

// dueLabel is dueText with 未核实 added when the due date was counted on a
// holiday table that is missing or not from the State Council's notice.
func dueLabel(cal *workday.Calendar, today time.Time, c *store.Case) (int, string) {
	level, text := dueText(cal, today, c)
	if cal != nil {
		if v, ok := c.DueVerified(cal); ok && !v {
			text += "  " + txtDueUnverified
		}
	}
	return level, text
}

// urgencyLevel maps the store's deadline levels to the theme's.
func urgencyLevel(storeLevel int) int {
	switch storeLevel {
	case store.DueOverdue:
		return theme.UrgencyOverdue
	case store.DueToday:
		return theme.UrgencyDueToday
	case store.DueSoon:
		return theme.UrgencyDueSoon
	}
	return theme.UrgencyOK
}

func orDash(s string) string {
	if s == "" {
		return txtDash
	}
	return s
}

// splitRows gives the first object a share of the height and the second
// the rest.
type splitRows struct{ top float32 }

func (s *splitRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
	}
	return fyne.NewSize(w, h+fynetheme.Padding())
}

func (s *splitRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := fynetheme.Padding()
	h1 := (size.Height - pad) * s.top
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, h1))
	objs[1].Move(fyne.NewPos(0, h1+pad))
	objs[1].Resize(fyne.NewSize(size.Width, size.Height-h1-pad))
}

var _ fyne.Layout = (*splitRows)(nil)

// showGuide puts the 开始使用 guide in place of the lists and the chart
// while the book is empty.
func (v *dashboardView) showGuide(st guideState) {
	if st.empty {
		v.guide.set(st)
		v.body.Hide()
		v.guide.obj.Show()
		return
	}
	v.guide.obj.Hide()
	v.body.Show()
}
