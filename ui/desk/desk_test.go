package desk

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
	"beiandesk/ui/theme"
)

// fakeMail stands in for the mail package: no network, no keyring.
type fakeMail struct{ syncs int }

func (f *fakeMail) Sync(ctx context.Context, db store.Book, s mailSettings, pw string, progress func(int, int)) (syncResult, error) {
	f.syncs++
	progress(1, 1)
	return syncResult{}, nil
}
func (f *fakeMail) Test(context.Context, mailSettings, string) error { return nil }
func (f *fakeMail) Describe(err error) string                        { return err.Error() }
func (f *fakeMail) Password(string, string) (string, string, error)  { return "pw", "test", nil }
func (f *fakeMail) SavePassword(string, string, string) error        { return nil }
func (f *fakeMail) ImportPaths(context.Context, store.Book, []string) (syncResult, error) {
	return syncResult{}, nil
}

// today in the tests is Monday 2026-10-12, 10:00 China time.
var testNow = time.Date(2026, 10, 12, 10, 0, 0, 0, workday.China())

// newTestDesk builds the whole window on a fresh database with the test
// driver, and waits for its first data.
func newTestDesk(t *testing.T) (*Desk, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	Setup(a)
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return testNow }
	w := test.NewWindow(nil)
	return runDesk(t, a, w, db, Options{DBPath: db.Path(), Clerk: "李娜", Version: "test"}), w
}

// runDesk opens the desk on db in w as the window would, with a fake mail
// service, and closes everything when the test ends.
func runDesk(t *testing.T, a fyne.App, w fyne.Window, db store.Book, opt Options) *Desk {
	t.Helper()
	d := newDesk(context.Background(), a, w, db, opt)
	d.mail = &fakeMail{}
	t.Cleanup(func() {
		d.wait()
		d.Close()
		w.Close()
		db.Close()
	})
	holdUI(t, d)
	w.SetContent(d.content())
	w.Resize(fyne.NewSize(1280, 760))
	d.start()
	d.wait()
	return d
}

// holdUI makes the test's goroutine the window's goroutine, as it is in the
// real app: Fyne's test driver runs a job's completion (and anything sent
// with fyne.Do) on the job's own goroutine, so the test holds the lock
// those take turns on, and lets them run only while it waits (d.wait,
// d.pause). Cleanup lets go.
func holdUI(t *testing.T, d *Desk) {
	if !d.testUI { // built without newDesk
		d.doneMu.Lock()
		d.testUI = true
	}
	t.Cleanup(func() {
		if d.testUI {
			d.testUI = false
			d.doneMu.Unlock()
		}
	})
}

// pause lets the window's goroutine work for dur (see holdUI).
func (d *Desk) pause(dur time.Duration) {
	if !d.testUI {
		time.Sleep(dur)
		return
	}
	d.doneMu.Unlock()
	time.Sleep(dur)
	d.doneMu.Lock()
}

func mustCreate(t *testing.T, d *Desk, in store.NewCase) *store.Case {
	t.Helper()
	c, err := d.db.CreateCase(context.Background(), in, "测试")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func cst(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, workday.China())
	if err != nil {
		panic(err)
	}
	return t
}

// caseRow returns the text of a row of the case table, fetching its page.
func caseRow(t *testing.T, d *Desk, row int) []string {
	t.Helper()
	v := d.cases
	if v.rowCase(row) == nil {
		d.wait()
	}
	c := v.rowCase(row)
	if c == nil {
		t.Fatalf("row %d not loaded (total %d)", row, v.total)
	}
	out := make([]string, len(txtCaseColumns))
	for col := range out {
		out[col], _ = v.cellText(c, col)
	}
	return out
}

// findButton finds a visible button by its text anywhere under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

