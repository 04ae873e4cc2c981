package desk

import (
	"fmt"
	"image/color"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
	"beiandesk/ui/theme"
)

// Paging of the case table: rows are fetched a page at a time with
// Limit/Offset and a few pages are kept, so the table never loads the
// whole case book.
const (
	casePageSize  = 200
	casePagesKept = 16
	searchDelay   = 250 * time.Millisecond
)

// Column widths of the case table at their least: the columns that must be
// read whole (number, status, dates, the deadline with its "逾期N个工作日")
// keep these, and 主办者 (sponsorColumn) takes what is left, so a narrow
// window cuts the sponsor's name, not the deadline.
var caseColumnWidths = []float32{130, 90, 80, 96, 160, 110, 236}

const sponsorColumn = 4

// caseColumns sets the table's column widths for its width w.
func caseColumns(w float32) []float32 {
	out := append([]float32{}, caseColumnWidths...)
	var fixed float32
	for i, x := range out {
		if i != sponsorColumn {
			fixed += x
		}
	}
	// Leave room for the vertical scroll bar and for the table's gap (a
	// padding wide) after every column.
	gaps := float32(len(out)) * fynetheme.Padding()
	rest := w - fixed - gaps - fynetheme.ScrollBarSize() - fynetheme.Padding()
	out[sponsorColumn] = max(caseColumnWidths[sponsorColumn], rest)
	return out
}

// caseTable is the case table: Enter (or Space) opens the case under the
// keyboard focus.
type caseTable struct {
	widget.Table
	widths []float32
}

func (t *caseTable) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		k = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	t.Table.TypedKey(k)
}

// Resize gives the columns their widths for the new width.
func (t *caseTable) Resize(s fyne.Size) {
	widths := caseColumns(s.Width)
	if !slices.Equal(widths, t.widths) {
		t.widths = widths
		for i, w := range widths {
			t.SetColumnWidth(i, w)
		}
	}
	t.Table.Resize(s)
}

// casesView is 案件: a virtualised table with filters and search, and the
// detail of one case in its place.
type casesView struct {
	d    *Desk
	book casesBook
	obj  fyne.CanvasObject

	// pageMu guards the page cache (pages, loading, used, gen). The window
	// touches it only on the UI goroutine; Fyne's test driver runs a
	// background job's completion on the job's goroutine, beside the test's.
	pageMu sync.Mutex

	status, kind, channel, month, order *widget.Select
	search                              *entry
	count                               *widget.Label
	table                               *caseTable

	list   fyne.CanvasObject
	stack  *fyne.Container
	detail *caseDetail

	filter  store.Filter
	gen     int
	total   int
	pages   map[int][]*store.Case
	loading map[int]bool
	used    []int // page numbers, least recently used first
	cal     *workday.Calendar
	today   time.Time

	searchTimer *time.Timer
}

func newCasesView(d *Desk, book casesBook) *casesView {
	v := &casesView{d: d, book: book, pages: map[int][]*store.Case{}, loading: map[int]bool{}}
	statusOpts := []string{txtAll, txtFilterOpen}
	for _, s := range rules.Statuses() {
		statusOpts = append(statusOpts, s.Label())
	}
	v.status = newSelect(statusOpts, func(string) { v.applyFilter() })
	v.kind = newSelect(append([]string{txtAll}, kindLabels()...), func(string) { v.applyFilter() })
	v.channel = newSelect(append([]string{txtAll}, channelLabels()...), func(string) { v.applyFilter() })
	v.month = newSelect(nil, func(string) { v.applyFilter() })
	v.order = newSelect([]string{txtOrderNewest, txtOrderDue}, func(string) { v.applyFilter() })
	v.search = newEntry(d)
	v.search.SetPlaceHolder(txtSearch)
	v.search.OnChanged = func(string) { v.searchSoon() }
	// Enter in the search box goes to the table, where Enter opens the
	// case under the focus: a case is found with the keyboard alone.
	v.search.OnSubmitted = func(string) {
		v.applyFilter()
		if c := d.win.Canvas(); c != nil {
			c.Focus(v.table)
		}
	}
	v.count = widget.NewLabel("")

	v.table = &caseTable{Table: widget.Table{Length: v.length, CreateCell: newCaseCell, UpdateCell: v.updateCell}}
	v.table.ExtendBaseWidget(v.table)
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(txtCaseColumns) {
			o.(*widget.Label).SetText(txtCaseColumns[id.Col])
		}
	}
	for i, w := range caseColumns(1280) {
		v.table.SetColumnWidth(i, w)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if c := v.rowCase(id.Row); c != nil {
			v.showCase(c.ID)
		}
	}

	labeled := func(label string, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewHBox(widget.NewLabel(label), o)
	}
	filters := container.NewHBox(
		labeled(txtFilterStatus, fixedWidth(120, v.status)), labeled(txtFilterKind, fixedWidth(120, v.kind)),
		labeled(txtFilterChannel, fixedWidth(120, v.channel)), labeled(txtFilterMonth, fixedWidth(120, v.month)),
		labeled(txtOrder, fixedWidth(160, v.order)))
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, v.count, v.search))
	v.list = container.NewBorder(top, nil, nil, nil, v.table)
	v.detail = newCaseDetail(d, book, v.backToList)
	v.stack = container.NewStack(v.list)
	v.obj = v.stack

	v.fillMonths()
	v.status.SetSelectedIndex(0)
	v.kind.SetSelectedIndex(0)
	v.channel.SetSelectedIndex(0)
	v.month.SetSelectedIndex(0)
	v.order.SetSelectedIndex(0)
	return v
}

