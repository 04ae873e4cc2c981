package desk

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
)

// maxInboxMails is how many of the newest mails the list shows.
const maxInboxMails = 1000

// inboxView is 收件箱: the synced mails, newest first, and a preview of the
// selected one with its attachments and actions.
type inboxView struct {
	d    *Desk
	book inboxBook
	obj  fyne.CanvasObject

	filter *widget.Select
	count  *widget.Label
	list   *widget.List
	mails  []*store.Mail
	gen    int

	selected *store.Mail
	preview  *fyne.Container
	empty    fyne.CanvasObject
}

var mailFilters = []struct{ label, state string }{
	{txtMailFilterNew, store.MailNew},
	{txtAll, ""},
	{txtMailFilterCase, store.MailCase},
	{txtMailFilterIgn, store.MailIgnored},
}

func newInboxView(d *Desk, book inboxBook) *inboxView {
	v := &inboxView{d: d, book: book}
	labels := make([]string, len(mailFilters))
	for i, f := range mailFilters {
		labels[i] = f.label
	}
	v.filter = newSelect(labels, func(string) { v.reload() })
	v.filter.SetSelectedIndex(1)
	v.count = widget.NewLabel("")
	importBt := widget.NewButtonWithIcon(txtImportEml, fynetheme.FolderOpenIcon(), v.importFile)

	v.list = widget.NewList(
		func() int { return len(v.mails) },
		func() fyne.CanvasObject {
			dot := canvas.NewCircle(fynetheme.Color(fynetheme.ColorNamePrimary))
			dotBox := container.NewGridWrap(fyne.NewSize(10, 10), dot)
			subject := widget.NewLabel("")
			subject.Truncation = fyne.TextTruncateEllipsis
			from := widget.NewLabel("")
			from.Truncation = fyne.TextTruncateEllipsis
			from.SizeName = fynetheme.SizeNameCaptionText
			date := widget.NewLabel("")
			date.SizeName = fynetheme.SizeNameCaptionText
			return container.NewBorder(nil, nil, container.NewCenter(dotBox), nil,
				container.New(&tightVBox{}, subject, container.NewBorder(nil, nil, nil, date, from)))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(v.mails) {
				return
			}
			m := v.mails[id]
			box := o.(*fyne.Container)
			lines := box.Objects[0].(*fyne.Container)
			dot := box.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
			subject := lines.Objects[0].(*widget.Label)
			row := lines.Objects[1].(*fyne.Container)
			from := row.Objects[0].(*widget.Label)
			date := row.Objects[1].(*widget.Label)
			isNew := m.State == store.MailNew
			subject.TextStyle.Bold = isNew
			subject.SetText(mailSubject(m))
			from.SetText(mailFrom(m))
			date.SetText(mailDate(m))
			dot.Hidden = !isNew
			dot.Refresh()
		},
	)
	v.list.OnSelected = func(id widget.ListItemID) {
		if id < len(v.mails) {
			v.show(v.mails[id].ID)
		}
	}
	v.empty = container.NewCenter(widget.NewLabel(txtPickMail))
	v.preview = container.NewStack(v.empty)

	toolbar := container.NewBorder(nil, nil, nil,
		container.NewHBox(importBt, widget.NewLabel(txtMailShow), fixedWidth(120, v.filter)), d.sync.obj)
	left := container.NewBorder(nil, v.count, nil, nil, v.list)
	split := container.NewHSplit(left, v.preview)
	split.Offset = 0.38
	v.obj = container.NewBorder(toolbar, nil, nil, nil, split)
	if d.win != nil {
		d.win.SetOnDropped(v.dropped)
	}
	return v
}

// reload lists the mails of the current filter in the background.
func (v *inboxView) reload() {
	if v.list == nil {
		return
	}
	v.gen++
	gen := v.gen
	state := mailFilters[max(0, v.filter.SelectedIndex())].state
	selected := int64(0)
	if v.selected != nil {
		selected = v.selected.ID
	}
	v.d.bg(func() func() {
		mails, err := v.book.Mails(v.d.ctx, store.MailFilter{State: state, Limit: maxInboxMails})
		total, _ := v.book.CountMails(v.d.ctx, "")
		unhandled, _ := v.book.CountMails(v.d.ctx, store.MailNew)
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.d.showError(err)
				return
			}
			v.mails = mails
			v.count.SetText(fmt.Sprintf(txtMailCount, total, unhandled))
			v.list.UnselectAll()
			v.list.Refresh()
			if selected == 0 && len(mails) > 0 {
				selected = mails[0].ID
			}
			if selected != 0 {
				for i, m := range mails {
					if m.ID == selected {
						v.list.Select(i)
						return
					}
				}
				v.show(selected)
			}
		}
	})
}

