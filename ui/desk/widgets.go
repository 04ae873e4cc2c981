package desk

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// entry is a widget.Entry that passes the window shortcuts (Ctrl+F, Ctrl+N,
// Ctrl+R) on to the desk instead of swallowing them while it has focus.
type entry struct {
	widget.Entry
	d *Desk
}

func newEntry(d *Desk) *entry {
	e := &entry{d: d}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrapOff
	return e
}

func newMultiLineEntry(d *Desk, rows int) *entry {
	e := newEntry(d)
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// TypedShortcut hands the window shortcuts to the desk.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if e.d != nil && e.d.shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// field is an input with its label and a red caption under it that tells
// what is wrong with the value.
type field struct {
	label  *widget.Label
	input  fyne.CanvasObject
	errMsg *widget.Label
	hint   *widget.Label
	box    *fyne.Container
}

func newField(label string, input fyne.CanvasObject, hint string) *field {
	f := &field{
		label:  widget.NewLabel(label),
		input:  input,
		errMsg: widget.NewLabel(""),
		hint:   widget.NewLabel(hint),
	}
	f.label.TextStyle.Bold = false
	f.errMsg.Importance = widget.DangerImportance
	f.errMsg.SizeName = fynetheme.SizeNameCaptionText
	f.errMsg.Wrapping = fyne.TextWrapWord
	f.errMsg.Hide()
	f.hint.SizeName = fynetheme.SizeNameCaptionText
	f.hint.Wrapping = fyne.TextWrapWord
	if hint == "" {
		f.hint.Hide()
	}
	f.box = container.New(&tightVBox{}, input, f.errMsg, f.hint)
	return f
}

// setError shows msg under the input ("" clears it).
func (f *field) setError(msg string) {
	f.errMsg.SetText(msg)
	if msg == "" {
		f.errMsg.Importance = widget.DangerImportance
		f.errMsg.Hide()
	} else {
		f.errMsg.Importance = widget.DangerImportance
		f.errMsg.Show()
	}
	f.errMsg.Refresh()
}

// setWarning shows msg under the input in the warning colour.
func (f *field) setWarning(msg string) {
	f.setError(msg)
	if msg != "" {
		f.errMsg.Importance = widget.WarningImportance
		f.errMsg.Refresh()
	}
}

func (f *field) errorText() string {
	if !f.errMsg.Visible() || f.errMsg.Importance != widget.DangerImportance {
		return ""
	}
	return f.errMsg.Text
}

func (f *field) show(on bool) {
	if on {
		f.label.Show()
		f.box.Show()
	} else {
		f.label.Hide()
		f.box.Hide()
	}
}

// formGrid lays out fields as label | input rows.
func formGrid(fields ...*field) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(fields))
	for _, f := range fields {
		objs = append(objs, f.label, f.box)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// tightVBox stacks objects vertically without padding between them, and
// skips hidden ones.
type tightVBox struct{}

func (*tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s
}

func (*tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h
	}
}

// heading is a bold label in the sub-heading size.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = fynetheme.SizeNameSubHeadingText
	return l
}

// caption is a small, low-contrast label.
func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = fynetheme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrapLabel is a label that wraps at word (and CJK character) boundaries.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// boxed puts o on a rounded, slightly tinted panel.
func boxed(o fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(panelColor())
	bg.CornerRadius = fynetheme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(o))
}

func panelColor() color.Color {
	return fynetheme.Color(fynetheme.ColorNameInputBackground)
}

// fixedWidth gives o a minimum width.
type minWidthLayout struct{ w float32 }

func (l minWidthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := fyne.NewSize(l.w, 0)
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height = max(s.Height, m.Height)
	}
	return s
}

func (l minWidthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func fixedWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(minWidthLayout{w}, o)
}

// newSelect is a widget.Select with a Chinese placeholder.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = txtDash
	return s
}
