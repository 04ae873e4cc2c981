package desk

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
	"beiandesk/ui/theme"
)

// Labels of the channel details stored in Case.Details.
var detailLabels = []struct{ key, label string }{
	{detailFaxPages, txtFieldFaxPages}, {detailFaxTime, txtFieldFaxTime},
	{detailTracking, txtFieldTracking}, {detailPostSender, txtFieldSender},
	{detailVisitor, txtFieldVisitor},
}

// caseDetail shows one case: its fields, the materials checklist, the
// allowed status moves, the 退回补正 notice, the history, linked mails and
// files.
type caseDetail struct {
	d      *Desk
	book   detailBook
	obj    fyne.CanvasObject
	back   func()
	scroll *container.Scroll
	title  *widget.Label
	// bar holds the status moves under the scrolled page, always in view.
	bar  *fyne.Container
	page *fyne.Container

	c       *store.Case
	history []store.Event
	files   []store.Attachment
	mails   []*store.Mail
	days    int
	cal     *workday.Calendar
	gen     int

	// Widgets of the loaded case, for tests.
	items   []*checkRow
	moves   map[rules.Status]*widget.Button
	at      *entry
	note    *entry
	notice  *widget.Label
	atField *field
	editor  *caseEditor
}

type checkRow struct {
	radio  *widget.RadioGroup
	reason *entry
	save   *widget.Button
}

func newCaseDetail(d *Desk, book detailBook, back func()) *caseDetail {
	v := &caseDetail{d: d, book: book, back: back}
	v.title = heading("")
	backBt := widget.NewButtonWithIcon(txtBackToList, fynetheme.NavigateBackIcon(), back)
	v.scroll = container.NewVScroll(widget.NewLabel(""))
	v.bar = container.NewStack()
	v.page = container.NewBorder(container.NewBorder(nil, nil, backBt, nil, v.title), v.bar, nil, nil, v.scroll)
	v.obj = v.page
	return v
}

// load reads a case and everything shown with it, then shows it.
func (v *caseDetail) load(id int64) {
	v.gen++
	gen := v.gen
	if v.c == nil || v.c.ID != id {
		v.title.SetText(txtLoading)
		v.scroll.Content = widget.NewLabel("")
		v.scroll.Offset = fyne.Position{}
		v.scroll.Refresh()
		v.bar.Objects = nil
		v.page.Refresh()
	}
	v.d.bg(func() func() {
		ctx := v.d.ctx
		c, err := v.book.Case(ctx, id)
		var hist []store.Event
		var files []store.Attachment
		var mails []*store.Mail
		var days int
		var cal *workday.Calendar
		if err == nil {
			hist, err = v.book.History(ctx, id)
		}
		if err == nil {
			files, err = v.book.CaseFiles(ctx, id)
		}
		if err == nil {
			for _, mid := range c.MailIDs {
				if m, err := v.book.Mail(ctx, mid); err == nil {
					mails = append(mails, m)
				}
			}
			days, _ = v.book.DeadlineDays(ctx, c.Kind)
			cal, _ = v.book.Calendar(ctx)
		}
		return func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.title.SetText(fmt.Sprintf(txtCaseFailed, v.d.errText(err)))
				return
			}
			v.c, v.history, v.files, v.mails, v.days, v.cal = c, hist, files, mails, days, cal
			v.build()
		}
	})
}

func (v *caseDetail) reload() {
	if v.c != nil {
		v.load(v.c.ID)
	}
}

// build lays out the loaded case. The page keeps its scroll position when
// the same case is built again (after a check or a move), and the moves
// sit in a bar under it that never scrolls away.
func (v *caseDetail) build() {
	c := v.c
	v.title.SetText(c.Number + "  " + c.Status.Label())
	offset := v.scroll.Offset
	parts := []fyne.CanvasObject{v.infoSection(), widget.NewSeparator()}
	if len(c.Materials) > 0 {
		parts = append(parts, heading(txtChecklist), v.checklistSection(), widget.NewSeparator())
	} else {
		v.items = nil
	}
	if n := v.nationalSection(); n != nil {
		parts = append(parts, heading(txtNational), n, widget.NewSeparator())
	}
	if n := v.noticeSection(); n != nil {
		parts = append(parts, heading(txtNotice), n, widget.NewSeparator())
	} else {
		v.notice = nil
	}
	parts = append(parts, heading(txtNotices), v.noticeActions(), widget.NewSeparator())
	parts = append(parts, heading(txtHistory), v.historySection(),
		widget.NewSeparator(), heading(txtLinkedMails), v.mailSection(),
		widget.NewSeparator(), heading(txtCaseFiles), v.fileSection())
	v.scroll.Content = container.NewPadded(container.NewVBox(parts...))
	v.scroll.Refresh()
	v.scroll.ScrollToOffset(offset)
	v.bar.Objects = []fyne.CanvasObject{container.NewVBox(widget.NewSeparator(), v.actionSection())}
	// The bar's height changed: lay the page out again.
	v.page.Refresh()
}