func TestRegisterFaxCaseShowsInCases(t *testing.T) {
	d, _ := newTestDesk(t)
	r := d.register
	d.SelectTab(TabRegister)
	r.channel.SetSelected(rules.ChannelFax.Label())
	if !r.fields[detailFaxPages].box.Visible() || r.fields[detailTracking].box.Visible() {
		t.Fatal("fax details not shown for a fax")
	}
	if got := r.fields["provider"].label.Text; got != txtFieldFaxProv {
		t.Errorf("provider label %q", got)
	}
	r.received.SetText("")
	test.Type(r.received, "2026-09-30 10:00")
	test.Type(r.sponsor, "太原市晋阳网络科技有限公司")
	test.Type(r.certNo, "91350100M000100Y43")
	test.Type(r.filings, "晋ICP备12345678号-1")
	test.Type(r.domains, "例子.中国")
	test.Type(r.provider, "中国电信股份有限公司山西分公司")
	test.Type(r.faxPages, "3")
	for key, f := range r.fields {
		if msg := f.errorText(); msg != "" {
			t.Errorf("field %s shows %q", key, msg)
		}
	}
	test.Tap(r.saveBt)
	d.wait()
	if !strings.Contains(r.status.Text, "ZX-2026-0001") || !strings.Contains(r.status.Text, "2026-10-13") {
		t.Fatalf("status after save: %q", r.status.Text)
	}

	d.SelectTab(TabCases)
	d.wait()
	if d.cases.total != 1 {
		t.Fatalf("cases table has %d rows", d.cases.total)
	}
	row := caseRow(t, d, 0)
	want := []string{"ZX-2026-0001", "注销备案", "传真", "已登记", "太原市晋阳网络科技有限公司", "2026-09-30"}
	for i, w := range want {
		if row[i] != w {
			t.Errorf("column %s = %q, want %q", txtCaseColumns[i], row[i], w)
		}
	}
	// Received 2026-09-30 → due 2026-10-13; on 2026-10-12 that is one working day away.
	if !strings.HasPrefix(row[6], "2026-10-13") {
		t.Errorf("due column %q", row[6])
	}
	c, err := d.db.CaseByNumber(context.Background(), "ZX-2026-0001")
	if err != nil {
		t.Fatal(err)
	}
	if c.Details[detailFaxPages] != "3" || c.Provider != "中国电信股份有限公司山西分公司" || c.Channel != rules.ChannelFax {
		t.Errorf("stored %+v", c)
	}
	if len(c.Domains) != 1 || c.Domains[0] != "xn--fsqu00a.xn--fiqs8s" {
		t.Errorf("domains %v", c.Domains)
	}
	// The form is empty again for the next case.
	if r.sponsor.Text != "" || r.certNo.Text != "" {
		t.Error("form not reset after save")
	}
}

func TestBadIDShowsErrorAndSavesNothing(t *testing.T) {
	d, _ := newTestDesk(t)
	r := d.register
	r.sponsorType.SetSelected(rules.SponsorPerson.Label())
	if got := r.fields["cert-no"].label.Text; got != txtFieldCertPer {
		t.Errorf("certificate label for a person: %q", got)
	}
	test.Type(r.sponsor, "张三")
	// 11010519491231002X is valid; change its check character.
	test.Type(r.certNo, "110105194912310021")
	f := r.fields["cert-no"]
	if !f.errMsg.Visible() || !strings.Contains(f.errorText(), "校验位") {
		t.Fatalf("cert-no caption %q (visible %v)", f.errMsg.Text, f.errMsg.Visible())
	}
	test.Tap(r.saveBt)
	d.wait()
	if n, _ := d.db.CountCases(context.Background(), store.Filter{}); n != 0 {
		t.Fatalf("%d cases saved", n)
	}
	if r.status.Text != txtRegFixErrors {
		t.Errorf("status %q", r.status.Text)
	}
	// Fixing the value clears the caption as it is typed.
	r.certNo.SetText("")
	test.Type(r.certNo, "11010519491231002X")
	if f.errMsg.Visible() {
		t.Errorf("caption still shown: %q", f.errMsg.Text)
	}
	// An org with an ID number is refused by the store's own rule.
	r.sponsorType.SetSelected(rules.SponsorOrg.Label())
	if !strings.Contains(f.errorText(), "统一社会信用代码") {
		t.Errorf("org with ID number: %q", f.errorText())
	}
	// A bad phone number and filing are shown next to their fields too.
	test.Type(r.phone, "12345")
	test.Type(r.filings, "晋ICP证12345678号")
	if r.fields["phone"].errorText() == "" || r.fields["filing"].errorText() == "" {
		t.Errorf("phone %q filing %q", r.fields["phone"].errorText(), r.fields["filing"].errorText())
	}
}

