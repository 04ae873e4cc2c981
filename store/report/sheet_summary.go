package report

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"
)

// summary writes 汇总: receipts by kind and channel, the key figures, and
// receipts and closings per week with a chart of them.
//
// The chart is a clustered column chart of cases received and closed per
// week (per month for a period longer than a quarter). The kind × channel
// split is already a small table right above it, whereas the weekly bars
// show what a clerk and the division head look at in a monthly review:
// the load around holidays (the National Day week is empty, the week after
// it is full) and whether closing kept pace with receiving.
func (w *writer) summary() error {
	f, st, r := w.f, w.st, w.r
	const sh = sheetSummary
	c := &cells{f: f, sheet: sh}
	c.set(1, 1, w.title(), st.title)
	c.set(1, 2, w.period(), st.subtitle)

	// 一、received by kind × channel.
	row := 4
	c.set(1, row, sectionReceived, st.section)
	row++
	c.set(1, row, headKind, st.header)
	for j, ch := range r.Channels {
		c.set(2+j, row, ch.Label(), st.header)
	}
	totalCol := 2 + len(r.Channels)
	c.set(totalCol, row, headTotal, st.header)
	colTotals := make([]int, len(r.Channels))
	for i, k := range r.Kinds {
		row++
		c.set(1, row, k.Label(), st.label)
		sum := 0
		for j, n := range r.Received[i] {
			c.set(2+j, row, n, st.integer)
			colTotals[j] += n
			sum += n
		}
		c.set(totalCol, row, sum, st.integerBold)
	}
	row++
	c.set(1, row, headTotal, st.label)
	for j, n := range colTotals {
		c.set(2+j, row, n, st.integerBold)
	}
	c.set(totalCol, row, r.Figures.Received, st.integerBold)

	// 二、key figures, 本期 beside 本年累计.
	row += 2
	c.set(1, row, sectionFigures, st.section)
	row++
	c.set(1, row, headFigure, st.header)
	c.set(2, row, headValue, st.header)
	c.set(3, row, headYear, st.header)
	c.set(4, row, headNote, st.header)
	c.merge(4, row, totalCol, row)
	year := w.figuresOf(r.YearToDate)
	noteWidth := 0.0
	for col := 4; col <= totalCol; col++ {
		noteWidth += summaryWidth(col, totalCol)
	}
	heights := map[int]float64{1: 28}
	for i, fig := range w.figuresOf(r.Figures) {
		row++
		c.set(1, row, fig.label, st.label)
		c.set(2, row, fig.value, fig.style)
		c.set(3, row, year[i].value, year[i].style)
		c.set(4, row, fig.note, st.note)
		c.merge(4, row, totalCol, row)
		// A note that wraps gets the lines it needs: a row keeps its
		// height, and the LibreOffice rendering showed long notes written
		// over the next row.
		heights[row] = lineHeight * wrappedLines(fig.note, noteWidth)
	}

	// 三、breakdowns: 地市 on the left, the others stacked on the right.
	row += 2
	c.set(1, row, sectionBreakdown, st.section)
	row++
	heights[row] = lineHeight * max(wrappedLines(headCity, summaryWidth(1, totalCol)), wrappedLines(headSponsor, summaryWidth(5, totalCol)))
	left := w.countTable(c, row, 1, headCity, r.Cities)
	right := w.countTable(c, row, 5, headSponsor, r.Sponsors)
	right = w.countTable(c, right+1, 5, headChannel, r.ChannelsDone)
	right++
	d := r.Deregistered
	for i, h := range []string{headCancelled, headSubjects, headSites, headApps, headFilings} {
		if i == 0 {
			c.set(5, right, h, st.header)
			c.merge(5, right, 7, right)
			continue
		}
		c.set(5, right+i, h, st.label)
		c.set(6, right+i, []int{d.Subjects, d.Sites, d.Apps, d.Filings}[i-1], st.integer)
		c.merge(6, right+i, 7, right+i)
	}
	row = max(left, right+4)

	// 四、per week (or month), and the chart of it.
	row += 2
	c.set(1, row, sectionBuckets, st.section)
	row++
	headRow := row
	c.set(1, row, headBucket, st.header)
	c.set(2, row, headReceived, st.header)
	c.set(3, row, headDone, st.header)
	most := 0
	for _, b := range r.Buckets {
		row++
		c.set(1, row, bucketLabel(b, r.Monthly), st.label)
		c.set(2, row, b.Received, st.integer)
		c.set(3, row, b.Done, st.integer)
		most = max(most, b.Received, b.Done)
	}
	lastBucket := row

	// The signature line a section chief signs.
	row += 2
	preparer := r.Preparer
	if preparer == "" {
		preparer = signBlank
	}
	c.set(1, row, fmt.Sprintf(signPreparer, preparer), st.sign)
	c.merge(1, row, 2, row)
	c.set(3, row, fmt.Sprintf(signReviewer, signBlank), st.sign)
	c.merge(3, row, 4, row)
	c.set(5, row, fmt.Sprintf(signDate, r.Today.Format(dateZh)), st.sign)
	c.merge(5, row, totalCol, row)
	if err := printArea(f, sh, totalCol, row); err != nil {
		return err
	}
	if c.err != nil {
		return c.err
	}
	for col := 1; col <= totalCol+1; col++ {
		name, _ := excelize.ColumnNumberToName(col)
		if err := f.SetColWidth(sh, name, name, summaryWidth(col, totalCol)); err != nil {
			return err
		}
	}
	for row, ht := range heights {
		if ht == lineHeight {
			continue
		}
		if err := f.SetRowHeight(sh, row, ht); err != nil {
			return err
		}
	}
	if err := w.chart(headRow, lastBucket, most); err != nil {
		return err
	}
	if err := fitToPage(f, sh); err != nil {
		return err
	}
	return w.pageSetup(sh, true)
}