func (v *caseDetail) infoSection() fyne.CanvasObject {
	c := v.c
	row := func(label, value string) *field {
		l := widget.NewLabel(orDash(value))
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		return newField(label, l, "")
	}
	sponsorType := c.SponsorType.Label()
	if c.SponsorType == rules.SponsorOrg && len(c.Materials) > 0 {
		sponsorType += " · " + c.Applicant.Label()
	}
	domains := make([]string, len(c.Domains))
	for i, dm := range c.Domains {
		domains[i] = validate.DomainUnicode(dm)
		if domains[i] != dm {
			domains[i] += "(" + dm + ")"
		}
	}
	left := []*field{
		row(txtFieldKind, c.Kind.Label()),
		row(txtFieldChannel, c.Channel.Label()),
		row(txtFieldSponsor, c.Sponsor),
		row(txtFieldSponsorT, sponsorType),
		row(txtDetCertNo, c.CertNo),
		row(txtFieldFilings, strings.Join(c.Filings, "\n")),
		row(txtFieldDomains, strings.Join(domains, "\n")),
	}
	due := txtDetNoDue
	level := theme.UrgencyOK
	if c.Due != "" {
		level, due = dueLabel(v.cal, v.d.now(), c)
	}
	dueText := canvas.NewText(due, urgencyColor(level))
	dueText.TextStyle.Bold = level != theme.UrgencyOK
	right := []*field{
		row(txtDetReceived, c.ReceivedAt.In(chinaZone()).Format(txtTimeFmt)),
		newField(txtDetDue, container.New(&vCenter{}, dueText), ""),
	}
	if c.ClosedAt != nil {
		right = append(right, row(txtDetClosed, c.ClosedAt.In(chinaZone()).Format(txtTimeFmt)))
	}
	provider := txtFieldProvider
	if c.Channel == rules.ChannelFax {
		provider = txtFieldFaxProv
	}
	right = append(right, row(provider, c.Provider), row(txtFieldContact, c.Contact), row(txtFieldPhone, c.Phone))
	for _, dl := range detailLabels {
		if s := c.Details[dl.key]; s != "" {
			right = append(right, row(dl.label, s))
		}
	}
	if c.Note != "" {
		right = append(right, row(txtFieldNote, c.Note))
	}
	return container.NewVBox(container.NewGridWithColumns(2, formGrid(left...), formGrid(right...)),
		container.NewHBox(v.editButton()))
}

func (v *caseDetail) editable() bool {
	return v.c.Status == rules.StatusReceived || v.c.Status == rules.StatusReturned
}

func (v *caseDetail) checklistSection() fyne.CanvasObject {
	c := v.c
	var states []string
	for _, s := range rules.ItemStates() {
		states = append(states, s.Label())
	}
	v.items = nil
	rows := container.NewVBox()
	for i, it := range c.Materials {
		n := i + 1
		r := &checkRow{}
		r.radio = widget.NewRadioGroup(states, nil)
		r.radio.Horizontal = true
		r.radio.Required = true
		r.radio.SetSelected(it.State.Label())
		r.reason = newEntry(v.d)
		r.reason.SetPlaceHolder(txtCheckReason)
		r.reason.SetText(it.Note)
		r.save = widget.NewButton(txtCheckSave, nil)
		reasonBox := container.NewBorder(nil, nil, nil, r.save, r.reason)
		if it.State != rules.ItemDefective {
			reasonBox.Hide()
		}
		saveDefect := func() {
			if strings.TrimSpace(r.reason.Text) == "" {
				v.d.info(txtChecklist, txtCheckNeedNote)
				return
			}
			v.check(n, rules.ItemDefective, r.reason.Text)
		}
		r.save.OnTapped = saveDefect
		r.reason.OnSubmitted = func(string) { saveDefect() }
		r.radio.OnChanged = func(label string) {
			st, err := rules.ParseItemState(label)
			if err != nil {
				return
			}
			if st == rules.ItemDefective {
				reasonBox.Show()
				v.d.win.Canvas().Focus(r.reason)
				return
			}
			reasonBox.Hide()
			if st != it.State {
				v.check(n, st, "")
			}
		}
		if !v.editable() {
			r.radio.Disable()
			r.reason.Disable()
			r.save.Disable()
		}
		name := widget.NewLabel(fmt.Sprintf("%d. %s", n, it.Item))
		name.Wrapping = fyne.TextWrapWord
		v.items = append(v.items, r)
		rows.Add(container.NewGridWithColumns(2, name, container.NewVBox(r.radio, reasonBox)))
	}
	if v.editable() {
		rows.Add(v.addItemRow())
	}
	return rows
}