func TestMailNewCasePrefillsForm(t *testing.T) {
	d, _ := newTestDesk(t)
	ctx := context.Background()
	proposal, _ := json.Marshal(map[string]any{
		"Filings": []string{"晋ICP备12345678号-1", "晋ICP备12345678号-2"}, "Domains": []string{"xn--fsqu00a.xn--fiqs8s"},
		"USCCs": []string{"91350100M000100Y43"}, "IDNumbers": []string{}, "Phones": []string{"13812345678"},
		"Sponsor": "太原市晋阳网络科技有限公司", "Kind": "deregister", "SponsorType": "org",
	})
	tx, err := d.db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	raw := "Subject: =?UTF-8?B?5rOo6ZSA5aSH5qGI?=\r\n\r\n申请注销备案"
	sha, size, err := tx.PutBlob(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	att, attSize, err := tx.PutBlob(strings.NewReader("申请表"))
	if err != nil {
		t.Fatal(err)
	}
	mailDate := cst("2026-10-09 16:20")
	id, err := tx.Insert(&store.Mail{DedupKey: "m1", RawSHA256: sha, RawSize: size, Date: mailDate,
		FromName: "王经理", FromAddr: "wang@example.com", Subject: "注销备案", Text: "申请注销备案 晋ICP备12345678号-1",
		Proposal:    proposal,
		Attachments: []store.Attachment{{Name: "注销网站APP备案申请表(企业).doc", Size: attSize, SHA256: att}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	d.SelectTab(TabInbox)
	d.wait()
	if len(d.inbox.mails) != 1 {
		t.Fatalf("inbox lists %d mails", len(d.inbox.mails))
	}
	d.inbox.list.Select(0)
	d.wait()
	if d.inbox.selected == nil || d.inbox.selected.ID != id {
		t.Fatal("mail not shown in the preview")
	}
	b := findButton(d.inbox.preview, txtNewCase)
	if b == nil {
		t.Fatal("no 立案 button in the preview")
	}
	test.Tap(b)
	d.wait()

	r := d.register
	if d.currentTab() != TabRegister {
		t.Fatalf("tab %s after 立案", d.currentTab())
	}
	checks := []struct{ name, got, want string }{
		{"kind", r.kind.Selected, rules.KindDeregister.Label()},
		{"channel", r.channel.Selected, rules.ChannelEmail.Label()},
		{"sponsor type", r.sponsorType.Selected, rules.SponsorOrg.Label()},
		{"sponsor", r.sponsor.Text, "太原市晋阳网络科技有限公司"},
		{"cert", r.certNo.Text, "91350100M000100Y43"},
		{"filings", r.filings.Text, "晋ICP备12345678号-1\n晋ICP备12345678号-2"},
		{"domains", r.domains.Text, "例子.中国"},
		{"phone", r.phone.Text, "13812345678"},
		{"received", r.received.Text, "2026-10-09 16:20"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !r.fields["mail"].box.Visible() || !strings.Contains(r.mailLabel.Text, "注销备案") {
		t.Errorf("linked mail not shown: %q", r.mailLabel.Text)
	}
	// Nothing is stored until the clerk confirms.
	if n, _ := d.db.CountCases(ctx, store.Filter{}); n != 0 {
		t.Fatal("case created before confirmation")
	}
	test.Tap(r.saveBt)
	d.wait()
	c, err := d.db.CaseByNumber(ctx, "ZX-2026-0001")
	if err != nil {
		t.Fatalf("%v (status %q)", err, r.status.Text)
	}
	if len(c.MailIDs) != 1 || c.MailIDs[0] != id || c.Channel != rules.ChannelEmail || len(c.Filings) != 2 {
		t.Errorf("case %+v", c)
	}
	if m, _ := d.db.Mail(ctx, id); m.State != store.MailCase {
		t.Errorf("mail state %s", m.State)
	}
}

func TestChecklistEnablesAccept(t *testing.T) {
	d, _ := newTestDesk(t)
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "counter", ReceivedAt: cst("2026-10-09 09:00"),
		SponsorType: "org", Sponsor: "晋城市宇浩信息技术有限公司"})
	d.OpenCase(c.ID)
	d.wait()
	v := d.cases.detail
	if len(v.items) != 3 {
		t.Fatalf("%d checklist rows", len(v.items))
	}
	accept := v.moves[rules.StatusAccepted]
	if accept == nil || !accept.Disabled() {
		t.Fatal("受理 enabled with missing materials")
	}
	if v.notice == nil || !strings.Contains(v.notice.Text, "退回补正通知") || !strings.Contains(v.notice.Text, "晋城市宇浩信息技术有限公司") {
		t.Fatal("no 退回补正 notice while materials are missing")
	}
	// Only the moves the lifecycle allows are offered.
	if len(v.moves) != len(rules.Allowed(rules.StatusReceived)) || v.moves[rules.StatusDone] != nil {
		t.Errorf("moves offered: %v", v.moves)
	}
	for i := range 3 {
		v.items[i].radio.SetSelected(rules.ItemPresent.Label())
		d.wait()
		if i < 2 && !v.moves[rules.StatusAccepted].Disabled() {
			t.Fatalf("受理 enabled after %d of 3 items", i+1)
		}
	}
	if v.moves[rules.StatusAccepted].Disabled() {
		t.Fatal("受理 still disabled with every item present")
	}
	if v.notice != nil {
		t.Error("notice still shown with complete materials")
	}
	// Accept, confirming the dialog with its own 受理 button.
	test.Tap(v.moves[rules.StatusAccepted])
	confirmDialog(t, d, moveLabels[rules.StatusAccepted])
	d.wait()
	got, _ := d.db.Case(context.Background(), c.ID)
	if got.Status != rules.StatusAccepted {
		t.Fatalf("status %s", got.Status)
	}
	if v.moves[rules.StatusDone] == nil || v.moves[rules.StatusAccepted] != nil {
		t.Errorf("moves after acceptance: %v", v.moves)
	}
}

// confirmDialog taps the button labelled ok on the dialog shown in the
// window's overlay.
func confirmDialog(t *testing.T, d *Desk, ok string) {
	t.Helper()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	b := findButton(top, ok)
	if b == nil {
		t.Fatalf("dialog has no %q button", ok)
	}
	if findButton(top, txtCancel) == nil {
		t.Errorf("dialog has no %q button", txtCancel)
	}
	test.Tap(b)
}

func TestDashboardListsOverdueCase(t *testing.T) {
	d, _ := newTestDesk(t)
	mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-09-28 10:00"),
		SponsorType: "org", Sponsor: "逾期测试科技有限公司"})
	mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-09-30 10:00"),
		SponsorType: "person", Sponsor: "王芳"})
	d.SelectTab(TabDashboard)
	d.dashboard.reload()
	d.wait()
	v := d.dashboard
	if len(v.overdue.cases) != 1 || v.overdue.cases[0].Sponsor != "逾期测试科技有限公司" {
		t.Fatalf("overdue list %v", v.overdue.cases)
	}
	if len(v.soon.cases) != 1 || v.soon.cases[0].Sponsor != "王芳" {
		t.Fatalf("due-soon list %v", v.soon.cases)
	}
	if v.stats[txtStatOverdue].value.Text != "1" || v.stats[txtStatOverdue].level != theme.UrgencyOverdue {
		t.Errorf("overdue card %q level %d", v.stats[txtStatOverdue].value.Text, v.stats[txtStatOverdue].level)
	}
	if !strings.Contains(v.overdue.due[0], "2026-10-10") || v.overdue.level[0] != theme.UrgencyOverdue {
		t.Errorf("overdue due column %q level %d", v.overdue.due[0], v.overdue.level[0])
	}
	// The rendered list shows the sponsor.
	if !rendered(v.overdue.obj, "逾期测试科技有限公司") {
		t.Error("sponsor not rendered in the overdue list")
	}
	// A row opens the case in 案件.
	v.overdue.list.Select(0)
	d.wait()
	if d.currentTab() != TabCases || d.cases.detail.c == nil || d.cases.detail.c.Sponsor != "逾期测试科技有限公司" {
		t.Error("overdue row did not open the case")
	}
}