// summaryWidth is the width of a column of 汇总: labels in A, numbers up
// to the total column, E wide enough for the labels of 主办者类型·申请人
// (单位·委托代理人 was cut off at the width of the others), and a narrow
// one after the total column separating the tables from the chart.
func summaryWidth(col, totalCol int) float64 {
	switch {
	case col == 1:
		return 16
	case col == 5:
		return 17
	case col > totalCol:
		return 2
	}
	return 11
}

// lineHeight is the height of a row of one line of text, in points.
const lineHeight = 15

// wrappedLines is how many lines s takes in a wrapping cell of the width.
func wrappedLines(s string, width float64) float64 {
	return max(1, math.Ceil(displayWidth(s)/(width-1)))
}

// figure is one line of the key figures.
type figure struct {
	label string
	value any
	style int
	note  string
}

func (w *writer) figuresOf(f Figures) []figure {
	st := w.st
	n := func(label string, v int, note string) figure { return figure{label, v, st.integer, note} }
	rate := figure{figRate, noValue, st.text, noteRateEmpty}
	if v, ok := f.OnTimeRate(); ok {
		rate = figure{figRate, v, st.percent, noteRate}
	}
	avg := figure{figAvgDays, noValue, st.text, noteAvgDaysEmpty}
	if v, ok := f.AvgWorkdays(); ok {
		avg = figure{figAvgDays, v, st.decimal, noteAvgDays}
	}
	return []figure{
		n(figReceived, f.Received, noteReceived),
		n(figAccepted, f.Accepted, noteAccepted),
		n(figReturned, f.Returned, noteReturned),
		n(figNotices, f.Notices, noteNotices),
		n(figDone, f.Done, noteDone),
		n(figCompleted, f.Completed, noteCompleted),
		n(figRejected, f.Rejected, noteRejected),
		n(figWithdrawn, f.Withdrawn, noteWithdrawn),
		n(figOnTime, f.OnTime, noteOnTime),
		n(figLate, f.Late, noteLate),
		rate,
		n(figOpen, f.Open, noteOpen),
		n(figOpenOverdue, f.OpenOverdue, noteOpenOverdue),
		avg,
	}
}

