package storetest

import (
	"beiandesk/store"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func testDashboard(t *testing.T, open Opener) {
	ctx := context.Background()
	var today time.Time
	db := open(t, func() time.Time { return today })
	cst := workday.China()
	day := func(s string) time.Time {
		d, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// Today is Monday 2026-10-12: Oct 1–7 were off, Sat Oct 10 a make-up working day.
	today = day("2026-10-12 09:00")

	type step struct {
		to rules.Status
		at string
	}
	cases := []struct {
		sponsor  string
		kind     string
		received string
		wantDue  string
		steps    []step
	}{
		{"逾期公司", "deregister", "2026-09-28 10:00", "2026-10-10", nil},
		{"退回逾期", "password", "2026-09-28 11:00", "2026-10-10", []step{{rules.StatusReturned, "2026-09-29 09:00"}}},
		{"今日到期", "deregister", "2026-09-29 10:00", "2026-10-12", nil},
		{"明日到期", "deregister", "2026-09-30 10:00", "2026-10-13", nil},
		{"两日到期", "deregister", "2026-10-08 10:00", "2026-10-14", nil},
		{"三日到期", "deregister", "2026-10-09 10:00", "2026-10-15", nil},
		{"无期限", "other", "2026-09-01 10:00", "", nil},
		{"撤回不计", "deregister", "2026-09-28 12:00", "2026-10-10", []step{{rules.StatusWithdrawn, "2026-09-29 10:00"}}},
		// Closed this month: on time, late (rejected), and on time after an
		// acceptance; and one closed in September.
		{"按期办结", "deregister", "2026-09-28 13:00", "2026-10-10", []step{
			{rules.StatusAccepted, "2026-09-29 10:00"}, {rules.StatusDone, "2026-10-09 10:00"}}},
		{"逾期驳回", "deregister", "2026-09-21 10:00", "2026-09-29", []step{{rules.StatusRejected, "2026-10-08 10:00"}}},
		{"本月办结", "password", "2026-10-08 14:00", "2026-10-14", []step{
			{rules.StatusAccepted, "2026-10-09 10:00"}, {rules.StatusDone, "2026-10-12 08:30"}}},
		{"九月办结", "deregister", "2026-09-01 10:00", "2026-09-08", []step{
			{rules.StatusAccepted, "2026-09-02 10:00"}, {rules.StatusDone, "2026-09-03 10:00"}}},
		{"去年", "deregister", "2025-08-01 10:00", "2025-08-08", nil},
	}
	for _, c := range cases {
		in := store.NewCase{Kind: c.kind, Channel: "fax", ReceivedAt: day(c.received), SponsorType: "person", Sponsor: c.sponsor}
		got := MustCreate(t, db, in)
		if got.Due != c.wantDue {
			t.Fatalf("%s: due %s, want %s", c.sponsor, got.Due, c.wantDue)
		}
		for _, s := range c.steps {
			if s.to == rules.StatusAccepted {
				for i := range got.Materials {
					if _, err := db.CheckItem(ctx, got.ID, 0, i+1, rules.ItemPresent, "", "t"); err != nil {
						t.Fatal(err)
					}
				}
			}
			if _, err := db.MoveCase(ctx, got.ID, 0, s.to, day(s.at), "", "t"); err != nil {
				t.Fatalf("%s → %s: %v", c.sponsor, s.to, err)
			}
		}
	}
	dashboardMail(t, db, "a", store.MailNew)
	dashboardMail(t, db, "b", store.MailNew)
	dashboardMail(t, db, "c", store.MailIgnored)

	d, err := db.Dashboard(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	names := func(list []*store.Case) string {
		var s []string
		for _, c := range list {
			s = append(s, c.Sponsor)
		}
		return strings.Join(s, ",")
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"today", d.Today, "2026-10-12"},
		{"month", d.Month, "2026-10"},
		{"new mails", d.NewMails, 2},
		// A returned case waits for its supplement: its clock stands still.
		{"overdue, most overdue first", names(d.Overdue), "去年,逾期公司"},
		{"due today", names(d.DueToday), "今日到期"},
		{"due soon", names(d.DueSoon), "明日到期,两日到期"},
		{"received this month", d.MonthReceived, 3},
		{"done this month", d.MonthDone, 2},
		{"closed with due", d.MonthClosedWithDue, 3},
		{"on time", d.MonthOnTime, 2},
		{"months", len(d.Months), 12},
		{"first month", d.Months[0].Month, "2025-11"},
		{"last month", d.Months[11], store.MonthCount{Month: "2026-10", Received: 3, Done: 2}},
		{"september", d.Months[10], store.MonthCount{Month: "2026-09", Received: 9, Done: 1}},
		{"august 2025 is outside", d.Months[0].Received, 0},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if r, ok := d.OnTimeRate(); !ok || r < 0.66 || r > 0.67 {
		t.Errorf("on-time rate %v %v", r, ok)
	}
	empty := &store.Dashboard{}
	if _, ok := empty.OnTimeRate(); ok {
		t.Error("rate without closed cases")
	}
}

func testDueLevel(t *testing.T, open Opener) {
	cal := workday.NewCalendar()
	today := workday.Date(2026, 10, 12)
	tests := []struct {
		status rules.Status
		due    string
		want   int
	}{
		{rules.StatusReceived, "2026-10-09", store.DueOverdue},
		{rules.StatusReturned, "2026-10-10", store.DueOverdue},
		{rules.StatusAccepted, "2026-10-12", store.DueToday},
		{rules.StatusReceived, "2026-10-13", store.DueSoon},
		{rules.StatusReceived, "2026-10-14", store.DueSoon},
		{rules.StatusReceived, "2026-10-15", store.DueOK},
		{rules.StatusDone, "2026-10-01", store.DueOK},
		{rules.StatusWithdrawn, "2026-10-12", store.DueOK},
		{rules.StatusReceived, "", store.DueOK},
		{rules.StatusReceived, "garbage", store.DueOK},
	}
	for _, tt := range tests {
		if got := store.DueLevel(cal, today, tt.status, tt.due); got != tt.want {
			t.Errorf("DueLevel(%s, %q) = %d, want %d", tt.status, tt.due, got, tt.want)
		}
	}
	// Friday before a plain weekend: Monday and Tuesday are the two working days ahead.
	fri := workday.Date(2026, 11, 13)
	for due, want := range map[string]int{"2026-11-16": store.DueSoon, "2026-11-17": store.DueSoon, "2026-11-18": store.DueOK} {
		if got := store.DueLevel(cal, fri, rules.StatusReceived, due); got != want {
			t.Errorf("from Friday, due %s: %d, want %d", due, got, want)
		}
	}
}

func dashboardMail(t *testing.T, db store.Book, key, state string) int64 {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	sha, size, err := tx.PutBlob(strings.NewReader("Subject: " + key + "\r\n\r\nbody"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := tx.Insert(&store.Mail{DedupKey: key, RawSHA256: sha, RawSize: size, Subject: key,
		Date: fixedNow(), Proposal: json.RawMessage(`{}`)})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if state != store.MailNew {
		if err := db.SetMailState(ctx, id, state); err != nil {
			t.Fatal(err)
		}
	}
	return id
}
