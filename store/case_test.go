package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func sampleCase() NewCase {
	return NewCase{
		Kind: "deregister", Channel: "email",
		ReceivedAt:  time.Date(2026, 9, 30, 10, 0, 0, 0, workday.China()),
		SponsorType: "org", Sponsor: "太原市晋阳网络科技有限公司",
		CertNo:  "91350100M000100Y43",
		Filings: []string{"晋ICP备12345678号-1"}, Domains: []string{"Example.COM", "例子.中国"},
		Provider: "中国电信山西分公司",
	}
}

func mustCreate(t testing.TB, db *DB, in NewCase) *Case {
	t.Helper()
	c, err := db.CreateCase(context.Background(), in, "李娜")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCreateCase(t *testing.T) {
	db := openTemp(t)
	c := mustCreate(t, db, sampleCase())
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
	pw := sampleCase()
	pw.Kind = "password"
	if c := mustCreate(t, db, pw); c.Number != "MM-2026-0001" {
		t.Errorf("password number %s", c.Number)
	}
	next := sampleCase()
	next.ReceivedAt = time.Date(2027, 1, 4, 9, 0, 0, 0, workday.China())
	// A receipt may not lie in the future: register it in January.
	clock := db.Now
	db.Now = func() time.Time { return next.ReceivedAt.Add(time.Hour) }
	defer func() { db.Now = clock }()
	if c := mustCreate(t, db, next); c.Number != "ZX-2027-0001" {
		t.Errorf("2027 number %s", c.Number)
	}
	if c := mustCreate(t, db, sampleCase()); c.Number != "ZX-2026-0002" {
		t.Errorf("second number %s", c.Number)
	}
	other := sampleCase()
	other.Kind = "other"
	if c := mustCreate(t, db, other); c.Number != "QT-2026-0001" || c.Due != "" || len(c.Materials) != 0 {
		t.Errorf("other case %s due %q materials %v", c.Number, c.Due, c.Materials)
	}
}

// A receipt late in the evening UTC is the next day in China.
func TestReceivedDayIsChinaTime(t *testing.T) {
	db := openTemp(t)
	in := sampleCase()
	in.ReceivedAt = time.Date(2026, 9, 29, 17, 0, 0, 0, time.UTC) // 2026-09-30 01:00 in Taiyuan
	c := mustCreate(t, db, in)
	if c.ReceivedDay != "2026-09-30" || c.Due != "2026-10-13" {
		t.Fatalf("received %s due %s", c.ReceivedDay, c.Due)
	}
}

func TestCreateCaseBadInputChangesNothing(t *testing.T) {
	tests := []struct {
		field string
		edit  func(*NewCase)
	}{
		{"kind", func(n *NewCase) { n.Kind = "delete" }},
		{"channel", func(n *NewCase) { n.Channel = "pigeon" }},
		{"received", func(n *NewCase) { n.ReceivedAt = time.Time{} }},
		{"sponsor-type", func(n *NewCase) { n.SponsorType = "company" }},
		{"applicant", func(n *NewCase) { n.Applicant = "friend" }},
		{"cert-no", func(n *NewCase) { n.CertNo = "91350100M000100Y44" }},
		{"cert-no", func(n *NewCase) { n.CertNo = "11010519491231002X" }}, // an ID for an org
		{"filing", func(n *NewCase) { n.Filings = []string{"晋ICP备号"} }},
		{"domain", func(n *NewCase) { n.Domains = []string{"not a domain"} }},
		{"phone", func(n *NewCase) { n.Phone = "12345" }},
		{"mail", func(n *NewCase) { n.MailIDs = []int64{42} }},
	}
	db := openTemp(t)
	ctx := context.Background()
	for _, tt := range tests {
		in := sampleCase()
		tt.edit(&in)
		_, err := db.CreateCase(ctx, in, "李娜")
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: err = %v", tt.field, err)
		}
	}
	for _, table := range []string{"cases", "material", "event", "case_seq", "case_fts"} {
		var n int
		if err := db.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s has %d rows after bad input (%v)", table, n, err)
		}
	}
}

