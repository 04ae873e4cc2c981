package desk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/mail"
	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/validate"
)

// Keys of NewCase.Details written by the form.
const (
	detailFaxPages   = "fax_pages"
	detailFaxTime    = "fax_time"
	detailTracking   = "post_tracking"
	detailPostSender = "post_sender"
	detailVisitor    = "counter_visitor"
)

// registerView is 登记: the form for a new case, also used to confirm the
// fields proposed from a mail.
type registerView struct {
	d    *Desk
	book registerBook
	obj  fyne.CanvasObject

	title       *widget.Label
	kind        *widget.Select
	channel     *widget.Select
	received    *entry
	sponsorType *widget.RadioGroup
	applicant   *widget.RadioGroup
	sponsor     *entry
	certNo      *entry
	contact     *entry
	phone       *entry
	provider    *entry
	filings     *entry
	domains     *entry
	note        *entry
	faxPages    *entry
	faxTime     *entry
	tracking    *entry
	postSender  *entry
	visitor     *entry
	mailLabel   *widget.Label
	materials   *widget.Label
	scanBox     *fyne.Container
	status      *widget.Label
	saveBt      *widget.Button

	// fields by the store's field names (FieldError.Field) and the
	// form's own keys.
	fields map[string]*field

	mail  *store.Mail
	scans []string
	busy  bool
}

