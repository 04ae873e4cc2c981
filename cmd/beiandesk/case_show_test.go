package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCaseShowJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "email",
		"--received", "2026-09-30T10:00:00+08:00", "--sponsor", "太原市晋阳网络科技有限公司", "--json")
	// Recorded now, but it happened (and sorts) after the moves entered with --at.
	mustCLI(t, db, "case", "check", "1", "--item", "1", "--state", "present", "--json")
	mustCLI(t, db, "case", "status", "1", "--to", "returned", "--at", "2026-10-09T10:00:00+08:00", "--note", "缺公章", "--json")
	mustCLI(t, db, "case", "status", "1", "--to", "received", "--at", "2026-10-12T07:00:00Z", "--json")
	out := mustCLI(t, db, "case", "show", "1", "--json")

	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	// The case JSON of case new, plus version and history.
	for _, key := range []string{"id", "number", "kind", "channel", "status", "received_at", "due", "sponsor_type",
		"sponsor", "filings", "domains", "provider", "materials", "mail_ids", "version", "history"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("case show JSON lacks %q", key)
		}
	}
	var got struct {
		caseJSON
		History []map[string]any `json:"history"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Number != "ZX-2026-0001" || got.Status != "received" || got.Version != 4 || got.ClockStart != "2026-10-12" {
		t.Fatalf("case %+v", got.caseJSON)
	}
	want := []struct {
		at, action string
		from, to   any
		note       string
	}{
		{"2026-09-30T10:00:00+08:00", "create", nil, "received", "登记"},
		{"2026-10-09T10:00:00+08:00", "status", "received", "returned", "缺公章"},
		{"2026-10-12T15:00:00+08:00", "status", "returned", "received", ""},
		{"", "check", nil, nil, "材料「"},
	}
	if len(got.History) != len(want) {
		t.Fatalf("history %v", got.History)
	}
	for i, w := range want {
		h := got.History[i]
		for _, key := range []string{"at", "recorded_at", "clerk", "action", "from", "to", "note"} {
			if _, ok := h[key]; !ok {
				t.Errorf("history[%d] lacks %q", i, key)
			}
		}
		if (w.at != "" && h["at"] != w.at) || h["action"] != w.action || h["from"] != w.from || h["to"] != w.to ||
			!strings.HasPrefix(h["note"].(string), w.note) || h["clerk"] != "测试员" {
			t.Errorf("history[%d] = %v, want %+v", i, h, w)
		}
		rec, err := time.Parse(time.RFC3339, h["recorded_at"].(string))
		if err != nil || time.Since(rec) > time.Hour {
			t.Errorf("history[%d] recorded_at %v (%v)", i, h["recorded_at"], err)
		}
	}
	// The check happened now: after the moves entered with an earlier --at.
	if at, _ := time.Parse(time.RFC3339, got.History[3]["at"].(string)); time.Since(at) > time.Hour {
		t.Errorf("check at %v", got.History[3]["at"])
	}

	// Text form, and a missing case.
	if text := mustCLI(t, db, "case", "show", "1"); !strings.Contains(text, "ZX-2026-0001") || !strings.Contains(text, "缺公章") {
		t.Errorf("text form %q", text)
	}
	if stdout, stderr, code := cli(t, db, "", "case", "show", "9", "--json"); code != 1 || stdout != "" || !strings.Contains(stderr, "案件 9 不存在") {
		t.Errorf("missing case: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, stderr, code := cli(t, db, "", "case", "show", "--json"); code != 2 || stderr == "" {
		t.Errorf("no id: exit %d, stderr %q", code, stderr)
	}
}
