package desk

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"beiandesk/store"
)

// Item 8: the picker offers the cases the mail matches first, stays open
// on 请选择一个案件, the history names the mail by its subject, and a link
// can be undone (recorded).
func TestLinkPickerSuggestsAndUnlinks(t *testing.T) {
	d, w, db := newScreenDesk(t)
	ctx := context.Background()
	match, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "post", ReceivedAt: cst("2026-09-01 09:00"),
		Sponsor: "太原市某某科技有限公司", Filings: []string{"晋ICP备87654321号"}}, "测试")
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 { // newer cases that have nothing to do with the mail
		if _, err := db.CreateCase(ctx, store.NewCase{Kind: "password", Channel: "counter", ReceivedAt: cst("2026-10-09 09:00"),
			Sponsor: "无关公司" + string(rune('甲'+i))}, "测试"); err != nil {
			t.Fatal(err)
		}
	}
	m := insertMail(t, db, "link-1", "关于注销网站备案的申请", map[string]any{"Filings": []string{"晋ICP备87654321号-2"}})

	v := newInboxView(d, db)
	show(w, v.obj, 1366, 768)
	p := v.linkDialog(m)
	d.wait()
	if len(p.choices) < 4 || p.choices[0].c.ID != match.ID || !strings.Contains(p.choices[0].label(), "匹配") {
		t.Fatalf("first choice %+v of %d", p.choices[0], len(p.choices))
	}
	test.Tap(p.link)
	if p.status.Text != txtLinkPick || w.Canvas().Overlays().Top() == nil {
		t.Fatalf("nothing picked: status %q, dialog open %v", p.status.Text, w.Canvas().Overlays().Top() != nil)
	}
	p.list.Select(0)
	test.Tap(p.link)
	d.wait()
	got, _ := db.Mail(ctx, m.ID)
	if got.CaseID == nil || *got.CaseID != match.ID {
		t.Fatalf("mail linked to %v", got.CaseID)
	}

	cv := openDetail(t, d, w, db, match.ID, 1366, 768)
	if e := lastEvent(t, db, match.ID); !strings.Contains(e.Note, "关于注销网站备案的申请") {
		t.Errorf("history reads %q, not the subject", e.Note)
	}
	b := findButton(cv.detail.scroll.Content, txtUnlinkMail2)
	if b == nil {
		t.Fatal("no 取消关联 button")
	}
	test.Tap(b)
	confirmDialog(t, d, txtUnlinkMail2)
	d.wait()
	got, _ = db.Mail(ctx, m.ID)
	if got.CaseID != nil || got.State != store.MailNew {
		t.Errorf("after 取消关联: case %v, state %s", got.CaseID, got.State)
	}
	if e := lastEvent(t, db, match.ID); e.Action != "unlink" || !strings.Contains(e.Note, "取消关联邮件「关于注销网站备案的申请」") {
		t.Errorf("history %+v", e)
	}
	if len(cv.detail.mails) != 0 {
		t.Error("the detail still lists the mail")
	}
}
