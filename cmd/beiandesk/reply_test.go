package main

import (
	"bytes"
	"encoding/json"
	"net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"beiandesk/mail/smtp/smtptest"
	"beiandesk/store/postgres/pgtest"
)

type replyOut struct {
	MessageID string  `json:"message_id"`
	To        string  `json:"to"`
	Subject   string  `json:"subject"`
	SentAt    *string `json:"sent_at"`
	Appended  bool    `json:"appended"`
	DryRun    bool    `json:"dry_run"`
	Problem   string  `json:"problem"`
}

func TestReplyCommand(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{Plain: true})
	t.Setenv("BEIANDESK_IMAP_PASSWORD", srv.Password)
	db := filepath.Join(t.TempDir(), "r.db")
	id := newNoticeCase(t, db)
	mustCLI(t, db, "case", "edit", id, "--contact", "zhangsan@example.com", "--json")
	acct := []string{"--user", srv.User, "--smtp-host", "127.0.0.1", "--smtp-port", strconv.Itoa(srv.Port), "--smtp-security", "none",
		"--imap-host", "127.0.0.1", "--imap-port", strconv.Itoa(pgtest.ClosedPort(t)), "--imap-security", "none"}

	// --dry-run writes the exact message and sends nothing.
	eml := filepath.Join(t.TempDir(), "reply.eml")
	out := mustCLI(t, db, append([]string{"reply", id, "--kind", "return", "--dry-run", "--out", eml, "--json"}, acct...)...)
	var dry replyOut
	if err := json.Unmarshal([]byte(out), &dry); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(eml)
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if !dry.DryRun || dry.SentAt != nil || dry.To != "zhangsan@example.com" || msg.Header.Get("Message-ID") != "<"+dry.MessageID+">" ||
		!strings.HasPrefix(dry.Subject, "退回补正通知书(ZX-2026-0001)") {
		t.Errorf("dry run: %+v", dry)
	}
	if len(srv.Messages()) != 0 {
		t.Fatal("dry run sent")
	}

	// A real send; the sent folder is unreachable, so the copy waits.
	out = mustCLI(t, db, append([]string{"reply", "--kind", "return", id, "--json"}, acct...)...)
	var sent replyOut
	if err := json.Unmarshal([]byte(out), &sent); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if sent.SentAt == nil || sent.To != "zhangsan@example.com" || sent.Appended || !strings.Contains(sent.Problem, "已发送") {
		t.Errorf("sent: %+v", sent)
	}
	if srv.Count("<"+sent.MessageID+">") != 1 {
		t.Errorf("server has %d", srv.Count(sent.MessageID))
	}
	var raw2 map[string]any
	json.Unmarshal([]byte(out), &raw2)
	for _, k := range []string{"message_id", "to", "subject", "sent_at", "appended"} {
		if _, ok := raw2[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}

	// Faults: Chinese on stderr, nothing on stdout, kept as 未发出.
	srv.Refuse["other@example.com"] = true
	stdout, stderr, code := cli(t, db, "", append([]string{"reply", id, "--kind", "return", "--to", "other@example.com", "--json"}, acct...)...)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "收件人地址 other@example.com 被拒收") {
		t.Errorf("refused: %d %q %q", code, stdout, stderr)
	}
	list := mustCLI(t, db, append([]string{"outbox", "--json"}, acct...)...)
	if !strings.Contains(list, `"state_text": "未发出"`) || !strings.Contains(list, `"state_text": "已发出"`) {
		t.Errorf("outbox: %s", list)
	}

	fax := decodeCase(t, mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "fax", "--provider", "中国电信山西分公司",
		"--received", "2026-09-30T10:00:00+08:00", "--sponsor", "某公司", "--json"))
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"reply", strconv.FormatInt(fax.ID, 10), "--kind", "receipt", "--json"}, 1, "没有收件人地址"},
		{[]string{"reply", id, "--kind", "accept", "--json"}, 1, "尚未受理"},
		{[]string{"reply", id, "--kind", "return", "--out", eml}, 2, "--dry-run"},
		{[]string{"reply", id, "--kind", "return", "--dry-run"}, 2, "--out"},
		{[]string{"reply", id, "--kind", "return", "--smtp-port", "x"}, 1, "端口“x”无效"},
	} {
		// The case's flags come last, so they win over the account's.
		args := append(append([]string{tc.args[0]}, acct...), tc.args[1:]...)
		stdout, stderr, code := cli(t, db, "", args...)
		if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.err) {
			t.Errorf("%v: %d %q %q", tc.args, code, stdout, stderr)
		}
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("server has %d messages, want 1", n)
	}
}