func newRegisterView(d *Desk, book registerBook) *registerView {
	v := &registerView{d: d, book: book, fields: map[string]*field{}}
	v.title = heading(txtRegHeading)

	v.kind = newSelect(kindLabels(), func(string) { v.kindChanged() })
	v.channel = newSelect(channelLabels(), func(string) { v.channelChanged() })
	v.received = newEntry(d)
	v.received.SetPlaceHolder(txtHintTime)
	v.received.OnChanged = func(string) { v.checkReceived() }
	nowBt := widget.NewButton(txtRegNow, func() { v.received.SetText(txtNowWord) })
	v.sponsorType = widget.NewRadioGroup(sponsorTypeLabels(), func(string) { v.kindChanged(); v.checkCert() })
	v.sponsorType.Horizontal = true
	v.sponsorType.Required = true
	v.applicant = widget.NewRadioGroup(applicantLabels(), func(string) { v.kindChanged() })
	v.applicant.Horizontal = true
	v.applicant.Required = true

	v.sponsor = newEntry(d)
	v.certNo = newEntry(d)
	v.certNo.OnChanged = func(string) { v.checkCert() }
	v.contact = newEntry(d)
	v.phone = newEntry(d)
	v.phone.OnChanged = func(string) { v.checkPhone() }
	v.provider = newEntry(d)
	v.filings = newTextArea(d, 3)
	v.filings.SetPlaceHolder(txtHintFilings)
	v.filings.OnChanged = func(string) {
		v.checkFilings()
		if v.kindCode() == rules.KindConflict {
			v.kindChanged() // the materials follow the stage
		}
	}
	v.domains = newTextArea(d, 3)
	v.domains.SetPlaceHolder(txtHintDomains)
	v.domains.OnChanged = func(string) { v.checkDomains() }
	v.note = newTextArea(d, 2)
	v.faxPages = newEntry(d)
	v.faxPages.SetPlaceHolder(txtHintPages)
	v.faxPages.OnChanged = func(string) { v.checkPages() }
	v.faxTime = newEntry(d)
	v.faxTime.SetPlaceHolder(txtHintTime)
	v.faxTime.OnChanged = func(string) { v.checkFaxTime() }
	v.tracking = newEntry(d)
	v.postSender = newEntry(d)
	v.visitor = newEntry(d)
	v.mailLabel = widget.NewLabel(txtMailNone)
	v.mailLabel.Wrapping = fyne.TextWrapWord
	unlink := widget.NewButton(txtUnlinkMail, func() { v.setMail(nil) })
	v.materials = widget.NewLabel("")
	v.materials.Wrapping = fyne.TextWrapWord
	v.scanBox = container.NewVBox()
	addScan := widget.NewButtonWithIcon(txtAddScans, fynetheme.ContentAddIcon(), func() {
		d.openFile(func(path string) { v.scans = append(v.scans, path); v.showScans() })
	})

	add := func(key, label string, input fyne.CanvasObject, hint string) *field {
		f := newField(label, input, hint)
		v.fields[key] = f
		return f
	}
	// Fields checked as the clerk types keep their error line's space.
	checked := func(key, label string, input fyne.CanvasObject) *field {
		return add(key, label, input, "").reserveError()
	}
	left := formGrid(
		add("kind", txtFieldKind, v.kind, ""),
		add("channel", txtFieldChannel, v.channel, ""),
		checked("received", txtFieldReceived, container.NewBorder(nil, nil, nil, nowBt, v.received)),
		add("sponsor-type", txtFieldSponsorT, v.sponsorType, ""),
		add("applicant", txtFieldApplicant, v.applicant, ""),
		add("sponsor", txtFieldSponsor, v.sponsor, ""),
		checked("cert-no", txtFieldCertOrg, v.certNo),
		add("contact", txtFieldContact, v.contact, ""),
		checked("phone", txtFieldPhone, v.phone),
		add("provider", txtFieldProvider, v.provider, ""),
		checked(detailFaxPages, txtFieldFaxPages, v.faxPages),
		checked(detailFaxTime, txtFieldFaxTime, v.faxTime),
		add(detailTracking, txtFieldTracking, v.tracking, ""),
		add(detailPostSender, txtFieldSender, v.postSender, ""),
		add(detailVisitor, txtFieldVisitor, v.visitor, ""),
		add("mail", txtFieldMail, container.NewBorder(nil, nil, nil, unlink, v.mailLabel), ""),
	)
	right := formGrid(
		checked("filing", txtFieldFilings, v.filings),
		checked("domain", txtFieldDomains, v.domains),
		add("note", txtFieldNote, v.note, ""),
		add("materials", txtFieldMaterials, v.materials, ""),
		add("scans", txtFieldScans, container.NewVBox(v.scanBox, container.NewHBox(addScan)), ""),
	)

	v.saveBt = widget.NewButtonWithIcon(txtRegSave, fynetheme.DocumentSaveIcon(), v.save)
	v.saveBt.Importance = widget.HighImportance
	clear := widget.NewButton(txtRegClear, v.askReset)
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord

	form := container.NewGridWithColumns(2, left, right)
	buttons := container.NewBorder(nil, nil, container.NewHBox(v.saveBt, clear), nil, v.status)
	v.obj = container.NewBorder(v.title, container.NewPadded(buttons), nil, nil, container.NewVScroll(form))
	v.reset()
	// Any edit after a save clears its "已登记" confirmation, which would
	// otherwise read as if it were about the form now shown.
	for _, e := range v.texts() {
		prev := e.OnChanged
		e.OnChanged = func(s string) {
			if prev != nil {
				prev(s)
			}
			v.edited()
		}
	}
	return v
}

// texts are the form's text inputs.
func (v *registerView) texts() []*entry {
	return []*entry{v.sponsor, v.certNo, v.contact, v.phone, v.provider, v.filings,
		v.domains, v.note, v.faxPages, v.faxTime, v.tracking, v.postSender, v.visitor}
}

// edited drops a success message once the form changes.
func (v *registerView) edited() {
	if v.status.Importance == widget.SuccessImportance && v.status.Text != "" {
		v.status.SetText("")
		v.status.Importance = widget.MediumImportance
	}
}

