package desk

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// barGroup is one label on the x axis with a bar per series.
type barGroup struct {
	label  string
	values []int
}

// barChart draws grouped vertical bars with their values above them, the
// group labels below and a legend, from canvas rectangles and texts.
type barChart struct {
	widget.BaseWidget
	series []string
	groups []barGroup
}

func newBarChart() *barChart {
	c := &barChart{}
	c.ExtendBaseWidget(c)
	return c
}

func (c *barChart) set(series []string, groups []barGroup) {
	c.series = series
	c.groups = groups
	c.Refresh()
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	return &barChartRenderer{c: c}
}

// seriesColor is the fill of series i: the primary colour, then a muted
// green that reads in both variants.
func seriesColor(i int) color.Color {
	if i == 0 {
		return fynetheme.Color(fynetheme.ColorNamePrimary)
	}
	return color.NRGBA{R: 0x2E, G: 0x9E, B: 0x6A, A: 0xFF}
}

type barChartRenderer struct {
	c       *barChart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *barChartRenderer) Destroy() {}

func (r *barChartRenderer) MinSize() fyne.Size { return fyne.NewSize(400, 160) }

func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *barChartRenderer) Layout(s fyne.Size) {
	r.size = s
	r.build()
}

func (r *barChartRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.c)
}

// build recreates the primitives for the current size and data; a dozen
// groups make a few dozen objects, so rebuilding is cheap.
func (r *barChartRenderer) build() {
	s := r.size
	r.objects = r.objects[:0]
	if s.Width <= 0 || s.Height <= 0 || len(r.c.groups) == 0 {
		return
	}
	fg := fynetheme.Color(fynetheme.ColorNameForeground)
	muted := fynetheme.Color(fynetheme.ColorNamePlaceHolder)
	textSize := fynetheme.CaptionTextSize()
	labelH := textSize * 1.6
	legendH := textSize * 1.8
	valueH := textSize * 1.5

	// Legend at the top right.
	x := s.Width
	for i := len(r.c.series) - 1; i >= 0; i-- {
		t := canvas.NewText(r.c.series[i], fg)
		t.TextSize = textSize
		tw := t.MinSize().Width
		x -= tw
		t.Move(fyne.NewPos(x, 0))
		sw := canvas.NewRectangle(seriesColor(i))
		sw.Resize(fyne.NewSize(textSize, textSize))
		x -= textSize + 4
		sw.Move(fyne.NewPos(x, (legendH-textSize)/2-2))
		x -= 16
		r.objects = append(r.objects, sw, t)
	}

	top := legendH
	bottom := s.Height - labelH
	plotH := bottom - top - valueH
	if plotH < 10 {
		return
	}
	maxV := 1
	for _, g := range r.c.groups {
		for _, v := range g.values {
			maxV = max(maxV, v)
		}
	}
	axis := canvas.NewLine(muted)
	axis.StrokeWidth = 1
	axis.Position1 = fyne.NewPos(0, bottom)
	axis.Position2 = fyne.NewPos(s.Width, bottom)
	r.objects = append(r.objects, axis)

	n := len(r.c.groups)
	slot := s.Width / float32(n)
	nSeries := max(1, len(r.c.series))
	barW := min(slot*0.7/float32(nSeries), 36)
	for gi, g := range r.c.groups {
		x0 := slot*float32(gi) + (slot-barW*float32(nSeries))/2
		for si, v := range g.values {
			h := plotH * float32(v) / float32(maxV)
			bx := x0 + barW*float32(si)
			bar := canvas.NewRectangle(seriesColor(si))
			bar.Move(fyne.NewPos(bx+1, bottom-h))
			bar.Resize(fyne.NewSize(barW-2, h))
			r.objects = append(r.objects, bar)
			if v == 0 {
				continue
			}
			val := canvas.NewText(fmt.Sprint(v), fg)
			val.TextSize = textSize
			val.Alignment = fyne.TextAlignCenter
			val.Move(fyne.NewPos(bx, bottom-h-valueH))
			val.Resize(fyne.NewSize(barW, valueH))
			r.objects = append(r.objects, val)
		}
		lbl := canvas.NewText(g.label, fg)
		lbl.TextSize = textSize
		lbl.Alignment = fyne.TextAlignCenter
		lbl.Move(fyne.NewPos(slot*float32(gi), bottom+2))
		lbl.Resize(fyne.NewSize(slot, labelH))
		r.objects = append(r.objects, lbl)
	}
}