// fillMonths offers the last 24 months of receipt.
func (v *casesView) fillMonths() {
	opts := []string{txtAll}
	t := workday.DayOf(v.d.now())
	m := workday.Date(t.Year(), t.Month(), 1)
	for i := 0; i < 24; i++ {
		opts = append(opts, m.AddDate(0, -i, 0).Format("2006-01"))
	}
	v.month.SetOptions(opts)
}

// currentFilter reads the filter bar.
func (v *casesView) currentFilter() store.Filter {
	f := store.Filter{Query: v.search.Text, Order: "-received"}
	switch i := v.status.SelectedIndex(); {
	case i == 1:
		f.Status = "open"
	case i >= 2:
		f.Status = string(rules.Statuses()[i-2])
	}
	if i := v.kind.SelectedIndex(); i >= 1 {
		f.Kind = string(rules.Kinds()[i-1])
	}
	if i := v.channel.SelectedIndex(); i >= 1 {
		f.Channel = string(rules.Channels()[i-1])
	}
	if i := v.month.SelectedIndex(); i >= 1 {
		f.Month = v.month.Selected
	}
	if v.order.SelectedIndex() == 1 {
		f.Order = "due"
	}
	return f
}

func (v *casesView) searchSoon() {
	if v.searchTimer != nil {
		v.searchTimer.Stop()
	}
	v.searchTimer = time.AfterFunc(searchDelay, func() { v.d.do(v.applyFilter) })
}

func (v *casesView) applyFilter() {
	if v.table == nil || v.order == nil {
		return
	}
	f := v.currentFilter()
	if f == v.filter && v.gen > 0 {
		return
	}
	v.filter = f
	v.refreshData()
	v.table.ScrollToTop()
}

// reload is refreshData at start-up.
func (v *casesView) reload() {
	v.filter = v.currentFilter()
	v.refreshData()
}

// refreshData drops the cached pages and counts the rows again; the table
// fetches what it shows.
func (v *casesView) refreshData() {
	v.pageMu.Lock()
	v.gen++
	gen := v.gen
	v.pages = map[int][]*store.Case{}
	v.loading = map[int]bool{}
	v.used = nil
	v.pageMu.Unlock()
	f := v.filter
	v.today = v.d.now()
	v.d.bg(func() func() {
		n, err := v.book.CountCases(v.d.ctx, f)
		cal, calErr := v.book.Calendar(v.d.ctx)
		return func() {
			v.pageMu.Lock()
			stale := gen != v.gen
			v.pageMu.Unlock()
			if stale {
				return
			}
			if err != nil {
				v.d.showError(err)
				return
			}
			if calErr == nil {
				v.cal = cal
			}
			v.total = n
			v.count.SetText(fmt.Sprintf(txtCaseCount, n))
			v.table.Refresh()
		}
	})
	if v.detail.c != nil && v.stack.Objects[0] == v.detail.obj {
		v.detail.reload()
	}
}