// filled reports whether the clerk typed or attached anything.
func (v *registerView) filled() bool {
	for _, e := range v.texts() {
		if strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return len(v.scans) > 0 || v.mail != nil
}

// askReset is 清空: it asks first when there is something to lose.
func (v *registerView) askReset() {
	if !v.filled() {
		v.reset()
		return
	}
	v.d.confirm(txtClearTitle, txtClearAsk, txtRegClear, v.reset)
}

// mailsChanged drops the pre-fill of a mail that was meanwhile ignored or
// linked to a case elsewhere, so that saving the form does not link it
// silently.
func (v *registerView) mailsChanged() {
	m := v.mail
	if m == nil {
		return
	}
	id := m.ID
	v.d.bg(func() func() {
		cur, err := v.book.Mail(v.d.ctx, id)
		return func() {
			if v.mail == nil || v.mail.ID != id {
				return
			}
			if err == nil && cur.State == store.MailNew && cur.CaseID == nil {
				return
			}
			v.reset()
			v.status.Importance = widget.WarningImportance
			v.status.SetText(fmt.Sprintf(txtRegMailGone, mailSubject(m)))
		}
	})
}

// reset empties the form for a new case received now.
func (v *registerView) reset() {
	v.title.SetText(txtRegHeading)
	v.mail = nil
	v.kind.SetSelectedIndex(0)
	v.channel.SetSelectedIndex(indexOfChannel(rules.ChannelFax))
	v.sponsorType.SetSelected(rules.SponsorOrg.Label())
	v.applicant.SetSelected(rules.ApplicantLegal.Label())
	for _, e := range v.texts() {
		e.SetText("")
	}
	// "现在" until the clerk types a time: the moment of 登记 is taken
	// when it is clicked, not when the form was last cleared.
	v.received.SetText(txtNowWord)
	v.scans = nil
	v.showScans()
	v.setMail(nil)
	for _, f := range v.fields {
		f.setError("")
	}
	v.status.SetText("")
	v.kindChanged()
	v.channelChanged()
}

// focus puts the cursor in the first text field.
func (v *registerView) focus() {
	if c := v.d.win.Canvas(); c != nil {
		c.Focus(v.sponsor)
	}
}

// fromMail fills the form with what the parser proposed from m, for the
// clerk to confirm, and links m to the new case.
func (v *registerView) fromMail(m *store.Mail) {
	v.reset()
	p := mail.ProposalOf(m)
	v.title.SetText(fromMailTitle(p))
	if k, err := rules.ParseKind(p.Kind); err == nil {
		v.kind.SetSelectedIndex(indexOfKind(k))
	}
	st := p.SponsorType
	if st == "" {
		switch {
		case len(p.USCCs) > 0:
			st = string(rules.SponsorOrg)
		case len(p.IDNumbers) > 0:
			st = string(rules.SponsorPerson)
		}
	}
	if t, err := rules.ParseSponsorType(st); err == nil {
		v.sponsorType.SetSelected(t.Label())
	}
	v.sponsor.SetText(p.Sponsor)
	certs := p.USCCs
	if v.sponsorTypeCode() == rules.SponsorPerson {
		certs = p.IDNumbers
	}
	if len(certs) > 0 {
		v.certNo.SetText(certs[0])
	}
	v.filings.SetText(strings.Join(p.Filings, "\n"))
	domains := make([]string, len(p.Domains))
	for i, dm := range p.Domains {
		domains[i] = validate.DomainUnicode(dm)
	}
	v.domains.SetText(strings.Join(domains, "\n"))
	if len(p.Phones) > 0 {
		v.phone.SetText(p.Phones[0])
	}
	v.contact.SetText(p.Contact)
	v.provider.SetText(p.Provider)
	v.channel.SetSelectedIndex(indexOfChannel(rules.ChannelEmail))
	if !m.Date.IsZero() {
		v.received.SetText(m.Date.In(chinaZone()).Format(txtTimeFmt))
	}
	v.setMail(m)
	v.d.SelectTab(TabRegister)
}

func (v *registerView) setMail(m *store.Mail) {
	v.mail = m
	if m == nil {
		v.mailLabel.SetText(txtMailNone)
	} else {
		v.mailLabel.SetText(mailSubject(m) + "\n" + mailFrom(m) + "  " + mailDate(m))
	}
	v.channelChanged()
}

func (v *registerView) kindCode() rules.Kind {
	return rules.Kinds()[max(0, v.kind.SelectedIndex())]
}

func (v *registerView) channelCode() rules.Channel {
	return rules.Channels()[max(0, v.channel.SelectedIndex())]
}

func (v *registerView) sponsorTypeCode() rules.SponsorType {
	t, err := rules.ParseSponsorType(v.sponsorType.Selected)
	if err != nil {
		return rules.SponsorOrg
	}
	return t
}

func (v *registerView) applicantCode() rules.Applicant {
	a, err := rules.ParseApplicant(v.applicant.Selected)
	if err != nil || v.sponsorTypeCode() == rules.SponsorPerson {
		return rules.ApplicantLegal
	}
	return a
}

// kindChanged updates what depends on kind, sponsor type and applicant:
// the materials list, the applicant choice and the certificate label.
func (v *registerView) kindChanged() {
	if v.fields["applicant"] == nil {
		return
	}
	org := v.sponsorTypeCode() == rules.SponsorOrg
	v.fields["applicant"].show(org)
	if org {
		v.fields["cert-no"].label.SetText(txtFieldCertOrg)
	} else {
		v.fields["cert-no"].label.SetText(txtFieldCertPer)
	}
	// A conflict's list follows its stage, which the store derives from
	// whether filing numbers are given (rules.DefaultStage).
	stage := rules.DefaultStage(len(lines(v.filings.Text)))
	items := rules.MaterialsAt(v.kindCode(), v.sponsorTypeCode(), v.applicantCode(), stage)
	if len(items) == 0 {
		v.materials.SetText(txtNoMaterials)
		return
	}
	list := make([]string, len(items))
	for i, it := range items {
		list[i] = fmt.Sprintf("%d. %s", i+1, it)
	}
	v.materials.SetText(strings.Join(list, "\n"))
}

// channelChanged shows the details of the chosen channel.
func (v *registerView) channelChanged() {
	if v.fields["mail"] == nil {
		return
	}
	ch := v.channelCode()
	v.fields[detailFaxPages].show(ch == rules.ChannelFax)
	v.fields[detailFaxTime].show(ch == rules.ChannelFax)
	v.fields[detailTracking].show(ch == rules.ChannelPost)
	v.fields[detailPostSender].show(ch == rules.ChannelPost)
	v.fields[detailVisitor].show(ch == rules.ChannelCounter)
	v.fields["mail"].show(ch == rules.ChannelEmail)
	if ch == rules.ChannelFax {
		v.fields["provider"].label.SetText(txtFieldFaxProv)
	} else {
		v.fields["provider"].label.SetText(txtFieldProvider)
	}
}

func (v *registerView) showScans() {
	v.scanBox.Objects = nil
	if len(v.scans) == 0 {
		v.scanBox.Add(caption(txtNoScans))
	}
	for i, p := range v.scans {
		i := i
		name := widget.NewLabel(filepath.Base(p))
		name.Truncation = fyne.TextTruncateEllipsis
		v.scanBox.Add(container.NewBorder(nil, nil, nil, widget.NewButton(txtRemove, func() {
			v.scans = append(v.scans[:i:i], v.scans[i+1:]...)
			v.showScans()
		}), name))
	}
	v.scanBox.Refresh()
}

// base is a valid case around one field under test, so that
// NewCase.Validate reports exactly that field's problem.
func (v *registerView) base() store.NewCase {
	return store.NewCase{
		Kind: string(v.kindCode()), Channel: string(v.channelCode()), ReceivedAt: v.d.now(),
		SponsorType: string(v.sponsorTypeCode()), Applicant: string(v.applicantCode()),
	}
}

// fieldMessage is the message of err for the field key: a partial case
// checked for one field may fail on another (a fax without its provider
// yet), which that field reports itself when the case is saved.
func fieldMessage(key string, err error) string {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		if fe.Field != key {
			return ""
		}
		return fe.Err.Error()
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// parseTime reads "2006-01-02 15:04" (or a bare date) as China time.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == txtNowWord {
		return time.Time{}, errors.New(txtBadTime)
	}
	for _, layout := range []string{txtTimeFmt, "2006-01-02 15:04:05", txtDateFmt, "2006/1/2 15:04", "2006/1/2"} {
		if t, err := time.ParseInLocation(layout, s, chinaZone()); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New(txtBadTime)
}

// parseTimeOrNow is parseTime that also takes "现在" (or nothing) as the
// moment now.
func parseTimeOrNow(s string, now time.Time) (time.Time, error) {
	if s = strings.TrimSpace(s); s == "" || s == txtNowWord {
		return now, nil
	}
	t, err := parseTime(s)
	if err != nil {
		return t, errors.New(txtBadTimeOrNow)
	}
	return t, nil
}

func (v *registerView) checkReceived() bool {
	t, err := parseTimeOrNow(v.received.Text, v.d.now())
	switch {
	case err != nil:
		v.fields["received"].setError(err.Error())
		return false
	case t.After(v.d.now().Add(time.Minute)):
		v.fields["received"].setWarning(txtTimeLater)
	default:
		v.fields["received"].setError("")
	}
	return true
}

func (v *registerView) checkCert() bool {
	if v.fields["cert-no"] == nil {
		return true
	}
	in := v.base()
	in.CertNo = v.certNo.Text
	msg := fieldMessage("cert-no", in.Validate())
	v.fields["cert-no"].setError(msg)
	return msg == ""
}

func (v *registerView) checkPhone() bool {
	in := v.base()
	in.Phone = v.phone.Text
	msg := fieldMessage("phone", in.Validate())
	v.fields["phone"].setError(msg)
	return msg == ""
}

// checkLines validates a multi-line field line by line with the store's
// own validation; set puts one line in the case.
func (v *registerView) checkLines(key, text string, set func(*store.NewCase, string), warn func(string) string) bool {
	var errs, warns []string
	for i, line := range lines(text) {
		in := v.base()
		set(&in, line.text)
		if msg := fieldMessage(key, in.Validate()); msg != "" {
			errs = append(errs, fmt.Sprintf(txtLineErr, i+1, msg))
			continue
		}
		if warn != nil {
			if w := warn(line.text); w != "" {
				warns = append(warns, w)
			}
		}
	}
	switch {
	case len(errs) > 0:
		v.fields[key].setError(strings.Join(errs, "\n"))
		return false
	case len(warns) > 0:
		v.fields[key].setWarning(strings.Join(warns, "\n"))
	default:
		v.fields[key].setError("")
	}
	return true
}

func (v *registerView) checkFilings() bool {
	return v.checkLines("filing", v.filings.Text,
		func(in *store.NewCase, s string) { in.Filings = []string{s} },
		func(s string) string {
			f, err := validate.ParseFiling(s)
			if err != nil {
				return ""
			}
			return validate.FilingWarning(f)
		})
}

func (v *registerView) checkDomains() bool {
	return v.checkLines("domain", v.domains.Text,
		func(in *store.NewCase, s string) { in.Domains = []string{s} }, nil)
}

func (v *registerView) checkPages() bool {
	s := strings.TrimSpace(v.faxPages.Text)
	if s == "" {
		v.fields[detailFaxPages].setError("")
		return true
	}
	if n, err := strconv.Atoi(s); err != nil || n <= 0 {
		v.fields[detailFaxPages].setError(txtPagesErr)
		return false
	}
	v.fields[detailFaxPages].setError("")
	return true
}

func (v *registerView) checkFaxTime() bool {
	if strings.TrimSpace(v.faxTime.Text) == "" {
		v.fields[detailFaxTime].setError("")
		return true
	}
	if _, err := parseTime(v.faxTime.Text); err != nil {
		v.fields[detailFaxTime].setError(err.Error())
		return false
	}
	v.fields[detailFaxTime].setError("")
	return true
}

type line struct{ text string }

func lines(s string) []line {
	var out []line
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, line{t})
		}
	}
	return out
}