// countTable writes a breakdown (label, 收件, 办结) with its header at row
// and column col, and returns its last row.
func (w *writer) countTable(c *cells, row, col int, head string, counts []Count) int {
	st := w.st
	c.set(col, row, head, st.header)
	c.set(col+1, row, headReceived, st.header)
	c.set(col+2, row, headDone, st.header)
	for _, n := range counts {
		row++
		c.set(col, row, n.Label, st.label)
		c.set(col+1, row, n.N, st.integer)
		c.set(col+2, row, n.M, st.integer)
	}
	return row
}

// printLastCol is the last column printed on 汇总: the chart anchored at
// I4 is 560 pixels wide and ends in column Q (the LibreOffice rendering of
// an area ending in P cut it off).
const printLastCol = "R"

// printArea limits printing to the tables and the chart beside them.
func printArea(f *excelize.File, sheet string, lastCol, lastRow int) error {
	_ = lastCol
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, printLastCol, lastRow),
		Scope:    sheet,
	})
}

// chart draws received and done per bucket from the table in rows
// headRow+1..lastRow, to the right of the tables.
func (w *writer) chart(headRow, lastRow, most int) error {
	if lastRow <= headRow {
		return nil
	}
	ref := func(col string, from, to int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheetSummary, col, from, col, to)
	}
	cats := ref("A", headRow+1, lastRow)
	series := []excelize.ChartSeries{
		{Name: fmt.Sprintf("'%s'!$B$%d", sheetSummary, headRow), Categories: cats, Values: ref("B", headRow+1, lastRow),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}}},
		{Name: fmt.Sprintf("'%s'!$C$%d", sheetSummary, headRow), Categories: cats, Values: ref("C", headRow+1, lastRow),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"ED7D31"}}},
	}
	// excelize draws axis labels in light grey, too faint on paper.
	font := excelize.Font{Color: "404040", Size: 9}
	x := excelize.ChartAxis{Font: font}
	y := excelize.ChartAxis{MajorGridLines: true, Font: font}
	if most <= 10 {
		// Whole cases: no 0.5 ticks on a small month.
		y.MajorUnit = 1
	}
	return w.f.AddChart(sheetSummary, "I4", &excelize.Chart{
		Type:       excelize.Col,
		VaryColors: boolPtr(false),
		Series:     series,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: chartTitle}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		Dimension:  excelize.ChartDimension{Width: 560, Height: 400},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		XAxis:      x,
		YAxis:      y,
		Format:     excelize.GraphicOptions{PrintObject: boolPtr(true), Locked: boolPtr(false)},
	})
}

func boolPtr(b bool) *bool { return &b }

// cells writes cells of a normal sheet and keeps the first error.
type cells struct {
	f     *excelize.File
	sheet string
	err   error
}

func (c *cells) set(col, row int, v any, style int) {
	if c.err != nil {
		return
	}
	name, err := excelize.CoordinatesToCellName(col, row)
	if err == nil {
		err = c.f.SetCellValue(c.sheet, name, v)
	}
	if err == nil {
		err = c.f.SetCellStyle(c.sheet, name, name, style)
	}
	c.err = err
}

func (c *cells) merge(col1, row1, col2, row2 int) {
	if c.err != nil {
		return
	}
	a, err := excelize.CoordinatesToCellName(col1, row1)
	if err != nil {
		c.err = err
		return
	}
	b, err := excelize.CoordinatesToCellName(col2, row2)
	if err != nil {
		c.err = err
		return
	}
	c.err = c.f.MergeCell(c.sheet, a, b)
}

// bucketLabel names a bar group: "10月12日–18日", "9月28日–10月4日", or
// "2026年10月".
func bucketLabel(b Bucket, monthly bool) string {
	switch {
	case monthly:
		return fmt.Sprintf(monthLabel, b.From.Year(), int(b.From.Month()))
	case b.From.Month() == b.To.Month() && b.From.Day() == b.To.Day():
		// A one-day bucket (a week cut by the month's edge): not "11月1日–1日".
		return fmt.Sprintf(dayLabel, int(b.From.Month()), b.From.Day())
	case b.From.Month() == b.To.Month():
		return fmt.Sprintf(weekRange, int(b.From.Month()), b.From.Day(), b.To.Day())
	}
	return fmt.Sprintf(weekRange2, int(b.From.Month()), b.From.Day(), int(b.To.Month()), b.To.Day())
}
