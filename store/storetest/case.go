package storetest

import (
	"beiandesk/store"
	"context"
	"errors"
	"testing"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// SampleCase is a valid deregistration request received Wednesday
// 2026-09-30 10:00 China time (due Tuesday 2026-10-13).
func SampleCase() store.NewCase {
	return store.NewCase{
		Kind: "deregister", Channel: "email",
		ReceivedAt:  time.Date(2026, 9, 30, 10, 0, 0, 0, workday.China()),
		SponsorType: "org", Sponsor: "太原市晋阳网络科技有限公司",
		CertNo:  "91350100M000100Y43",
		Filings: []string{"晋ICP备12345678号-1"}, Domains: []string{"Example.COM", "例子.中国"},
		Provider: "中国电信山西分公司",
	}
}

// MustCreate registers in as clerk 李娜 and fails the test on error.
func MustCreate(t testing.TB, db store.Book, in store.NewCase) *store.Case {
	t.Helper()
	c, err := db.CreateCase(context.Background(), in, "李娜")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testCreateCase(t *testing.T, open Opener) {
	clock := fixedNow()
	db := open(t, func() time.Time { return clock })
	c := MustCreate(t, db, SampleCase())
	if c.Number != "ZX-2026-0001" || c.Status != rules.StatusReceived {
		t.Fatalf("number %s status %s", c.Number, c.Status)
	}
	// The DESIGN's worked example: received Wed 2026-09-30, due Tue 2026-10-13.
	if c.Due != "2026-10-13" || c.ReceivedDay != "2026-09-30" {
		t.Fatalf("due %s received %s", c.Due, c.ReceivedDay)
	}
	want := rules.Materials(rules.KindDeregister, rules.SponsorOrg, rules.ApplicantLegal)
	if len(c.Materials) != len(want) {
		t.Fatalf("materials %v", c.Materials)
	}
	for i, m := range c.Materials {
		if m.Item != want[i] || m.State != rules.ItemMissing {
			t.Errorf("material %d = %+v", i, m)
		}
	}
	if len(c.Domains) != 2 || c.Domains[0] != "example.com" || c.Domains[1] != "xn--fsqu00a.xn--fiqs8s" {
		t.Errorf("domains %v", c.Domains)
	}
	// Numbers count per prefix and year and are never reused.
	pw := SampleCase()
	pw.Kind = "password"
	if c := MustCreate(t, db, pw); c.Number != "MM-2026-0001" {
		t.Errorf("password number %s", c.Number)
	}
	next := SampleCase()
	next.ReceivedAt = time.Date(2027, 1, 4, 9, 0, 0, 0, workday.China())
	// A receipt may not lie in the future: register it in January.
	clock = next.ReceivedAt.Add(time.Hour)
	if c := MustCreate(t, db, next); c.Number != "ZX-2027-0001" {
		t.Errorf("2027 number %s", c.Number)
	}
	if c := MustCreate(t, db, SampleCase()); c.Number != "ZX-2026-0002" {
		t.Errorf("second number %s", c.Number)
	}
	other := SampleCase()
	other.Kind = "other"
	if c := MustCreate(t, db, other); c.Number != "QT-2026-0001" || c.Due != "" || len(c.Materials) != 0 {
		t.Errorf("other case %s due %q materials %v", c.Number, c.Due, c.Materials)
	}
}

// A receipt late in the evening UTC is the next day in China.
func testReceivedDayIsChinaTime(t *testing.T, open Opener) {
	db := openTemp(t, open)
	in := SampleCase()
	in.ReceivedAt = time.Date(2026, 9, 29, 17, 0, 0, 0, time.UTC) // 2026-09-30 01:00 in Taiyuan
	c := MustCreate(t, db, in)
	if c.ReceivedDay != "2026-09-30" || c.Due != "2026-10-13" {
		t.Fatalf("received %s due %s", c.ReceivedDay, c.Due)
	}
}

func testCreateCaseBadInputChangesNothing(t *testing.T, open Opener) {
	tests := []struct {
		field string
		edit  func(*store.NewCase)
	}{
		{"kind", func(n *store.NewCase) { n.Kind = "delete" }},
		{"channel", func(n *store.NewCase) { n.Channel = "pigeon" }},
		{"received", func(n *store.NewCase) { n.ReceivedAt = time.Time{} }},
		{"sponsor-type", func(n *store.NewCase) { n.SponsorType = "company" }},
		{"applicant", func(n *store.NewCase) { n.Applicant = "friend" }},
		{"cert-no", func(n *store.NewCase) { n.CertNo = "91350100M000100Y44" }},
		{"cert-no", func(n *store.NewCase) { n.CertNo = "11010519491231002X" }}, // an ID for an org
		{"filing", func(n *store.NewCase) { n.Filings = []string{"晋ICP备号"} }},
		{"domain", func(n *store.NewCase) { n.Domains = []string{"not a domain"} }},
		{"phone", func(n *store.NewCase) { n.Phone = "12345" }},
		{"mail", func(n *store.NewCase) { n.MailIDs = []int64{42} }},
	}
	db := openTemp(t, open)
	ctx := context.Background()
	for _, tt := range tests {
		in := SampleCase()
		tt.edit(&in)
		_, err := db.CreateCase(ctx, in, "李娜")
		var fe *store.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: err = %v", tt.field, err)
		}
	}
	// Nothing was stored: no case, no number used, no history.
	if n, err := db.CountCases(ctx, store.Filter{}); err != nil || n != 0 {
		t.Errorf("%d cases after bad input (%v)", n, err)
	}
	c := MustCreate(t, db, SampleCase())
	if c.Number != "ZX-2026-0001" {
		t.Errorf("first good case got %s: a refused one used a number", c.Number)
	}
	if hist, err := db.History(ctx, c.ID); err != nil || len(hist) != 1 {
		t.Errorf("history %v, %v", hist, err)
	}
	if n, err := db.CountCases(ctx, store.Filter{Query: "晋阳网络"}); err != nil || n != 1 {
		t.Errorf("search after bad input: %d, %v", n, err)
	}
}

func testLifecycle(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	c := MustCreate(t, db, SampleCase())
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	// Accepting an incomplete case is refused and changes nothing.
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, at("2026-10-08T09:00:00+08:00"), "", "李娜"); err == nil {
		t.Fatal("accepted an incomplete case")
	}
	if _, err := db.CheckItem(ctx, c.ID, 0, 2, rules.ItemDefective, "", "李娜"); err == nil {
		t.Fatal("defect without a reason accepted")
	}
	if _, err := db.CheckItem(ctx, c.ID, 0, 2, rules.ItemDefective, "未加盖公章", "李娜"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckItem(ctx, c.ID, 0, 4, rules.ItemPresent, "", "李娜"); err == nil {
		t.Fatal("item 4 of 3 accepted")
	}
	// Returned on Oct 9; the supplement arrives on Oct 12 and restarts the clock.
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusReturned, at("2026-10-09T10:00:00+08:00"), "缺公章", "李娜"); err != nil {
		t.Fatal(err)
	}
	c2, err := db.MoveCase(ctx, c.ID, 0, rules.StatusReceived, at("2026-10-12T15:00:00+08:00"), "补正材料已到", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	if c2.ClockDay != "2026-10-12" || c2.Due != "2026-10-19" {
		t.Fatalf("after supplement clock %s due %s", c2.ClockDay, c2.Due)
	}
	for i := 1; i <= 3; i++ {
		if _, err := db.CheckItem(ctx, c.ID, 0, i, rules.ItemPresent, "", "李娜"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, at("2026-10-13T09:00:00+08:00"), "", "李娜"); err != nil {
		t.Fatal(err)
	}
	// Moves back in time are refused.
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusDone, at("2026-10-10T09:00:00+08:00"), "", "李娜"); err == nil {
		t.Fatal("done before accepted")
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusDone, at("2026-10-19T16:00:00+08:00"), "已注销", "李娜"); err == nil {
		t.Fatal("done without the national record")
	}
	recordNational(t, db, c.ID, "2026-10-19")
	done, err := db.MoveCase(ctx, c.ID, 0, rules.StatusDone, at("2026-10-19T16:00:00+08:00"), "已注销", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	if done.ClosedDay != "2026-10-19" || !rules.OnTime(mustDate(t, done.Due), mustDate(t, done.ClosedDay)) {
		t.Fatalf("closed %s due %s", done.ClosedDay, done.Due)
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusWithdrawn, time.Time{}, "", "李娜"); err == nil {
		t.Fatal("moved a final case")
	}
	hist, _ := db.History(ctx, c.ID)
	var moves []string
	for _, e := range hist {
		if e.Action == "status" {
			moves = append(moves, string(e.From)+">"+string(e.To))
		}
	}
	want := []string{"received>returned", "returned>received", "received>accepted", "accepted>done"}
	if len(moves) != len(want) {
		t.Fatalf("moves %v", moves)
	}
	for i := range want {
		if moves[i] != want[i] {
			t.Fatalf("moves %v, want %v", moves, want)
		}
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := workday.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func testSearch(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	MustCreate(t, db, SampleCase())
	second := SampleCase()
	second.Sponsor = "王晓明"
	second.SponsorType = "person"
	second.CertNo = ""
	second.Filings = []string{"晋ICP备87654321号"}
	second.Domains = []string{"wang.cn"}
	MustCreate(t, db, second)
	tests := []struct {
		q    string
		want int
	}{
		{"晋阳网络", 1}, {"87654321", 1}, {"晋ICP备", 2}, {"王", 1}, {"晓明", 1},
		{"例子.中国", 1}, {"xn--fsqu00a", 1}, {"ZX-2026-0002", 1}, {"电信", 2}, {"不存在的单位", 0},
		{`"`, 0}, {"%", 0},
	}
	for _, tt := range tests {
		n, err := db.CountCases(ctx, store.Filter{Query: tt.q})
		if err != nil || n != tt.want {
			t.Errorf("search %q: %d, %v; want %d", tt.q, n, err, tt.want)
		}
	}
}

func testSponsorTypeFromCertificate(t *testing.T, open Opener) {
	db := openTemp(t, open)
	tests := []struct {
		cert, want string
		items      int
	}{
		{"11010519491231002X", "person", 2},
		{"91350100M000100Y43", "org", 3},
		{"", "org", 3},
	}
	for _, tt := range tests {
		in := SampleCase()
		in.SponsorType, in.CertNo = "", tt.cert
		c := MustCreate(t, db, in)
		if string(c.SponsorType) != tt.want || len(c.Materials) != tt.items {
			t.Errorf("cert %q: %s with %d items, want %s with %d", tt.cert, c.SponsorType, len(c.Materials), tt.want, tt.items)
		}
	}
}