func texts(ls []line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// newCase collects the form.
func (v *registerView) newCase() store.NewCase {
	recv, _ := parseTimeOrNow(v.received.Text, v.d.now())
	in := store.NewCase{
		Kind: string(v.kindCode()), Channel: string(v.channelCode()), ReceivedAt: recv,
		SponsorType: string(v.sponsorTypeCode()), Applicant: string(v.applicantCode()),
		Sponsor: v.sponsor.Text, CertNo: v.certNo.Text, Contact: v.contact.Text, Phone: v.phone.Text,
		Provider: v.provider.Text, Filings: texts(lines(v.filings.Text)), Domains: texts(lines(v.domains.Text)),
		Note: strings.TrimSpace(v.note.Text), Details: map[string]string{},
	}
	put := func(key string, e *entry) {
		if s := strings.TrimSpace(e.Text); s != "" {
			in.Details[key] = s
		}
	}
	switch v.channelCode() {
	case rules.ChannelFax:
		put(detailFaxPages, v.faxPages)
		put(detailFaxTime, v.faxTime)
	case rules.ChannelPost:
		put(detailTracking, v.tracking)
		put(detailPostSender, v.postSender)
	case rules.ChannelCounter:
		put(detailVisitor, v.visitor)
	case rules.ChannelEmail:
		if v.mail != nil {
			in.MailIDs = []int64{v.mail.ID}
		}
	}
	return in
}

// save validates every field, registers the case and attaches the scans.
func (v *registerView) save() {
	if v.busy {
		return
	}
	ok := v.checkReceived()
	ok = v.checkCert() && ok
	ok = v.checkPhone() && ok
	ok = v.checkFilings() && ok
	ok = v.checkDomains() && ok
	if v.channelCode() == rules.ChannelFax {
		ok = v.checkPages() && ok
		ok = v.checkFaxTime() && ok
	}
	if !ok {
		v.status.Importance = widget.DangerImportance
		v.status.SetText(txtRegFixErrors)
		return
	}
	in := v.newCase()
	scans := append([]string{}, v.scans...)
	clerk := v.d.clerk()
	v.busy = true
	v.saveBt.Disable()
	v.status.Importance = widget.MediumImportance
	v.status.SetText(txtWorking)
	v.d.bg(func() func() {
		c, err := v.book.CreateCase(v.d.ctx, in, clerk)
		var scanErrs []string
		if err == nil {
			for _, p := range scans {
				if err := addScan(v.d.ctx, v.book, c.ID, p, clerk); err != nil {
					scanErrs = append(scanErrs, fmt.Sprintf(txtScanFailed, filepath.Base(p), err))
				}
			}
		}
		return func() {
			v.busy = false
			v.saveBt.Enable()
			if err != nil {
				v.saveFailed(err)
				return
			}
			v.reset()
			msg := fmt.Sprintf(txtRegDoneNoDue, c.Number)
			if c.Due != "" {
				msg = fmt.Sprintf(txtRegDone, c.Number, c.Due)
			}
			for _, w := range c.Warnings {
				msg += "\n" + fmt.Sprintf(txtRegWarn, w)
			}
			for _, e := range scanErrs {
				msg += "\n" + e
			}
			v.status.Importance = widget.SuccessImportance
			v.status.SetText(msg)
			v.d.changed()
		}
	})
}

// addScan stores the file at path with a case.
func addScan(ctx context.Context, book caseFiler, caseID int64, path, clerk string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = book.AddCaseFile(ctx, caseID, filepath.Base(path), f, clerk)
	return err
}

// saveFailed shows a store error next to its field.
func (v *registerView) saveFailed(err error) {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		if f := v.fields[fe.Field]; f != nil {
			f.setError(fe.Err.Error())
			v.status.Importance = widget.DangerImportance
			v.status.SetText(txtRegFixErrors)
			return
		}
	}
	v.status.Importance = widget.DangerImportance
	v.status.SetText(v.d.errText(err))
}

func kindLabels() []string {
	var out []string
	for _, k := range rules.Kinds() {
		out = append(out, k.Label())
	}
	return out
}

func channelLabels() []string {
	var out []string
	for _, c := range rules.Channels() {
		out = append(out, c.Label())
	}
	return out
}

func sponsorTypeLabels() []string {
	var out []string
	for _, t := range rules.SponsorTypes() {
		out = append(out, t.Label())
	}
	return out
}

func applicantLabels() []string {
	var out []string
	for _, a := range rules.Applicants() {
		out = append(out, a.Label())
	}
	return out
}

func indexOfKind(k rules.Kind) int {
	for i, x := range rules.Kinds() {
		if x == k {
			return i
		}
	}
	return 0
}

func indexOfChannel(c rules.Channel) int {
	for i, x := range rules.Channels() {
		if x == c {
			return i
		}
	}
	return 0
}
