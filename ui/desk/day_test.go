package desk

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// Tests of issue 14: the window through a clerk's day. Each builds the
// screen it drives alone (newScreenDesk) unless it is about moving between
// screens.

// agentCase has the longest checklist (4 items) and a 退回补正 notice.
func agentCase(t *testing.T, db store.Book) *store.Case {
	t.Helper()
	c, err := db.CreateCase(context.Background(), store.NewCase{Kind: "deregister", Channel: "counter",
		ReceivedAt: cst("2026-10-09 09:00"), SponsorType: "org", Applicant: "agent",
		Sponsor: "晋城市宇浩信息技术有限公司", Filings: []string{"晋ICP备12345678号-1"}}, "测试")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// openDetail builds 案件 alone and opens case id in it.
func openDetail(t *testing.T, d *Desk, w fyne.Window, db store.Book, id int64, width, height float32) *casesView {
	t.Helper()
	v := newCasesView(d, db)
	d.cases = v
	show(w, v.obj, width, height)
	v.reload()
	d.wait()
	v.showCase(id)
	d.wait()
	if v.detail.c == nil || v.detail.c.ID != id {
		t.Fatalf("case %d not shown", id)
	}
	return v
}

func lastEvent(t *testing.T, db store.Book, id int64) store.Event {
	t.Helper()
	h, err := db.History(context.Background(), id)
	if err != nil || len(h) == 0 {
		t.Fatal(err)
	}
	return h[len(h)-1]
}

// Item 2: the action time is the click unless the clerk typed one.
func TestActionTimeIsTheClick(t *testing.T) {
	d, w, db := newScreenDesk(t)
	now := testNow
	db.Now = func() time.Time { return now }
	c := agentCase(t, db)
	v := openDetail(t, d, w, db, c.ID, 1366, 768).detail
	if v.at.Text != txtNowWord {
		t.Fatalf("办理时间 shows %q, want %q", v.at.Text, txtNowWord)
	}
	// Five minutes pass between opening the case and the click.
	now = testNow.Add(5*time.Minute + 7*time.Second)
	test.Tap(v.moves[rules.StatusReturned])
	confirmDialog(t, d, moveLabels[rules.StatusReturned])
	d.wait()
	if e := lastEvent(t, db, c.ID); !e.At.Equal(now) {
		t.Errorf("move recorded at %v, clicked at %v", e.At, now)
	}
	if v.at.Text != txtNowWord {
		t.Errorf("after the move 办理时间 shows %q", v.at.Text)
	}
	// A typed time is kept as typed.
	test.Type(v.at, "x")
	if v.atField.errorText() == "" {
		t.Error("no error for a bad time")
	}
	// The clock moves on: a typed time may not lie in the future.
	now = testNow.Add(time.Hour)
	v.at.SetText("2026-10-12 10:30")
	if v.atField.errorText() != "" {
		t.Errorf("error %q for a good time", v.atField.errorText())
	}
	test.Tap(v.moves[rules.StatusReceived])
	confirmDialog(t, d, moveLabels[rules.StatusReceived])
	d.wait()
	if e := lastEvent(t, db, c.ID); !e.At.Equal(cst("2026-10-12 10:30")) {
		t.Errorf("typed time recorded as %v", e.At)
	}
	// A time before the last move: the message shows China time as typed.
	v.at.SetText("2026-10-12 10:20")
	test.Tap(v.moves[rules.StatusWithdrawn])
	confirmDialog(t, d, moveLabels[rules.StatusWithdrawn])
	d.wait()
	msg := dialogText(t, d)
	if !strings.Contains(msg, "2026-10-12 10:20") || !strings.Contains(msg, "2026-10-12 10:30") || strings.Contains(msg, "T") || strings.Contains(msg, "Z") {
		t.Errorf("error reads %q", msg)
	}
}

// dialogText is the text of the labels of the dialog on top.
func dialogText(t *testing.T, d *Desk) string {
	t.Helper()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// Item 4: the moves are always in view, the page scrolls past the notice,
// and a move or check keeps the scroll position.
func TestActionBarAlwaysVisible(t *testing.T) {
	d, w, db := newScreenDesk(t)
	c := agentCase(t, db)
	for _, size := range []fyne.Size{{Width: 1024, Height: 640}, {Width: 1024, Height: 700}, {Width: 1280, Height: 760}, {Width: 1366, Height: 768}} {
		v := openDetail(t, d, w, db, c.ID, size.Width, size.Height).detail
		if len(v.items) != 4 || v.notice == nil {
			t.Fatalf("%d checklist rows, notice %v", len(v.items), v.notice)
		}
		for to, b := range v.moves {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			if !b.Visible() || pos.Y+b.Size().Height > w.Canvas().Size().Height || pos.Y <= 0 {
				t.Errorf("%v: %s button at %v, canvas %v", size, moveLabels[to], pos, w.Canvas().Size())
			}
		}
		// Nothing shown on the page catches the wheel for itself (a
		// single-line entry scrolls sideways only, inside itself).
		wheelCatchers(v.scroll.Content, func(o fyne.CanvasObject) {
			t.Errorf("%v: %T on the page swallows the mouse wheel", size, o)
		})
	}
	v := d.cases.detail
	show(w, d.cases.obj, 1024, 640)
	v.scroll.ScrollToOffset(fyne.NewPos(0, 120))
	if v.scroll.Offset.Y != 120 {
		t.Fatalf("page does not scroll (offset %v, content %v, view %v)", v.scroll.Offset, v.scroll.Content.MinSize(), v.scroll.Size())
	}
	v.items[0].radio.SetSelected(rules.ItemPresent.Label())
	d.wait()
	if v.scroll.Offset.Y != 120 {
		t.Errorf("after a check the page is at %v, was at 120", v.scroll.Offset.Y)
	}
}

// Item 5: keyboard. Tab leaves multi-line fields; Enter, Escape, Ctrl+F,
// Ctrl+S and Ctrl+Enter.
func TestKeyboardThroughTheDay(t *testing.T) {
	d, w := newTestDesk(t)
	r := d.register
	d.NewCase()
	for _, e := range []*entry{r.filings, r.domains, r.note} {
		if e.AcceptsTab() {
			t.Error("a multi-line form field takes Tab")
		}
	}
	w.Canvas().Focus(r.filings)
	r.filings.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if w.Canvas().Focused() != r.domains || strings.Contains(r.filings.Text, "\t") {
		t.Errorf("Tab in 备案号: focus on %T, text %q", w.Canvas().Focused(), r.filings.Text)
	}

	// Ctrl+S and Ctrl+Enter save 登记, from any field.
	for i, key := range []fyne.KeyName{fyne.KeyS, fyne.KeyReturn} {
		r.sponsor.SetText("快捷键测试有限公司")
		r.provider.SetText("中国电信山西分公司") // a fax names its access provider
		r.filings.TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
		d.wait()
		if n, _ := d.db.CountCases(context.Background(), store.Filter{}); n != i+1 {
			t.Fatalf("Ctrl+%s: %d cases, status %q", key, n, r.status.Text)
		}
	}

	// Ctrl+F, type, Enter: the table has the focus; Enter opens the case.
	d.Search()
	test.Type(d.cases.search, "快捷键")
	d.cases.applyFilter()
	d.wait()
	d.cases.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.wait()
	if w.Canvas().Focused() != d.cases.table {
		t.Fatalf("Enter in the search box: focus on %T", w.Canvas().Focused())
	}
	d.cases.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.wait()
	if !d.cases.showingDetail() || d.cases.detail.c == nil {
		t.Fatal("Enter did not open the case")
	}
	// Escape from a field of the detail returns to the list.
	d.cases.detail.note.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.cases.showingDetail() {
		t.Error("Escape in the detail stayed there")
	}
	// Escape with nothing focused, too.
	d.cases.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.wait()
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.cases.showingDetail() {
		t.Error("Escape with no focus stayed in the detail")
	}
	// Ctrl+F from a detail: the list, the search box focused, text kept.
	d.cases.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.wait()
	d.cases.detail.note.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if d.cases.showingDetail() || w.Canvas().Focused() != d.cases.search || d.cases.search.Text != "快捷键" {
		t.Errorf("Ctrl+F from the detail: detail %v, focus %T, search %q", d.cases.showingDetail(), w.Canvas().Focused(), d.cases.search.Text)
	}

	// 清空 asks before clearing a filled form, and not for an empty one.
	d.NewCase()
	r.sponsor.SetText("待清空")
	test.Tap(findButton(r.obj, txtRegClear))
	if r.sponsor.Text != "待清空" {
		t.Fatal("清空 cleared without asking")
	}
	confirmDialog(t, d, txtRegClear)
	if r.sponsor.Text != "" {
		t.Error("confirmed 清空 left the form filled")
	}
	test.Tap(findButton(r.obj, txtRegClear))
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Error("清空 asked about an empty form")
	}
}

// Item 6: an error line does not move the fields under it.
func TestErrorLineDoesNotMoveTheForm(t *testing.T) {
	d, w, db := newScreenDesk(t)
	v := newRegisterView(d, db)
	show(w, v.obj, 1366, 768)
	drv := fyne.CurrentApp().Driver()
	below := map[*entry]*entry{v.phone: v.provider, v.certNo: v.contact, v.filings: v.domains, v.faxPages: v.faxTime}
	for in, next := range below {
		before := drv.AbsolutePositionForObject(next)
		in.SetText("1")
		w.Content().Refresh()
		after := drv.AbsolutePositionForObject(next)
		if in == v.faxPages {
			// pages "1" is valid; make it wrong
			in.SetText("x")
			after = drv.AbsolutePositionForObject(next)
		}
		if before != after {
			t.Errorf("an error moved the next field from %v to %v", before, after)
		}
	}
	if v.fields["phone"].errorText() == "" || v.fields["filing"].errorText() == "" {
		t.Error("the bad values show no error")
	}
}

// insertMail stores a mail with a proposal, as a sync would.
func insertMail(t *testing.T, db store.Book, key, subject string, proposal map[string]any) *store.Mail {
	t.Helper()
	ctx := context.Background()
	p, _ := json.Marshal(proposal)
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sha, size, err := tx.PutBlob(strings.NewReader("Subject: " + key + "\r\n\r\n" + subject))
	if err != nil {
		t.Fatal(err)
	}
	id, err := tx.Insert(&store.Mail{DedupKey: key, RawSHA256: sha, RawSize: size, Date: cst("2026-10-09 16:20"),
		FromName: "王经理", FromAddr: "wang@example.com", Subject: subject, Text: subject, Proposal: p})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	m, err := db.Mail(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Item 7: a mail ignored (or linked elsewhere) after 立案 no longer
// pre-fills 登记, and saving does not link it.
func TestIgnoredMailClearsRegisterPrefill(t *testing.T) {
	for _, how := range []string{"ignore", "link"} {
		t.Run(how, func(t *testing.T) {
			d, _ := newTestDesk(t)
			m := insertMail(t, d.db, "k-"+how, "注销备案申请", map[string]any{"Sponsor": "预填有限公司", "Filings": []string{"晋ICP备12345678号-1"}})
			d.register.fromMail(m)
			if d.register.sponsor.Text != "预填有限公司" || d.register.mail == nil {
				t.Fatal("no pre-fill")
			}
			if how == "ignore" {
				d.inbox.setState(m, store.MailIgnored)
			} else {
				other := mustCreate(t, d, store.NewCase{Kind: "password", Channel: "post", ReceivedAt: cst("2026-10-09 09:00"), Sponsor: "另一家"})
				if err := d.db.LinkMail(context.Background(), other.ID, m.ID, "李娜"); err != nil {
					t.Fatal(err)
				}
				d.changed()
			}
			d.wait()
			d.wait()
			r := d.register
			if r.mail != nil || r.sponsor.Text != "" || r.filings.Text != "" {
				t.Errorf("pre-fill kept: mail %v, sponsor %q", r.mail, r.sponsor.Text)
			}
			if !strings.Contains(r.status.Text, "注销备案申请") {
				t.Errorf("status %q does not say why the form was cleared", r.status.Text)
			}
		})
	}
}

// Item 13: the 已登记 confirmation goes with the next edit.
func TestRegisteredConfirmationClearsOnEdit(t *testing.T) {
	d, w, db := newScreenDesk(t)
	v := newRegisterView(d, db)
	show(w, v.obj, 1366, 768)
	v.sponsor.SetText("确认消息测试有限公司")
	v.provider.SetText("中国电信山西分公司") // a fax names its access provider
	v.save()
	d.wait()
	if !strings.HasPrefix(v.status.Text, "已登记") {
		t.Fatalf("status %q", v.status.Text)
	}
	test.Type(v.sponsor, "下")
	if v.status.Text != "" {
		t.Errorf("status %q stays after an edit", v.status.Text)
	}
}

// wheelCatchers calls found for every visible scrollable object under o,
// not looking inside single-line entries.
func wheelCatchers(o fyne.CanvasObject, found func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	if e, ok := o.(*entry); ok && !e.MultiLine {
		return
	}
	if _, ok := o.(fyne.Scrollable); ok {
		found(o)
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			wheelCatchers(c, found)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			wheelCatchers(c, found)
		}
	}
}

// Item 13: the field errors of 登记 name what the clerk typed: an empty
// domain label quotes the whole domain, a person's ID error says nothing of
// credit codes.
func TestRegisterFieldErrorsInTheClerksTerms(t *testing.T) {
	d, w, db := newScreenDesk(t)
	v := newRegisterView(d, db)
	show(w, v.obj, 1366, 768)
	v.domains.SetText("www.example..cn")
	if msg := v.fields["domain"].errorText(); !strings.Contains(msg, "“www.example..cn”") || strings.Contains(msg, "“”") {
		t.Errorf("domain error %q", msg)
	}
	v.sponsorType.SetSelected(rules.SponsorPerson.Label())
	v.certNo.SetText("110105194912310022")
	if msg := v.fields["cert-no"].errorText(); !strings.Contains(msg, "身份证号码") || strings.Contains(msg, "统一社会信用代码") {
		t.Errorf("person's ID error %q", msg)
	}
}

// Item 3: the detail lists the history in time order, a back-filled move
// before the later events recorded earlier.
func TestDetailHistoryInTimeOrder(t *testing.T) {
	d, w, db := newScreenDesk(t)
	ctx := context.Background()
	c := agentCase(t, db)
	if _, err := db.CheckItem(ctx, c.ID, 0, 1, rules.ItemPresent, "", "李娜"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusReturned, cst("2026-10-10 09:00"), "补录的退回", "李娜"); err != nil {
		t.Fatal(err)
	}
	v := openDetail(t, d, w, db, c.ID, 1366, 768).detail
	var lines []string
	for _, o := range test.LaidOutObjects(v.scroll.Content) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "2026-") && strings.Contains(l.Text, "李娜") {
			lines = append(lines, l.Text)
		}
	}
	if len(lines) < 2 {
		t.Fatalf("history lines %q", lines)
	}
	back := -1
	for i, l := range lines {
		if strings.Contains(l, "补录的退回") {
			back = i
		}
	}
	if back < 0 || !strings.HasPrefix(lines[back], "2026-10-10 09:00") || back != len(lines)-2 {
		t.Errorf("history %q: the 10-10 move should come before the 10-12 check", lines)
	}
}