// rendered reports whether a label with text is drawn under o.
func rendered(o fyne.CanvasObject, text string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Text == text && l.Visible() {
			return true
		}
	}
	return false
}

func TestShortcutsAndTabs(t *testing.T) {
	d, w := newTestDesk(t)
	d.SelectTab(TabSettings)
	d.Search()
	if d.currentTab() != TabCases || w.Canvas().Focused() != d.cases.search {
		t.Error("Ctrl+F did not focus the search box")
	}
	// The shortcut reaches the desk while an entry has the focus.
	d.cases.search.TypedShortcut(&desktopShortcutN)
	if d.currentTab() != TabRegister {
		t.Error("Ctrl+N did not open 登记")
	}
	fm := d.mail.(*fakeMail)
	d.register.sponsor.TypedShortcut(&desktopShortcutR)
	d.wait()
	if fm.syncs != 0 {
		t.Error("sync ran without a mailbox account")
	}
	if err := d.db.SetSetting(context.Background(), store.SettingIMAPUser, "beianzhuxiao@163.com"); err != nil {
		t.Fatal(err)
	}
	d.Sync()
	d.wait()
	if fm.syncs != 1 {
		t.Errorf("%d syncs", fm.syncs)
	}
	for _, name := range tabOrder {
		d.SelectTab(name)
		if d.currentTab() != name {
			t.Errorf("tab %s not selected", name)
		}
	}
	d.wait()
}

