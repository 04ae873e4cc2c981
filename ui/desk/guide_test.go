package desk

import (
	"context"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// Item 9: an empty book shows the 开始使用 guide instead of zeros; the
// clerk's name is asked for, not taken from the OS account.
func TestFirstStartGuide(t *testing.T) {
	d, w, db := newScreenDesk(t)
	t.Setenv("USER", "root")
	d.opts.Clerk = ""
	if got := d.loadClerk(); got != "" {
		t.Errorf("clerk defaults to %q", got)
	}
	// A year whose State Council schedule is not in the calendar.
	db.Now = func() time.Time { return time.Date(2031, 3, 2, 10, 0, 0, 0, workday.China()) }
	v := newDashboardView(d, db)
	d.dashboard = v
	show(w, v.obj, 1024, 640)
	v.reload()
	d.wait()
	if !v.guide.obj.Visible() || v.body.Visible() {
		t.Fatal("empty book: no guide")
	}
	texts := []string{}
	for _, l := range v.guide.steps {
		texts = append(texts, l.Text)
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{txtGuideMail, txtGuideClerk, "导入 2031 年节假日", txtGuideFirst} {
		if !strings.Contains(all, want) {
			t.Errorf("guide lacks %q:\n%s", want, all)
		}
	}
	if !strings.Contains(v.guide.hints[0].Text, "授权码") {
		t.Errorf("mailbox step without the 163 授权码 steps: %q", v.guide.hints[0].Text)
	}
	if findButton(v.guide.obj, txtGuideGoFirst) == nil {
		t.Error("no 登记第一件 button")
	}

	// Done steps are ticked; a year with its schedule needs no import.
	ctx := context.Background()
	db.Now = func() time.Time { return testNow }
	if err := db.SetSetting(ctx, store.SettingClerk, "李娜"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting(ctx, store.SettingIMAPUser, "beianzhuxiao@163.com"); err != nil {
		t.Fatal(err)
	}
	v.reload()
	d.wait()
	if s := v.guide.steps[1].Text; !strings.HasPrefix(s, txtGuideDone) || !strings.Contains(s, "李娜") {
		t.Errorf("clerk step %q", s)
	}
	if s := v.guide.steps[2].Text; !strings.HasPrefix(s, txtGuideDone) {
		t.Errorf("holiday step %q for 2026", s)
	}
	if !strings.HasPrefix(v.guide.steps[0].Text, txtGuideDone) {
		t.Errorf("mailbox step %q", v.guide.steps[0].Text)
	}

	// The first case replaces the guide with the figures.
	if _, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-10-09 10:00"), Sponsor: "第一件"}, "李娜"); err != nil {
		t.Fatal(err)
	}
	v.reload()
	d.wait()
	if v.guide.obj.Visible() || !v.body.Visible() {
		t.Error("guide still shown with a case in the book")
	}
}