// show loads one mail into the preview.
func (v *inboxView) show(id int64) {
	v.d.bg(func() func() {
		m, err := v.book.Mail(v.d.ctx, id)
		var number string
		if err == nil && m.CaseID != nil {
			if c, err := v.book.Case(v.d.ctx, *m.CaseID); err == nil {
				number = c.Number
			}
		}
		return func() {
			if err != nil {
				v.d.showError(err)
				return
			}
			v.selected = m
			v.preview.Objects = []fyne.CanvasObject{v.previewOf(m, number)}
			v.preview.Refresh()
		}
	})
}

func (v *inboxView) previewOf(m *store.Mail, caseNumber string) fyne.CanvasObject {
	subject := heading(mailSubject(m))
	subject.Wrapping = fyne.TextWrapWord
	state := txtMailStateNew
	switch m.State {
	case store.MailIgnored:
		state = txtMailStateIgn
	case store.MailCase:
		state = fmt.Sprintf(txtMailStateCase, caseNumber)
	}
	info := formGrid(
		newField(txtMailFrom, widget.NewLabel(mailFrom(m)), ""),
		newField(txtMailDate, widget.NewLabel(mailDate(m)), ""),
		newField(txtMailState, widget.NewLabel(state), ""),
	)

	var actions []fyne.CanvasObject
	switch {
	case m.CaseID != nil:
		id := *m.CaseID
		actions = append(actions, widget.NewButton(txtOpenCase, func() { v.d.OpenCase(id) }))
	case m.State == store.MailIgnored:
		actions = append(actions, widget.NewButton(txtUnignore, func() { v.setState(m, store.MailNew) }))
	default:
		newCase := widget.NewButtonWithIcon(txtNewCase, fynetheme.ContentAddIcon(), func() { v.d.register.fromMail(m) })
		newCase.Importance = widget.HighImportance
		actions = append(actions, newCase,
			widget.NewButton(txtLinkCase, func() { v.linkDialog(m) }),
			widget.NewButton(txtIgnore, func() {
				v.d.confirm(txtIgnoreTitle, txtIgnoreAsk, txtIgnore, func() { v.setState(m, store.MailIgnored) })
			}))
	}

	var attach []fyne.CanvasObject
	for _, a := range m.Attachments {
		a := a
		name := widget.NewLabel(fmt.Sprintf(txtSize, safeName(a.Name), humanSize(a.Size)))
		name.Truncation = fyne.TextTruncateEllipsis
		attach = append(attach, container.NewBorder(nil, nil, widget.NewIcon(fynetheme.FileIcon()),
			container.NewHBox(
				widget.NewButton(txtOpen, func() { v.d.openBlob(a.SHA256, a.Name) }),
				widget.NewButton(txtSaveAs, func() { v.d.saveBlob(a.SHA256, a.Name) }),
			), name))
	}
	if len(attach) == 0 {
		attach = append(attach, caption(txtNoAttachments))
	}
	raw := widget.NewButton(txtSaveRaw, func() { v.d.saveBlob(m.RawSHA256, emlName(m)) })

	text := strings.TrimSpace(m.Text)
	if text == "" {
		text = txtMailEmptyText
	}
	body := wrapLabel(text)
	body.Selectable = true

	parts := []fyne.CanvasObject{subject, info, container.NewHBox(actions...)}
	if len(m.Problems) > 0 {
		p := caption(txtMailProblems + txtColon + strings.Join(m.Problems, txtListSep))
		p.Importance = widget.WarningImportance
		parts = append(parts, p)
	}
	parts = append(parts, widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewLabelWithStyle(txtAttachments, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), raw),
		container.NewVBox(attach...),
		widget.NewSeparator(),
		widget.NewLabelWithStyle(txtMailText, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		body)
	return container.NewVScroll(container.NewVBox(parts...))
}

func (v *inboxView) setState(m *store.Mail, state string) {
	v.d.bg(func() func() {
		err := v.book.SetMailState(v.d.ctx, m.ID, state)
		return func() {
			if err != nil {
				v.d.showError(err)
				return
			}
			v.d.changed()
			v.show(m.ID)
		}
	})
}

func mailSubject(m *store.Mail) string {
	if s := strings.TrimSpace(m.Subject); s != "" {
		return s
	}
	return txtNoSubject
}

func mailFrom(m *store.Mail) string {
	switch {
	case m.FromName != "" && m.FromAddr != "":
		return m.FromName + " <" + m.FromAddr + ">"
	case m.FromAddr != "":
		return m.FromAddr
	}
	return orDash(m.FromName)
}

func mailDate(m *store.Mail) string {
	if m.Date.IsZero() {
		return txtDash
	}
	return m.Date.In(chinaZone()).Format(txtTimeFmt)
}

func emlName(m *store.Mail) string {
	return fmt.Sprintf("mail-%d.eml", m.ID)
}
