package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"beiandesk/mail"
	"beiandesk/store/sqlite"
)

// TestMailsJSONChild is the child process of TestMailsJSONStreamsInBoundedMemory.
func TestMailsJSONChild(t *testing.T) {
	db := os.Getenv("BEIANDESK_MAILS_CHILD_DB")
	if db == "" {
		t.Skip("child process only")
	}
	os.Exit(run(context.Background(), []string{"mails", "--json", "--db", db}, strings.NewReader(""), os.Stdout, os.Stderr))
}

// Issue 11: `mails --json` took 188 MB for 3,760 mails. It must stream, and stay
// under 60 MB peak RSS whatever the count: 3,000 mails of ~7 KB of text each
// (about 22 MB of JSON) are listed by a child process whose peak is measured.
func TestMailsJSONStreamsInBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 3,000 mails")
	}
	const count = 3000
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "big.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	para := strings.Repeat("申请注销网站备案，主办单位山西某某科技有限公司，备案号晋ICP备12345678号-1。", 60)
	for i := range count {
		raw := fmt.Sprintf("Message-ID: <big-%d@example.cn>\r\nDate: Mon, 2 Mar 2026 09:30:00 +0800\r\nFrom: a%d@example.cn\r\nSubject: mail %d\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%d %s\r\n", i, i, i, i, para)
		if _, err := mail.Import(ctx, db, strings.NewReader(raw), "test"); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestMailsJSONChild$")
	cmd.Env = append(os.Environ(), "BEIANDESK_MAILS_CHILD_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Decode the stream as it comes: one array of count mails.
	dec := json.NewDecoder(bufio.NewReader(out))
	var bytesSeen int64
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		t.Fatalf("first token %v, %v", tok, err)
	}
	n := 0
	for dec.More() {
		var m struct {
			ID      int64  `json:"id"`
			Subject string `json:"subject"`
			Text    string `json:"text"`
		}
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		bytesSeen += int64(len(m.Text))
		n++
	}
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if n != count {
		t.Fatalf("listed %d mails, want %d", n, count)
	}
	rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
	t.Logf("%d mails, %.1f MB of text, child peak RSS %.1f MB", n, float64(bytesSeen)/1e6, float64(rss)/1024)
	if rss > 60*1024 {
		t.Errorf("peak RSS %.1f MB, want under 60 MB", float64(rss)/1024)
	}
}