// check records the check of material n.
func (v *caseDetail) check(n int, st rules.ItemState, note string) {
	id, version := v.c.ID, v.c.Version
	clerk := v.d.clerk()
	v.d.bg(func() func() {
		_, err := v.book.CheckItem(v.d.ctx, id, version, n, st, note, clerk)
		return func() {
			if err != nil {
				v.d.showError(err)
			}
			v.reload()
		}
	})
}

func (v *caseDetail) actionSection() fyne.CanvasObject {
	c := v.c
	v.moves = map[rules.Status]*widget.Button{}
	allowed := rules.Allowed(c.Status)
	if len(allowed) == 0 {
		return widget.NewLabel(txtNoActions)
	}
	// "现在" until the clerk types a time: a move clicked minutes after
	// the page opened is recorded at the click.
	v.at = newEntry(v.d)
	v.at.SetText(txtNowWord)
	v.at.SetPlaceHolder(txtHintTime)
	v.note = newEntry(v.d)
	v.note.SetPlaceHolder(txtActionNoteHint)
	v.atField = newField(txtActionAt, v.at, "").reserveError()
	v.at.OnChanged = func(s string) {
		if _, err := parseTimeOrNow(s, v.d.now()); err != nil {
			v.atField.setError(err.Error())
		} else {
			v.atField.setError("")
		}
	}
	buttons := container.NewHBox()
	var blocked fyne.CanvasObject
	for _, to := range allowed {
		to := to
		b := widget.NewButton(moveLabels[to], func() { v.move(to) })
		switch to {
		case rules.StatusAccepted, rules.StatusDone:
			b.Importance = widget.HighImportance
		case rules.StatusRejected:
			b.Importance = widget.DangerImportance
		}
		if to == rules.StatusAccepted && !c.Complete() {
			b.Disable()
			l := widget.NewLabel(txtAcceptBlocked)
			l.SizeName = fynetheme.SizeNameCaptionText
			blocked = l
		}
		v.moves[to] = b
		buttons.Add(b)
	}
	at := container.NewBorder(nil, nil, v.atField.label, nil, fixedWidth(190, v.atField.box))
	noteField := newField(txtActionNote, v.note, "").reserveError()
	inputs := container.NewBorder(nil, nil, at, nil,
		container.NewBorder(nil, nil, noteField.label, nil, noteField.box))
	row := container.NewBorder(nil, nil, nil, blocked, buttons)
	return container.NewVBox(inputs, row)
}

// move asks for confirmation, then moves the case.
func (v *caseDetail) move(to rules.Status) {
	c := v.c
	clicked := v.d.now()
	at, err := parseTimeOrNow(v.at.Text, clicked)
	if err != nil {
		v.atField.setError(err.Error())
		return
	}
	note := strings.TrimSpace(v.note.Text)
	if to == rules.StatusRejected && note == "" {
		v.d.info(txtMoveTitle, txtRejectNeedNote)
		return
	}
	// A time entered to the minute that is the current minute means now.
	if !at.After(clicked) && clicked.Sub(at) < time.Minute {
		at = clicked
	}
	clerk := v.d.clerk()
	v.d.confirm(txtMoveTitle, fmt.Sprintf(txtMoveAsk, c.Number, c.Status.Label(), to.Label()), moveLabels[to], func() {
		v.d.bg(func() func() {
			_, err := v.book.MoveCase(v.d.ctx, c.ID, c.Version, to, at, note, clerk)
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				v.d.changed()
				v.reload()
			}
		})
	})
}

