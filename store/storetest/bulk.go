package storetest

import (
	"context"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func testImportCases(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	cst := workday.China()
	recv := time.Date(2026, 10, 8, 9, 30, 0, 0, cst)
	closed := time.Date(2026, 10, 14, 15, 0, 0, 0, cst)
	recs := []store.CaseRecord{
		{Case: store.Case{Number: "ZX-2026-0007", Kind: rules.KindDeregister, Channel: rules.ChannelFax,
			Status: rules.StatusDone, ReceivedAt: recv, Due: "2026-10-15", ClosedAt: &closed, ClosedDay: "2026-10-14",
			SponsorType: rules.SponsorOrg, Applicant: rules.ApplicantLegal, Sponsor: "大同市云冈科技有限公司",
			Filings: []string{"晋ICP备10000007号-1"}, Domains: []string{"xn--fsqu00a.xn--fiqs8s"},
			Materials: []rules.Item{{Item: "甲", State: rules.ItemPresent}, {Item: "乙", State: rules.ItemDefective, Note: "缺章"}}},
			Events: []store.Event{
				{At: recv, Clerk: "李娜", Action: "create", To: rules.StatusReceived, Note: "登记"},
				{At: closed, Clerk: "王芳", Action: "status", From: rules.StatusReceived, To: rules.StatusDone},
			}},
		{Case: store.Case{Kind: rules.KindPassword, Channel: rules.ChannelEmail, Status: rules.StatusReceived,
			ReceivedAt: recv, Due: "2026-10-15", SponsorType: rules.SponsorPerson, Applicant: rules.ApplicantLegal,
			Sponsor: "张伟"}},
	}
	ids, err := db.ImportCases(ctx, recs)
	if err != nil || len(ids) != 2 {
		t.Fatalf("import: %v %v", ids, err)
	}
	a, err := db.Case(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.Number != "ZX-2026-0007" || a.Status != rules.StatusDone || a.ReceivedDay != "2026-10-08" ||
		a.ClockDay != "2026-10-08" || a.ClosedDay != "2026-10-14" || a.ClosedAt == nil || !a.ClosedAt.Equal(closed) ||
		len(a.Materials) != 2 || a.Materials[1].Note != "缺章" || a.Sponsor != "大同市云冈科技有限公司" {
		t.Fatalf("imported case: %+v", a)
	}
	hist, err := db.History(ctx, a.ID)
	if err != nil || len(hist) != 2 || hist[1].Clerk != "王芳" || !hist[1].At.Equal(closed) || hist[1].To != rules.StatusDone {
		t.Fatalf("history %+v, %v", hist, err)
	}
	b, err := db.Case(ctx, ids[1])
	if err != nil || b.Number != "MM-2026-0001" {
		t.Fatalf("numbered %+v, %v", b, err)
	}
	// Imported cases are found, and new cases number after them.
	for q, want := range map[string]int{"云冈科技": 1, "例子.中国": 1, "10000007": 1} {
		if n, err := db.CountCases(ctx, store.Filter{Query: q}); err != nil || n != want {
			t.Errorf("search %q: %d, %v", q, n, err)
		}
	}
	if c := MustCreate(t, db, SampleCase()); c.Number != "ZX-2026-0008" {
		t.Errorf("next number %s, want ZX-2026-0008", c.Number)
	}
	// A failing import stores nothing.
	bad := []store.CaseRecord{recs[1], {Case: store.Case{Number: "ZX-2026-0007", Kind: rules.KindDeregister,
		Channel: rules.ChannelFax, Status: rules.StatusReceived, ReceivedAt: recv}}}
	if _, err := db.ImportCases(ctx, bad); err == nil {
		t.Fatal("duplicate number imported")
	}
	if n, _ := db.CountCases(ctx, store.Filter{}); n != 3 {
		t.Errorf("%d cases after a failed import, want 3", n)
	}
}

func testReportCases(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	cst := workday.China()
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, cst) }
	move := func(id int64, to rules.Status, when time.Time) {
		t.Helper()
		if _, err := db.MoveCase(ctx, id, 0, to, when, "", "李娜"); err != nil {
			t.Fatal(err)
		}
	}
	complete := func(c *store.Case) {
		t.Helper()
		for i := range c.Materials {
			if _, err := db.CheckItem(ctx, c.ID, 0, i+1, rules.ItemPresent, "", "李娜"); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A: received Sep 30, returned and supplemented, done Oct 19 (in October).
	in := SampleCase()
	a := MustCreate(t, db, in)
	move(a.ID, rules.StatusReturned, at(10, 9, 10))
	move(a.ID, rules.StatusReceived, at(10, 12, 15))
	complete(a)
	move(a.ID, rules.StatusAccepted, at(10, 13, 9))
	move(a.ID, rules.StatusDone, at(10, 19, 16))
	// B: received and done in August: not in October's report.
	in.ReceivedAt = at(8, 3, 9)
	b := MustCreate(t, db, in)
	complete(b)
	move(b.ID, rules.StatusAccepted, at(8, 4, 9))
	move(b.ID, rules.StatusDone, at(8, 5, 9))
	// C: received in September, accepted, still open: open at October's end.
	in.ReceivedAt = at(9, 1, 9)
	c := MustCreate(t, db, in)
	complete(c)
	move(c.ID, rules.StatusAccepted, at(9, 2, 9))
	// D: received in November: after the period.
	in.ReceivedAt = at(11, 2, 9)
	MustCreate(t, db, in)

	got, err := db.ReportCases(ctx, workday.Date(2026, 10, 1), workday.Date(2026, 10, 31))
	if err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]*store.ReportCase{}
	for _, r := range got {
		byNumber[r.Number] = r
	}
	if len(got) != 2 || byNumber[a.Number] == nil || byNumber[c.Number] == nil {
		t.Fatalf("report cases %d: %v", len(got), byNumber)
	}
	ra := byNumber[a.Number]
	if ra.Status != rules.StatusDone || !ra.ClosedDay.Equal(workday.Date(2026, 10, 19)) ||
		!ra.ClockDay.Equal(workday.Date(2026, 10, 12)) || !ra.Due.Equal(workday.Date(2026, 10, 19)) ||
		!ra.ReceivedDay.Equal(workday.Date(2026, 9, 30)) || !ra.Complete || ra.Sponsor != in.Sponsor ||
		len(ra.Domains) != 2 || ra.Domains[1] != "例子.中国" {
		t.Errorf("case A: %+v", ra)
	}
	// A closed in the period: only the moves into and out of returned.
	if len(ra.Moves) != 2 || ra.Moves[0].To != rules.StatusReturned || ra.Moves[1].From != rules.StatusReturned ||
		!ra.Moves[0].At.Equal(at(10, 9, 10)) || ra.Moves[0].ID >= ra.Moves[1].ID {
		t.Errorf("case A moves: %+v", ra.Moves)
	}
	// C open at the end: every status move.
	if rc := byNumber[c.Number]; len(rc.Moves) != 1 || rc.Moves[0].To != rules.StatusAccepted || !rc.ClosedDay.IsZero() {
		t.Errorf("case C: %+v", rc)
	}
}