func (v *casesView) length() (int, int) { return v.total, len(txtCaseColumns) }

// rowCase returns the case of a row if its page is loaded, and asks for
// the page otherwise.
func (v *casesView) rowCase(row int) *store.Case {
	v.pageMu.Lock()
	defer v.pageMu.Unlock()
	p := row / casePageSize
	if rows, ok := v.pages[p]; ok {
		v.touch(p)
		if i := row % casePageSize; i < len(rows) {
			return rows[i]
		}
		return nil
	}
	v.fetch(p)
	return nil
}

func (v *casesView) touch(p int) {
	for i, x := range v.used {
		if x == p {
			v.used = append(v.used[:i], v.used[i+1:]...)
			break
		}
	}
	v.used = append(v.used, p)
}

// fetch loads page p in the background; the caller holds pageMu.
func (v *casesView) fetch(p int) {
	if v.loading[p] {
		return
	}
	v.loading[p] = true
	gen := v.gen
	f := v.filter
	f.Limit, f.Offset = casePageSize, p*casePageSize
	v.d.bg(func() func() {
		rows, err := v.book.Cases(v.d.ctx, f, false)
		return func() {
			v.pageMu.Lock()
			if gen != v.gen {
				v.pageMu.Unlock()
				return
			}
			delete(v.loading, p)
			if err != nil {
				v.pageMu.Unlock()
				v.d.showError(err)
				return
			}
			v.pages[p] = rows
			v.touch(p)
			for len(v.used) > casePagesKept {
				delete(v.pages, v.used[0])
				v.used = v.used[1:]
			}
			v.pageMu.Unlock()
			v.d.traceOnce("first case page shown")
			v.table.Refresh()
		}
	})
}

// cellText is the text and urgency level of one cell.
func (v *casesView) cellText(c *store.Case, col int) (string, int) {
	switch col {
	case 0:
		return c.Number, theme.UrgencyOK
	case 1:
		return c.Kind.Label(), theme.UrgencyOK
	case 2:
		return c.Channel.Label(), theme.UrgencyOK
	case 3:
		return c.Status.Label(), theme.UrgencyOK
	case 4:
		return orDash(c.Sponsor), theme.UrgencyOK
	case 5:
		return c.ReceivedDay, theme.UrgencyOK
	case 6:
		level, text := dueLabel(v.cal, v.today, c)
		return text, level
	}
	return "", theme.UrgencyOK
}

func newCaseCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	t := canvas.NewText("", color.Black)
	return container.NewStack(l, container.New(&vCenter{}, t))
}

func (v *casesView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	l := box.Objects[0].(*widget.Label)
	t := box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
	c := v.rowCase(id.Row)
	text, level := txtLoading, theme.UrgencyOK
	if c != nil {
		text, level = v.cellText(c, id.Col)
	}
	if id.Col == 6 {
		l.Hide()
		t.Text = text
		t.Color = urgencyColor(level)
		t.TextStyle.Bold = level >= theme.UrgencyDueToday
		t.Show()
		t.Refresh()
		return
	}
	t.Hide()
	l.SetText(text)
	l.Show()
}

// showCase opens the detail of a case in place of the table.
func (v *casesView) showCase(id int64) {
	v.stack.Objects = []fyne.CanvasObject{v.detail.obj}
	v.stack.Refresh()
	v.detail.load(id)
}

func (v *casesView) backToList() {
	if !v.showingDetail() {
		return
	}
	v.stack.Objects = []fyne.CanvasObject{v.list}
	v.stack.Refresh()
	v.table.Refresh()
}

// showingDetail reports whether a case detail is shown instead of the list.
func (v *casesView) showingDetail() bool {
	return v.stack.Objects[0] == v.detail.obj
}

// vCenter places its single object at the leading edge, vertically
// centred, inset by the theme's inner padding like a label's text.
type vCenter struct{}

func (*vCenter) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	p := fynetheme.InnerPadding()
	return fyne.NewSize(m.Width+2*p, m.Height+2*p)
}

func (*vCenter) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	m := objs[0].MinSize()
	p := fynetheme.InnerPadding()
	objs[0].Move(fyne.NewPos(p, (size.Height-m.Height)/2))
	objs[0].Resize(fyne.NewSize(size.Width-2*p, m.Height))
}
