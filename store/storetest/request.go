package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func accept(t *testing.T, db store.Book, c *store.Case) *store.Case {
	t.Helper()
	ctx := context.Background()
	for i := range c.Materials {
		if _, err := db.CheckItem(ctx, c.ID, 0, i+1, rules.ItemPresent, "", "李娜"); err != nil {
			t.Fatal(err)
		}
	}
	c, err := db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, time.Time{}, "", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantFieldErr(t *testing.T, err error, field, text string) {
	t.Helper()
	var fe *store.FieldError
	if !errors.As(err, &fe) || fe.Field != field || !strings.Contains(err.Error(), text) {
		t.Errorf("error = %v, want field %s with %q", err, field, text)
	}
}

// 办结 of a deregistration needs the record of what was done in the
// national system; the record shows in the case and its history.
func testNationalRecordBeforeDone(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	c := accept(t, db, MustCreate(t, db, SampleCase()))
	_, err := db.MoveCase(ctx, c.ID, 0, rules.StatusDone, time.Time{}, "", "李娜")
	wantFieldErr(t, err, "to", "备案管理系统")

	bad := []struct {
		in    store.NationalRecord
		field string
		text  string
	}{
		{store.NationalRecord{Day: "2026-10-09", Scope: "site", Filings: []string{"晋ICP备12345678号"}}, "filing", "带网站序号"},
		{store.NationalRecord{Day: "2026-10-09", Scope: "subject", Filings: []string{"晋ICP备12345678号-1"}}, "filing", "不带序号"},
		{store.NationalRecord{Day: "2026-10-09", Scope: "app", Filings: []string{"晋ICP备12345678号-1"}}, "filing", "A或X"},
		{store.NationalRecord{Day: "2026-10-09", Scope: "site"}, "filing", "至少填写一个备案号"},
		{store.NationalRecord{Day: "2026-10-09", Scope: "everything", Filings: []string{"晋ICP备12345678号-1"}}, "scope", "注销范围"},
		{store.NationalRecord{Day: "2026-13-01", Scope: "site", Filings: []string{"晋ICP备12345678号-1"}}, "date", "无效"},
		{store.NationalRecord{Day: "2026-09-01", Scope: "site", Filings: []string{"晋ICP备12345678号-1"}}, "date", "早于收件日期"},
		{store.NationalRecord{Day: "2026-12-01", Scope: "site", Filings: []string{"晋ICP备12345678号-1"}}, "date", "晚于今天"},
	}
	for _, b := range bad {
		_, err := db.RecordNational(ctx, c.ID, 0, b.in, "李娜")
		wantFieldErr(t, err, b.field, b.text)
	}
	got, err := db.RecordNational(ctx, c.ID, 0, store.NationalRecord{Day: "2026-10-09", Scope: "site",
		Filings: []string{"晋ICP备12345678号-1"}}, "李娜")
	if err != nil || len(got.National) != 1 {
		t.Fatalf("first record: %v", err)
	}
	if _, err := db.RecordNational(ctx, c.ID, 0, store.NationalRecord{Day: "2026-10-09", Scope: "app",
		Filings: []string{"晋ICP备12345678号-3X", "晋ICP备12345678号-2A"}}, "王强"); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Case(ctx, c.ID)
	want := []store.NationalAction{
		{Day: "2026-10-09", Scope: rules.ScopeSite, Filing: "晋ICP备12345678号-1", Clerk: "李娜"},
		{Day: "2026-10-09", Scope: rules.ScopeApp, Filing: "晋ICP备12345678号-3X", Clerk: "王强"},
		{Day: "2026-10-09", Scope: rules.ScopeApp, Filing: "晋ICP备12345678号-2A", Clerk: "王强"},
	}
	if len(got.National) != len(want) {
		t.Fatalf("national = %+v", got.National)
	}
	for i := range want {
		if got.National[i] != want[i] {
			t.Errorf("national[%d] = %+v, want %+v", i, got.National[i], want[i])
		}
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusDone, time.Time{}, "", "李娜"); err != nil {
		t.Fatal(err)
	}
	hist, _ := db.History(ctx, c.ID)
	found := false
	for _, e := range hist {
		found = found || (e.Action == "national" && strings.Contains(e.Note, "晋ICP备12345678号-3X"))
	}
	if !found {
		t.Error("history lacks the national record")
	}
	// Not for a case that is not accepted, nor for a password case.
	c2 := MustCreate(t, db, SampleCase())
	_, err = db.RecordNational(ctx, c2.ID, 0, store.NationalRecord{Scope: "subject", Filings: []string{"晋ICP备12345678号"}}, "李娜")
	wantFieldErr(t, err, "scope", "只有已受理")
	pw := SampleCase()
	pw.Kind = "password"
	c3 := accept(t, db, MustCreate(t, db, pw))
	_, err = db.RecordNational(ctx, c3.ID, 0, store.NationalRecord{Scope: "subject", Filings: []string{"晋ICP备12345678号"}}, "李娜")
	wantFieldErr(t, err, "scope", "不在备案管理系统")
	if _, err := db.MoveCase(ctx, c3.ID, 0, rules.StatusDone, time.Time{}, "", "李娜"); err != nil {
		t.Errorf("password done: %v", err)
	}
}

// 不予受理 needs a reason, also after acceptance.
func testRejectNeedsReasonAlsoAfterAcceptance(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	c := MustCreate(t, db, SampleCase())
	_, err := db.MoveCase(ctx, c.ID, 0, rules.StatusRejected, time.Time{}, " ", "李娜")
	wantFieldErr(t, err, "note", "不予受理必须写明原因")
	c = accept(t, db, c)
	got, err := db.MoveCase(ctx, c.ID, 0, rules.StatusRejected, time.Time{}, "备案主体在外省", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != rules.StatusRejected || got.ClosedAt == nil {
		t.Errorf("status %s closed %v", got.Status, got.ClosedAt)
	}
}

func testRequestRules(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	person := SampleCase()
	person.SponsorType, person.CertNo, person.Applicant = "person", "", "agent"
	_, err := db.CreateCase(ctx, person, "李娜")
	wantFieldErr(t, err, "applicant", "个人主办者须本人申请")

	fax := SampleCase()
	fax.Channel, fax.Provider = "fax", " "
	_, err = db.CreateCase(ctx, fax, "李娜")
	wantFieldErr(t, err, "provider", "传真件必须填写")
	fax.Provider = "中国联通山西分公司"
	MustCreate(t, db, fax)

	conflict := SampleCase()
	conflict.Kind, conflict.Provider = "conflict", ""
	_, err = db.CreateCase(ctx, conflict, "李娜")
	wantFieldErr(t, err, "provider", "接入商")

	// A conflict with a filing number concerns an issued filing: 注销 materials.
	conflict.Provider = "中国电信山西分公司"
	c := MustCreate(t, db, conflict)
	if !strings.HasPrefix(c.Number, "CT-2026-") || c.Stage() != rules.StageIssued || c.Due != "2026-10-13" {
		t.Errorf("conflict %s stage %s due %s", c.Number, c.Stage(), c.Due)
	}
	want := rules.MaterialsAt(rules.KindConflict, rules.SponsorOrg, rules.ApplicantLegal, rules.StageIssued)
	if len(c.Materials) != len(want) || c.Materials[0].Item != want[0] || c.Materials[1].Item != "申请表(企业版)" {
		t.Errorf("materials %+v", c.Materials)
	}
	review := conflict
	review.Filings, review.Stage = nil, ""
	c = MustCreate(t, db, review)
	if c.Stage() != rules.StageReview || len(c.Materials) != 2 || !strings.Contains(c.Materials[1].Item, "删除备案信息") {
		t.Errorf("review conflict stage %s materials %+v", c.Stage(), c.Materials)
	}
	review.Stage = "issued"
	if c = MustCreate(t, db, review); c.Stage() != rules.StageIssued {
		t.Errorf("explicit stage %s", c.Stage())
	}
	notConflict := SampleCase()
	notConflict.Stage = "review"
	_, err = db.CreateCase(ctx, notConflict, "李娜")
	wantFieldErr(t, err, "stage", "只有备案冲突")
}

// The clerk may add an item beyond the FAQ's list; it blocks acceptance
// until present and is in the history.
func testAddItem(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	c := MustCreate(t, db, SampleCase())
	for i := range c.Materials {
		db.CheckItem(ctx, c.ID, 0, i+1, rules.ItemPresent, "", "李娜")
	}
	c, err := db.AddItem(ctx, c.ID, 0, " 域名证书复印件 ", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	n := len(c.Materials)
	if c.Materials[n-1] != (rules.Item{Item: "域名证书复印件", State: rules.ItemMissing}) {
		t.Fatalf("added %+v", c.Materials[n-1])
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, time.Time{}, "", "李娜"); err == nil {
		t.Error("accepted with the added item missing")
	}
	_, err = db.AddItem(ctx, c.ID, 0, "域名证书复印件", "李娜")
	wantFieldErr(t, err, "add", "已有")
	_, err = db.AddItem(ctx, c.ID, 0, "  ", "李娜")
	wantFieldErr(t, err, "add", "不能为空")
	if _, err := db.CheckItem(ctx, c.ID, 0, n, rules.ItemPresent, "", "李娜"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, time.Time{}, "", "李娜"); err != nil {
		t.Fatal(err)
	}
	hist, _ := db.History(ctx, c.ID)
	found := false
	for _, e := range hist {
		found = found || (e.Clerk == "李娜" && e.Note == "增加材料「域名证书复印件」")
	}
	if !found {
		t.Error("history lacks the added item")
	}
}

// recordNational records a site deregistration done on day (YYYY-MM-DD).
func recordNational(t testing.TB, db store.Book, id int64, day string) {
	t.Helper()
	if _, err := db.RecordNational(context.Background(), id, 0, store.NationalRecord{Day: day, Scope: "site",
		Filings: []string{"晋ICP备12345678号-1"}}, "李娜"); err != nil {
		t.Fatal(err)
	}
}

// The after-hours rule is a setting, off by default; on, a receipt after
// 17:30 or on a day off counts from the next working day.
func testAfterHoursSetting(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	in := SampleCase()
	in.ReceivedAt = time.Date(2026, 10, 9, 18, 0, 0, 0, workday.China()) // Fri after closing
	if on, err := db.AfterHours(ctx); err != nil || on {
		t.Fatalf("default after-hours %v %v", on, err)
	}
	c := MustCreate(t, db, in)
	if c.ReceivedDay != "2026-10-09" || c.Due != "2026-10-15" {
		t.Errorf("off: received %s due %s", c.ReceivedDay, c.Due)
	}
	if err := db.SetAfterHours(ctx, true); err != nil {
		t.Fatal(err)
	}
	// Sat Oct 10 is a make-up working day: received then, due Oct 16 instead of Oct 15.
	c = MustCreate(t, db, in)
	if c.ReceivedDay != "2026-10-10" || c.ClockDay != "2026-10-10" || c.Due != "2026-10-16" || !c.ReceivedAt.Equal(in.ReceivedAt) {
		t.Errorf("on: received %s clock %s due %s at %v", c.ReceivedDay, c.ClockDay, c.Due, c.ReceivedAt)
	}
}

// A due date counted into 2027 (lunar-go's table) or 2028 (none) is 未核实,
// and the dashboard says so from 1 November.
func testDueVerifiedAndBanner(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	cal, _ := db.Calendar(ctx)
	in := SampleCase()
	c := MustCreate(t, db, in)
	if v, ok := c.DueVerified(cal); !ok || !v {
		t.Errorf("2026 case: verified %v %v", v, ok)
	}
	// A receipt may not lie in the future, so a longer period carries the
	// due date into 2027.
	if err := db.SetDeadlineDays(ctx, rules.KindDeregister, 30); err != nil {
		t.Fatal(err)
	}
	in.ReceivedAt = fixedNow().Add(-24 * time.Hour)
	c = MustCreate(t, db, in)
	if v, ok := c.DueVerified(cal); !ok || v {
		t.Errorf("case due in 2027: verified %v %v", v, ok)
	}
	other := SampleCase()
	other.Kind = "other"
	if _, ok := MustCreate(t, db, other).DueVerified(cal); ok {
		t.Error("a case without deadline has a verification")
	}
	d, err := db.Dashboard(ctx, time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China()))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Banners) != 1 || d.Banners[0] != "2027年节假日安排尚未以国务院通知核实" {
		t.Errorf("banners %q", d.Banners)
	}
	d, _ = db.Dashboard(ctx, time.Date(2027, 11, 2, 10, 0, 0, 0, workday.China()))
	if len(d.Banners) != 2 || d.Banners[1] != "2028年节假日安排尚未导入" {
		t.Errorf("banners 2027-11 %q", d.Banners)
	}
}

// www.example.com and example.com find each other in the case search.
func testSearchDomainWithAndWithoutWWW(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	bare := SampleCase()
	bare.Domains = []string{"example.com"}
	bare.Sponsor = "甲公司"
	a := MustCreate(t, db, bare)
	www := SampleCase()
	www.Domains = []string{"www.sample.cn"}
	www.Sponsor = "乙公司"
	b := MustCreate(t, db, www)
	tests := []struct {
		q    string
		want int64
	}{
		{"www.example.com", a.ID},
		{"http://www.example.com/", a.ID},
		{"example.com", a.ID},
		{"sample.cn", b.ID},
		{"www.sample.cn", b.ID},
	}
	for _, tt := range tests {
		got, err := db.Cases(ctx, store.Filter{Query: tt.q}, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != tt.want {
			t.Errorf("search %q found %d cases, want case %d", tt.q, len(got), tt.want)
		}
	}
}