// noticeSection is the 退回补正 notice while materials are missing or
// defective, or nil.
func (v *caseDetail) noticeSection() fyne.CanvasObject {
	c := v.c
	if !v.editable() || len(c.Materials) == 0 || c.Complete() {
		return nil
	}
	text := v.returnNoticeText()
	// A selectable label, not a read-only entry: an entry scrolls itself
	// and swallows the mouse wheel, so the page stalled under it.
	v.notice = widget.NewLabel(text)
	v.notice.Wrapping = fyne.TextWrapWord
	v.notice.Selectable = true
	copied := widget.NewLabel("")
	copyBt := widget.NewButtonWithIcon(txtNoticeCopy, fynetheme.ContentCopyIcon(), func() {
		v.d.app.Clipboard().SetContent(text)
		copied.SetText(txtNoticeCopied)
	})
	return container.NewVBox(boxed(v.notice), container.NewHBox(copyBt, copied))
}

func (v *caseDetail) historySection() fyne.CanvasObject {
	box := container.NewVBox()
	for _, e := range v.history {
		what := e.Note
		if e.Action == "status" {
			what = fmt.Sprintf(txtHistoryMove, e.From.Label(), e.To.Label())
			if e.Note != "" {
				what += "  " + e.Note
			}
		}
		when := e.At.In(chinaZone()).Format(txtTimeFmt)
		if e.RecordedAt.Sub(e.At) > time.Hour {
			when += fmt.Sprintf(txtHistoryRec, e.RecordedAt.In(chinaZone()).Format(txtTimeFmt))
		}
		l := widget.NewLabel(fmt.Sprintf(txtHistoryLine, when, orDash(e.Clerk), what))
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	return box
}

func (v *caseDetail) mailSection() fyne.CanvasObject {
	if len(v.mails) == 0 {
		return caption(txtNone)
	}
	box := container.NewVBox()
	for _, m := range v.mails {
		m := m
		l := widget.NewLabel(mailSubject(m) + "  " + mailFrom(m) + "  " + mailDate(m))
		l.Truncation = fyne.TextTruncateEllipsis
		buttons := container.NewHBox(widget.NewButton(txtShowInInbox, func() {
			v.d.SelectTab(TabInbox)
			v.d.inbox.show(m.ID)
		}), widget.NewButton(txtUnlinkMail2, func() { v.unlink(m) }))
		box.Add(container.NewBorder(nil, nil, nil, buttons, l))
		for _, a := range m.Attachments {
			a := a
			name := widget.NewLabel("    " + fmt.Sprintf(txtSize, safeName(a.Name), humanSize(a.Size)))
			name.Truncation = fyne.TextTruncateEllipsis
			box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(
				widget.NewButton(txtOpen, func() { v.d.openBlob(a.SHA256, a.Name) }),
				widget.NewButton(txtSaveAs, func() { v.d.saveBlob(a.SHA256, a.Name) }),
			), name))
		}
	}
	return box
}

func (v *caseDetail) fileSection() fyne.CanvasObject {
	box := container.NewVBox()
	for _, a := range v.files {
		a := a
		name := widget.NewLabel(fmt.Sprintf(txtSize, safeName(a.Name), humanSize(a.Size)))
		name.Truncation = fyne.TextTruncateEllipsis
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(fynetheme.FileIcon()), container.NewHBox(
			widget.NewButton(txtOpen, func() { v.d.openBlob(a.SHA256, a.Name) }),
			widget.NewButton(txtSaveAs, func() { v.d.saveBlob(a.SHA256, a.Name) }),
		), name))
	}
	if len(v.files) == 0 {
		box.Add(caption(txtNone))
	}
	id := v.c.ID
	add := widget.NewButtonWithIcon(txtAddFile, fynetheme.ContentAddIcon(), func() {
		v.d.openFile(func(path string) {
			clerk := v.d.clerk()
			v.d.bg(func() func() {
				err := addScan(v.d.ctx, v.book, id, path, clerk)
				return func() {
					if err != nil {
						v.d.showError(err)
						return
					}
					v.reload()
				}
			})
		})
	})
	box.Add(container.NewHBox(add))
	return box
}

// unlink asks, then takes a mail off the case (recorded in the history).
func (v *caseDetail) unlink(m *store.Mail) {
	id := v.c.ID
	clerk := v.d.clerk()
	v.d.confirm(txtUnlinkTitle, fmt.Sprintf(txtUnlinkAsk, mailSubject(m), v.c.Number), txtUnlinkMail2, func() {
		v.d.bg(func() func() {
			err := v.book.UnlinkMail(v.d.ctx, id, m.ID, clerk)
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				v.d.changed()
				v.reload()
			}
		})
	})
}