func TestLifecycle(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	c := mustCreate(t, db, sampleCase())
	at := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	// Accepting an incomplete case is refused and changes nothing.
	if _, err := db.MoveCase(ctx, c.ID, rules.StatusAccepted, at("2026-10-08T09:00:00+08:00"), "", "李娜"); err == nil {
		t.Fatal("accepted an incomplete case")
	}
	if _, err := db.CheckItem(ctx, c.ID, 2, rules.ItemDefective, "", "李娜"); err == nil {
		t.Fatal("defect without a reason accepted")
	}
	if _, err := db.CheckItem(ctx, c.ID, 2, rules.ItemDefective, "未加盖公章", "李娜"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckItem(ctx, c.ID, 4, rules.ItemPresent, "", "李娜"); err == nil {
		t.Fatal("item 4 of 3 accepted")
	}
	// Returned on Oct 9; the supplement arrives on Oct 12 and restarts the clock.
	if _, err := db.MoveCase(ctx, c.ID, rules.StatusReturned, at("2026-10-09T10:00:00+08:00"), "缺公章", "李娜"); err != nil {
		t.Fatal(err)
	}
	c2, err := db.MoveCase(ctx, c.ID, rules.StatusReceived, at("2026-10-12T15:00:00+08:00"), "补正材料已到", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	if c2.ClockDay != "2026-10-12" || c2.Due != "2026-10-19" {
		t.Fatalf("after supplement clock %s due %s", c2.ClockDay, c2.Due)
	}
	for i := 1; i <= 3; i++ {
		if _, err := db.CheckItem(ctx, c.ID, i, rules.ItemPresent, "", "李娜"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.MoveCase(ctx, c.ID, rules.StatusAccepted, at("2026-10-13T09:00:00+08:00"), "", "李娜"); err != nil {
		t.Fatal(err)
	}
	// Moves back in time are refused.
	if _, err := db.MoveCase(ctx, c.ID, rules.StatusDone, at("2026-10-10T09:00:00+08:00"), "", "李娜"); err == nil {
		t.Fatal("done before accepted")
	}
	done, err := db.MoveCase(ctx, c.ID, rules.StatusDone, at("2026-10-19T16:00:00+08:00"), "已注销", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	if done.ClosedDay != "2026-10-19" || !rules.OnTime(mustDate(t, done.Due), mustDate(t, done.ClosedDay)) {
		t.Fatalf("closed %s due %s", done.ClosedDay, done.Due)
	}
	if _, err := db.MoveCase(ctx, c.ID, rules.StatusWithdrawn, time.Time{}, "", "李娜"); err == nil {
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

func TestSearch(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	mustCreate(t, db, sampleCase())
	second := sampleCase()
	second.Sponsor = "王晓明"
	second.SponsorType = "person"
	second.CertNo = ""
	second.Filings = []string{"晋ICP备87654321号"}
	second.Domains = []string{"wang.cn"}
	mustCreate(t, db, second)
	tests := []struct {
		q    string
		want int
	}{
		{"晋阳网络", 1}, {"87654321", 1}, {"晋ICP备", 2}, {"王", 1}, {"晓明", 1},
		{"例子.中国", 1}, {"xn--fsqu00a", 1}, {"ZX-2026-0002", 1}, {"电信", 2}, {"不存在的单位", 0},
		{`"`, 0}, {"%", 0},
	}
	for _, tt := range tests {
		n, err := db.CountCases(ctx, Filter{Query: tt.q})
		if err != nil || n != tt.want {
			t.Errorf("search %q: %d, %v; want %d", tt.q, n, err, tt.want)
		}
	}
}

func TestSponsorTypeFromCertificate(t *testing.T) {
	db := openTemp(t)
	tests := []struct {
		cert, want string
		items      int
	}{
		{"11010519491231002X", "person", 2},
		{"91350100M000100Y43", "org", 3},
		{"", "org", 3},
	}
	for _, tt := range tests {
		in := sampleCase()
		in.SponsorType, in.CertNo = "", tt.cert
		c := mustCreate(t, db, in)
		if string(c.SponsorType) != tt.want || len(c.Materials) != tt.items {
			t.Errorf("cert %q: %s with %d items, want %s with %d", tt.cert, c.SponsorType, len(c.Materials), tt.want, tt.items)
		}
	}
}
