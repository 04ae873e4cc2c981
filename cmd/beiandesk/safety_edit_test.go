package main

import (
	"beiandesk/store/sqlite"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestEditCoreFields: case edit corrects receipt time, kind, channel and
// sponsor type; the due date and the checklist follow, checks of items that
// stay are kept, the history records old → new, and bad times are refused
// (issue 9, item 6).
func TestEditCoreFields(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	c := decodeCase(t, mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "post",
		"--received", "2026-09-30T10:00:00+08:00", "--sponsor-type", "org", "--sponsor", "太原市晋阳网络科技有限公司", "--json"))
	if c.Due == nil || *c.Due != "2026-10-13" {
		t.Fatalf("due %v", c.Due)
	}
	mustCLI(t, db, "case", "check", "1", "--item", "2", "--state", "present")
	mustCLI(t, db, "case", "check", "1", "--item", "1", "--state", "present")

	// A receipt time in the future cannot be recorded by correction either.
	if _, stderr, code := cli(t, db, "", "case", "edit", "1", "--received", "2062-01-01T10:00:00+08:00"); code == 0 || !strings.Contains(stderr, "晚于当前时间") {
		t.Fatalf("future receipt: %d %s", code, stderr)
	}
	e := decodeCase(t, mustCLI(t, db, "case", "edit", "1", "--received", "2026-10-09T10:00:00+08:00", "--channel", "counter", "--json"))
	want := strings.TrimSpace(mustCLI(t, db, "workdays", "--from", "2026-10-09", "--days", "5"))
	if e.Due == nil || *e.Due != want || e.Channel != "counter" {
		t.Fatalf("after receipt fix: due %v (want %s), channel %s", e.Due, want, e.Channel)
	}
	e = decodeCase(t, mustCLI(t, db, "case", "edit", "1", "--kind", "password", "--json"))
	if e.Kind != "password" || len(e.Materials) != 3 {
		t.Fatalf("after kind fix: %+v", e)
	}
	for _, m := range e.Materials {
		want := "missing"
		if m.Item == "营业执照副本复印件(加盖公章)" {
			want = "present" // the same item, checked before: kept
		}
		if m.State != want {
			t.Errorf("%s: %s, want %s", m.Item, m.State, want)
		}
	}
	e = decodeCase(t, mustCLI(t, db, "case", "edit", "1", "--sponsor-type", "person", "--json"))
	if e.SponsorType != "person" || len(e.Materials) != 2 {
		t.Fatalf("after sponsor type fix: %+v", e)
	}
	book, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := book.History(context.Background(), 1)
	book.Close()
	if err != nil {
		t.Fatal(err)
	}
	var show string
	for _, ev := range hist {
		show += ev.Note + "\n"
	}
	for _, s := range []string{"收件时间 2026-09-30T10:00:00+08:00 → 2026-10-09T10:00:00+08:00", "来件渠道", "申请类型", "→", "主办者类型"} {
		if !strings.Contains(show, s) {
			t.Errorf("history lacks %q", s)
		}
	}
	// Once accepted, the kind stays.
	mustCLI(t, db, "case", "check", "1", "--item", "1", "--state", "present")
	mustCLI(t, db, "case", "check", "1", "--item", "2", "--state", "present")
	mustCLI(t, db, "case", "status", "1", "--to", "accepted")
	if _, stderr, code := cli(t, db, "", "case", "edit", "1", "--kind", "deregister"); code == 0 || !strings.Contains(stderr, "不能再更改") {
		t.Fatalf("kind after acceptance: %d %s", code, stderr)
	}
}