var (
	desktopShortcutN = desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	desktopShortcutR = desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
)

func TestReportShowsMonth(t *testing.T) {
	d, _ := newTestDesk(t)
	mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-10-08 10:00"),
		SponsorType: "org", Sponsor: "报表测试有限公司"})
	mustCreate(t, d, store.NewCase{Kind: "password", Channel: "email", ReceivedAt: cst("2026-10-09 10:00"),
		SponsorType: "person", Sponsor: "张三"})
	d.SelectTab(TabReport)
	d.wait()
	v := d.report
	if v.month.Selected != "2026-10" || v.rep == nil {
		t.Fatalf("month %q, report %v", v.month.Selected, v.rep)
	}
	if v.rep.Figures.Received != 2 {
		t.Errorf("received %d", v.rep.Figures.Received)
	}
	if !rendered(v.body, "2026年10月 统计") {
		t.Error("figures not shown")
	}
	v.month.SetSelected("2026-09")
	d.wait()
	if v.loaded != "2026-09" || v.rep.Figures.Received != 0 {
		t.Errorf("September: loaded %q, received %d", v.loaded, v.rep.Figures.Received)
	}
}

// 更换数据文件 records the chosen file for the next start, without touching
// the open one.
func TestChooseDataFile(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("AppData", home)
	d, _ := newTestDesk(t)
	other := filepath.Join(t.TempDir(), "other.db")
	d.settings.useDataFile(other)
	if p, err := sqlite.DefaultPath(); err != nil || p != other {
		t.Fatalf("default path %q, %v", p, err)
	}
	if !strings.Contains(d.settings.dataStatus.Text, other) {
		t.Fatalf("status %q", d.settings.dataStatus.Text)
	}
}

// 修改信息: a bad phone number is shown under its field and saves nothing;
// a good edit reaches the case and its history.
func TestEditCase(t *testing.T) {
	d, _ := newTestDesk(t)
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-10-09 09:00"),
		Sponsor: "晋城市宇浩信息技术有限公司"})
	d.OpenCase(c.ID)
	d.wait()
	v := d.cases.detail
	v.openEditor()
	ed := v.editor
	ed.inputs["phone"].SetText("12")
	ed.inputs["sponsor"].SetText("晋城市宇浩信息技术股份有限公司")
	ed.save()
	if ed.fields["phone"].errorText() == "" {
		t.Fatal("bad phone not shown under its field")
	}
	if got, _ := d.db.Case(context.Background(), c.ID); got.Sponsor != c.Sponsor {
		t.Fatal("a refused edit was saved")
	}
	ed.inputs["phone"].SetText("0351-8788032")
	ed.inputs["filing"].SetText("晋ICP备12345678号-1\n晋ICP备12345678号-2")
	ed.save()
	d.wait()
	got, _ := d.db.Case(context.Background(), c.ID)
	if got.Sponsor != "晋城市宇浩信息技术股份有限公司" || got.Phone != "0351-8788032" || len(got.Filings) != 2 {
		t.Fatalf("after edit %+v", got)
	}
	if !strings.Contains(v.title.Text, c.Number) {
		t.Fatalf("detail title %q", v.title.Text)
	}
}
