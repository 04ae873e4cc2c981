package desk

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// An accepted deregistration shows the national-system form; recording
// there lets the case be 办结 and shows the record in the detail.
func TestCaseDetailRecordsNationalAction(t *testing.T) {
	d, _ := newTestDesk(t)
	ctx := context.Background()
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: cst("2026-10-09 09:00"),
		Sponsor: "晋城市宇浩信息技术有限公司", Filings: []string{"晋ICP备12345678号-1"}})
	for i := range c.Materials {
		if _, err := d.db.CheckItem(ctx, c.ID, 0, i+1, rules.ItemPresent, "", "t"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, cst("2026-10-09 10:00"), "", "t"); err != nil {
		t.Fatal(err)
	}
	d.OpenCase(c.ID)
	d.wait()
	v := d.cases.detail
	b := findButton(v.scroll.Content, txtNationalRecord)
	if b == nil {
		t.Fatal("no national-system form on an accepted deregistration")
	}
	test.Tap(b)
	d.wait()
	got, _ := d.db.Case(ctx, c.ID)
	if len(got.National) != 1 || got.National[0].Filing != "晋ICP备12345678号-1" || got.National[0].Scope != rules.ScopeSite {
		t.Fatalf("national %+v", got.National)
	}
	if findButton(v.scroll.Content, txtNationalRecord) == nil {
		t.Error("form gone while the case is still accepted")
	}
	if _, err := d.db.MoveCase(ctx, c.ID, 0, rules.StatusDone, d.now(), "", "t"); err != nil {
		t.Fatalf("done after the record: %v", err)
	}
}

// The after-hours setting is a check box in 设置, off by default.
func TestSettingsAfterHours(t *testing.T) {
	d, _ := newTestDesk(t)
	d.SelectTab(TabSettings)
	d.wait()
	c := d.settings.afterHours
	if c == nil || c.Checked {
		t.Fatalf("after-hours box %v", c)
	}
	test.Tap(c)
	if on, err := d.db.AfterHours(context.Background()); err != nil || !on {
		t.Fatalf("after tap: %v %v", on, err)
	}
}

// Registering a conflict shows the materials of its stage: 删除备案信息 while
// no filing number is given, the 注销 materials once one is.
func TestRegisterConflictMaterialsFollowStage(t *testing.T) {
	d, _ := newTestDesk(t)
	r := d.register
	d.SelectTab(TabRegister)
	r.kind.SetSelected(rules.KindConflict.Label())
	if !strings.Contains(r.materials.Text, "删除备案信息") {
		t.Fatalf("review-stage materials %q", r.materials.Text)
	}
	test.Type(r.filings, "晋ICP备12345678号-1")
	if strings.Contains(r.materials.Text, "删除备案信息") || !strings.Contains(r.materials.Text, "申请表(企业版)") {
		t.Fatalf("issued-stage materials %q", r.materials.Text)
	}
}

// 增加材料 in the checklist adds an item, missing, recorded in the history.
func TestCaseDetailAddsItem(t *testing.T) {
	d, _ := newTestDesk(t)
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: cst("2026-10-09 09:00"),
		Sponsor: "晋城市宇浩信息技术有限公司"})
	d.OpenCase(c.ID)
	d.wait()
	v := d.cases.detail
	b := findButton(v.scroll.Content, txtAddItem)
	if b == nil {
		t.Fatal("no 增加材料 button")
	}
	for _, o := range test.LaidOutObjects(v.scroll.Content) {
		if e, ok := o.(*entry); ok && e.PlaceHolder == txtAddItemHint {
			e.SetText("域名证书复印件")
		}
	}
	test.Tap(b)
	d.wait()
	got, _ := d.db.Case(context.Background(), c.ID)
	if n := len(got.Materials); n != len(c.Materials)+1 || got.Materials[n-1].Item != "域名证书复印件" {
		t.Fatalf("materials %+v", got.Materials)
	}
}
