package desk

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/validate"
)

// caseEditor is the 修改信息 dialog: it corrects the sponsor, certificate,
// filings, domains and contact of a registered case. The store validates
// and records the change in the history.
type caseEditor struct {
	v *caseDetail
	// c is the case as it was when the dialog opened. The detail behind
	// the dialog follows changes made elsewhere, but the dialog still shows
	// this version, so it is the one the edit must be based on: a save over
	// a change the clerk has not seen is refused (store.ConflictError), not
	// written over it.
	c      *store.Case
	dlg    *dialog.CustomDialog
	inputs map[string]*entry // by store field name (sponsor, cert-no, …)
	fields map[string]*field

	// The fields the checklist and due date follow from (store.CoreEdit).
	kind, channel, sponsorType *widget.Select
}

func (v *caseDetail) editButton() *widget.Button {
	return widget.NewButtonWithIcon(txtEditCase, fynetheme.DocumentCreateIcon(), v.openEditor)
}

func (v *caseDetail) openEditor() {
	c := v.c
	ed := &caseEditor{v: v, c: c, inputs: map[string]*entry{}, fields: map[string]*field{}}
	domains := make([]string, len(c.Domains))
	for i, d := range c.Domains {
		domains[i] = validate.DomainUnicode(d)
	}
	rows := []struct {
		name, label, value string
		lines              int
	}{
		{"sponsor", txtFieldSponsor, c.Sponsor, 0},
		{"cert-no", txtDetCertNo, c.CertNo, 0},
		{"provider", txtFieldProvider, c.Provider, 0},
		{"contact", txtFieldContact, c.Contact, 0},
		{"phone", txtFieldPhone, c.Phone, 0},
		{"filing", txtFieldFilings, strings.Join(c.Filings, "\n"), 3},
		{"domain", txtFieldDomains, strings.Join(domains, "\n"), 3},
		{"note", txtFieldNote, c.Note, 2},
	}
	var fields []*field
	// Receipt time, kind, channel and sponsor type: correcting them
	// recomputes the checklist and the due date (the store decides how).
	recv := newEntry(v.d)
	recv.SetText(c.ReceivedAt.In(chinaZone()).Format(editTimeLayout))
	ed.inputs["received"] = recv
	ed.kind = newSelect(kindLabels(), nil)
	ed.kind.SetSelectedIndex(indexOfKind(c.Kind))
	ed.channel = newSelect(channelLabels(), nil)
	ed.channel.SetSelectedIndex(indexOfChannel(c.Channel))
	ed.sponsorType = newSelect(sponsorTypeLabels(), nil)
	for i, st := range rules.SponsorTypes() {
		if st == c.SponsorType {
			ed.sponsorType.SetSelectedIndex(i)
		}
	}
	for _, r := range []struct {
		name, label string
		obj         fyne.CanvasObject
	}{
		{"received", txtFieldReceived, recv}, {"kind", txtFieldKind, ed.kind},
		{"channel", txtFieldChannel, ed.channel}, {"sponsor-type", txtFieldSponsorT, ed.sponsorType},
	} {
		f := newField(r.label, r.obj, "")
		ed.fields[r.name] = f
		fields = append(fields, f)
	}
	for _, r := range rows {
		e := newEntry(v.d)
		if r.lines > 0 {
			e = newTextArea(v.d, r.lines)
		}
		e.SetText(r.value)
		f := newField(r.label, e, "")
		ed.inputs[r.name], ed.fields[r.name] = e, f
		fields = append(fields, f)
	}
	save := widget.NewButtonWithIcon(txtSave, fynetheme.DocumentSaveIcon(), ed.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(txtCancel, nil)
	content := container.NewBorder(nil, container.NewHBox(save, cancel), nil, nil,
		container.NewVScroll(formGrid(fields...)))
	ed.dlg = dialog.NewCustomWithoutButtons(txtEditCase+" "+c.Number, content, v.d.win)
	cancel.OnTapped = ed.dlg.Hide
	v.d.keyed(ed.dlg, nil, ed.dlg.Hide, nil)
	ed.dlg.Resize(fyne.NewSize(720, 620))
	ed.dlg.Show()
	v.editor = ed
}

func (ed *caseEditor) save() {
	for _, f := range ed.fields {
		f.setError("")
	}
	text := func(name string) *string { s := ed.inputs[name].Text; return &s }
	edit := store.CaseEdit{
		Sponsor: text("sponsor"), CertNo: text("cert-no"), Provider: text("provider"),
		Contact: text("contact"), Phone: text("phone"), Note: text("note"),
		Filings: texts(lines(ed.inputs["filing"].Text)),
		Domains: texts(lines(ed.inputs["domain"].Text)),
	}
	recv, err := time.ParseInLocation(editTimeLayout, strings.TrimSpace(ed.inputs["received"].Text), chinaZone())
	if err != nil {
		ed.fields["received"].setError(txtEditBadTime)
		return
	}
	kind := string(rules.Kinds()[max(0, ed.kind.SelectedIndex())])
	channel := string(rules.Channels()[max(0, ed.channel.SelectedIndex())])
	st := string(rules.SponsorTypes()[max(0, ed.sponsorType.SelectedIndex())])
	v := ed.v
	if !recv.Equal(ed.c.ReceivedAt.Truncate(time.Minute)) {
		edit.Core.ReceivedAt = &recv
	}
	edit.Core.Kind, edit.Core.Channel, edit.Core.SponsorType = &kind, &channel, &st
	_, err = v.book.UpdateCase(v.d.ctx, ed.c.ID, ed.c.Version, edit, v.d.clerk())
	var fe *store.FieldError
	switch {
	case errors.As(err, &fe) && ed.fields[fe.Field] != nil:
		ed.fields[fe.Field].setError(fe.Err.Error())
		return
	case err != nil:
		v.d.showError(err)
		return
	}
	ed.dlg.Hide()
	v.d.changed()
	v.reload()
}

// editTimeLayout is how 修改信息 shows and reads the receipt time (China
// time, to the minute).
const editTimeLayout = "2006-01-02 15:04"
