package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"beiandesk/mail"
)

const cliMail = "Message-ID: <cli-%d@example.com>\r\n" +
	"Date: Mon, 2 Mar 2026 09:30:00 +0800\r\n" +
	"From: =?UTF-8?B?5byg5LiJ?= <zhangsan@example.com>\r\n" +
	"Subject: =?UTF-8?B?5rOo6ZSA5aSH5qGI55Sz6K+3?=\r\n" +
	"Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
	"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n申请注销 晋ICP备1234567%d号-1。\r\n" +
	"--b\r\nContent-Type: application/pdf; name=scan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n--b--\r\n"

func cliMailN(n int) string {
	return strings.ReplaceAll(strings.Replace(cliMail, "%d", strconv.Itoa(n), 1), "%d", strconv.Itoa(n))
}

// runCLI runs the command line in-process and returns its exit code and
// output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestImportAndMails(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	a, b := filepath.Join(dir, "a.eml"), filepath.Join(dir, "b.eml")
	os.WriteFile(a, []byte(cliMailN(1)), 0o644)
	os.WriteFile(b, []byte(cliMailN(2)), 0o644)
	noDate := filepath.Join(dir, "c.eml")
	os.WriteFile(noDate, []byte("Subject: hi\r\n\r\nno date here\r\n"), 0o644)

	code, out, errOut := runCLI(t, "import", a, "--db", db, b, filepath.Join(dir, "missing.eml"), a, noDate)
	if code != 1 {
		t.Errorf("exit %d, want 1 (one file missing)", code)
	}
	if out != "新邮件 3 封,重复 1 封\n" {
		t.Errorf("stdout %q", out)
	}
	if !strings.Contains(errOut, "missing.eml") || !strings.Contains(errOut, "1 个文件导入失败") {
		t.Errorf("stderr %q", errOut)
	}

	code, out, errOut = runCLI(t, "mails", "--json", "--db", db)
	if code != 0 {
		t.Fatalf("mails: %d %s", code, errOut)
	}
	var mails []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &mails); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(mails) != 3 {
		t.Fatalf("%d mails", len(mails))
	}
	for _, k := range []string{"id", "message_id", "date", "from_name", "from_addr", "subject", "text",
		"filing_numbers", "attachments", "case_id", "state", "proposal", "problems", "source", "raw_sha256", "raw_size"} {
		for _, m := range mails {
			if _, ok := m[k]; !ok {
				t.Errorf("mail lacks %q: %s", k, out)
			}
		}
	}
	var first struct {
		MessageID     string   `json:"message_id"`
		Date          *string  `json:"date"`
		FromName      string   `json:"from_name"`
		Subject       string   `json:"subject"`
		FilingNumbers []string `json:"filing_numbers"`
		Attachments   []struct {
			Name   string `json:"name"`
			Size   int64  `json:"size"`
			SHA256 string `json:"sha256"`
		} `json:"attachments"`
		CaseID *int64 `json:"case_id"`
		State  string `json:"state"`
	}
	var byID = map[string]string{}
	for _, m := range mails {
		var id string
		json.Unmarshal(m["message_id"], &id)
		byID[id] = string(m["date"])
		if id == "cli-1@example.com" {
			raw, _ := json.Marshal(m)
			json.Unmarshal(raw, &first)
		}
		if string(m["filing_numbers"]) == "null" || string(m["attachments"]) == "null" {
			t.Errorf("null list in %s", raw(m))
		}
		if string(m["case_id"]) != "null" {
			t.Errorf("case_id %s", m["case_id"])
		}
	}
	if first.Date == nil || *first.Date != "2026-03-02T09:30:00+08:00" || first.FromName != "张三" ||
		first.Subject != "注销备案申请" || !slices.Equal(first.FilingNumbers, []string{"晋ICP备12345671号-1"}) ||
		len(first.Attachments) != 1 || first.Attachments[0].Name != "scan.pdf" || first.Attachments[0].Size != 5 ||
		first.State != "new" {
		t.Errorf("first mail %+v", first)
	}
	if byID[""] != "null" {
		t.Errorf("mail without Date has date %s, want null", byID[""])
	}

	code, out, _ = runCLI(t, "mails", "--db", db, "--state", "ignored", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("ignored: %d %q", code, out)
	}
	code, out, _ = runCLI(t, "mails", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 3 || !strings.Contains(out, "注销备案申请") {
		t.Errorf("table: %d %q", code, out)
	}
	if code, _, _ = runCLI(t, "mails", "--db", db, "--state", "bogus"); code != 2 {
		t.Errorf("bad state: exit %d", code)
	}
	if code, _, _ = runCLI(t, "import", "--db", db); code != 2 {
		t.Errorf("no files: exit %d", code)
	}
}

func raw(m map[string]json.RawMessage) string {
	b, _ := json.Marshal(m)
	return string(b)
}

func TestSyncCommand(t *testing.T) {
	const user, pass = "beianzhuxiao@163.com", "pw"
	mem := imapmemserver.New()
	u := imapmemserver.NewUser(user, pass)
	u.Create("INBOX", nil)
	mem.AddUser(u)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps: imap.CapSet{imap.CapIMAP4rev1: {}}, InsecureAuth: true, Logger: log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	c, err := imapclient.DialInsecure(ln.Addr().String(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(user, pass).Wait(); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		m := cliMailN(i)
		cmd := c.Append("INBOX", int64(len(m)), nil)
		cmd.Write([]byte(m))
		cmd.Close()
		if _, err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	db := filepath.Join(t.TempDir(), "b.db")
	t.Setenv(mail.EnvPassword, pass)

	code, out, errOut := runCLI(t, "sync", "--db", db, "--host", "127.0.0.1", "--port", port, "--user", user,
		"--security", "none", "--save", "--timeout", "10s")
	if code != 0 || out != "" {
		t.Fatalf("sync: %d %q %q", code, out, errOut)
	}
	for _, want := range []string{"环境变量", "收取中 0/3", "收取中 3/3", "新邮件 3 封,重复 0 封,失败 0 封"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %s", want, errOut)
		}
	}
	// The saved settings are used next time.
	code, _, errOut = runCLI(t, "sync", "--db", db)
	if code != 0 || !strings.Contains(errOut, "没有新邮件") {
		t.Errorf("second sync: %d %s", code, errOut)
	}
	// Flags still override them; plaintext to a remote host is refused.
	code, _, errOut = runCLI(t, "sync", "--db", db, "--host", "192.0.2.1")
	if code != 1 || !strings.Contains(errOut, "只允许连接本机") {
		t.Errorf("remote plaintext: %d %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "sync", "--db", db, "--port", "abc")
	if code != 2 {
		t.Errorf("bad port: %d %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "sync", "--db", db, "--timeout", "soon")
	if code != 2 {
		t.Errorf("bad timeout: %d %s", code, errOut)
	}
	t.Setenv(mail.EnvPassword, "wrong")
	code, _, errOut = runCLI(t, "sync", "--db", db)
	if code != 1 || !strings.Contains(errOut, "授权码") {
		t.Errorf("wrong password: %d %s", code, errOut)
	}
}
