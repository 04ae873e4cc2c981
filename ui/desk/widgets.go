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
	// tabMoves makes Tab move the focus in a multi-line entry.
	tabMoves bool
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

// newTextArea is a multi-line entry in a form (备案号, 域名, 备注): Tab
// moves to the next field instead of inserting a tab character, which no
// clerk means there.
func newTextArea(d *Desk, rows int) *entry {
	e := newMultiLineEntry(d, rows)
	e.tabMoves = true
	return e
}

// AcceptsTab is false for text areas, so that the window moves the focus.
func (e *entry) AcceptsTab() bool {
	return !e.tabMoves && e.Entry.AcceptsTab()
}

// TypedKey moves on at Tab in a text area (drivers that do not ask
// AcceptsTab first), and gives Escape to the desk (back from a detail).
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyTab && e.tabMoves && e.d != nil:
		e.d.win.Canvas().FocusNext()
		return
	case k.Name == fyne.KeyEscape && e.d != nil && e.d.escape():
		return
	}
	e.Entry.TypedKey(k)
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
	// reserve keeps an error line's space (reserveError).
	reserve bool
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
	f.box = container.New(&fieldLayout{f: f}, input, f.errMsg, f.hint)
	return f
}

// reserveError keeps the space of one error line under the input even
// while there is no error, so that the form does not jump when a message
// comes or goes and a click lands in the field the clerk aimed at.
func (f *field) reserveError() *field {
	f.reserve = true
	return f
}

// fieldLayout stacks input, error line and hint. The error label is drawn
// overlapping its own inner padding, so that a reserved line costs only the
// height of its text.
type fieldLayout struct{ f *field }

// errSlot is the height the error line takes in the column.
func (l *fieldLayout) errSlot() float32 {
	pad := 2 * fynetheme.InnerPadding()
	h := float32(0)
	if l.f.errMsg.Visible() {
		h = l.f.errMsg.MinSize().Height - pad
	}
	if l.f.reserve {
		h = max(h, oneCaptionLine())
	}
	return h
}

func (l *fieldLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	if objs[0].Visible() {
		s.Height += l.errSlot()
	} else {
		s = fyne.Size{}
	}
	if l.f.errMsg.Visible() {
		s.Width = max(s.Width, l.f.errMsg.MinSize().Width)
	}
	if h := objs[2]; h.Visible() {
		m := h.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s
}

func (l *fieldLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	in, errMsg, hint := objs[0], objs[1], objs[2]
	h := in.MinSize().Height
	in.Move(fyne.NewPos(0, 0))
	in.Resize(fyne.NewSize(size.Width, h))
	slot := l.errSlot()
	pad := fynetheme.InnerPadding()
	errMsg.Move(fyne.NewPos(0, h-pad))
	errMsg.Resize(fyne.NewSize(size.Width, slot+2*pad))
	y := h + slot
	if hint.Visible() {
		hint.Move(fyne.NewPos(0, y))
		hint.Resize(fyne.NewSize(size.Width, hint.MinSize().Height))
	}
}

// oneCaptionLine is the height of one line of caption text.
func oneCaptionLine() float32 {
	return fyne.MeasureText("国", fynetheme.CaptionTextSize(), fyne.TextStyle{}).Height
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
