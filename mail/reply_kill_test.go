//go:build linux

package mail

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"beiandesk/mail/smtp/smtptest"
	"beiandesk/store"
)

// replyCommand runs the real binary's reply (or outbox) against the test
// servers, as the same account for IMAP and SMTP.
func (f *replyFixture) command(bin string, args ...string) *exec.Cmd {
	cfg := f.dc.config()
	args = append(args, "--db", f.dbPath, "--clerk", "王芳", "--user", cfg.User, "--from", "beianzhuxiao@163.com",
		"--imap-host", cfg.Host, "--imap-port", strconv.Itoa(cfg.Port), "--imap-security", "none",
		"--smtp-host", f.srv.Host, "--smtp-port", strconv.Itoa(f.srv.Port), "--smtp-security", "none")
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), EnvPassword+"="+cfg.Password)
	return cmd
}

func outboxJSON(t *testing.T, f *replyFixture, bin string, extra ...string) []map[string]any {
	t.Helper()
	var stderr bytes.Buffer
	cmd := f.command(bin, append([]string{"outbox", "--json"}, extra...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("outbox: %v\n%s", err, stderr.String())
	}
	var items []map[string]any
	if err := json.Unmarshal(out, &items); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	t.Logf("outbox after restart: %s", stderr.String())
	return items
}

// TestBinaryReplyKilled kills the replying process with SIGKILL between the
// SMTP server's acceptance of the message and the record of the send, then
// starts again: the message was delivered once, is recorded once, and
// nothing is sent twice.
func TestBinaryReplyKilled(t *testing.T) {
	bin := beiandeskBinary(t)
	for _, tc := range []struct {
		name string
		// filed: killed after the copy reached the sent folder (the record
		// was waiting for the database); else killed while waiting for
		// the server's answer to DATA.
		filed bool
	}{{"after the sent-folder copy", true}, {"before the server's answer", false}} {
		t.Run(tc.name, func(t *testing.T) {
			f := newReplyFixture(t, smtptest.Options{Plain: true})
			cfg := f.dc.config()
			f.srv.Configure(func(s *smtptest.Server) { s.User, s.Password = cfg.User, cfg.Password })
			ctx := context.Background()

			// A second connection to the book, to hold its write lock.
			lockDB, err := sql.Open("sqlite", "file:"+f.dbPath+"?_pragma=busy_timeout(10000)")
			if err != nil {
				t.Fatal(err)
			}
			defer lockDB.Close()
			conn, err := lockDB.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()

			entered := make(chan struct{})
			release := make(chan struct{})
			onData := func(smtptest.Message) {
				if tc.filed {
					// The send is under way and committed as such; from
					// now on the child cannot record anything.
					if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
						t.Error(err)
					}
					close(entered)
					return
				}
				close(entered)
				<-release
			}
			f.srv.Configure(func(s *smtptest.Server) { s.OnData = onData })
			child := f.command(bin, "reply", strconv.FormatInt(f.caseID, 10), "--kind", "return", "--json")
			var childErr bytes.Buffer
			child.Stderr = &childErr
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case <-entered:
			case <-time.After(60 * time.Second):
				child.Process.Kill()
				t.Fatalf("the message never reached the server: %s", childErr.String())
			}
			var mid string
			if err := conn.QueryRowContext(ctx, "SELECT message_id FROM outbox").Scan(&mid); err != nil {
				t.Fatal(err)
			}
			if tc.filed {
				deadline := time.Now().Add(20 * time.Second)
				for {
					ok, err := inSentFolder(ctx, cfg, mid)
					if err == nil && ok {
						break
					}
					if time.Now().After(deadline) {
						t.Fatalf("the copy never reached the sent folder: %v %s", err, childErr.String())
					}
					time.Sleep(20 * time.Millisecond)
				}
			}
			if err := child.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			state, _ := child.Process.Wait()
			if ws, ok := state.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
				t.Fatalf("child was not killed: %v, %s", state, childErr.String())
			}
			if tc.filed {
				conn.ExecContext(ctx, "ROLLBACK")
			} else {
				close(release)
			}
			f.srv.Configure(func(s *smtptest.Server) { s.OnData = nil })
			before, err := f.db.Outbox(ctx, store.OutboxFilter{})
			if err != nil || len(before) != 1 || before[0].State != store.OutboxPending {
				t.Fatalf("before restart the outbox says %+v (%v)", before, err)
			}

			// Restart.
			items := outboxJSON(t, f, bin)
			if len(items) != 1 {
				t.Fatalf("outbox: %v", items)
			}
			it := items[0]
			if n := f.srv.Count(mid); n != 1 {
				t.Fatalf("delivered %d times", n)
			}
			sentMails := 0
			mails, _ := f.db.Mails(ctx, store.MailFilter{})
			for _, m := range mails {
				if m.Source == SourceSent {
					sentMails++
				}
			}
			hist, _ := f.db.History(ctx, f.caseID)
			notices := 0
			for _, e := range hist {
				if e.Action == "notice" {
					notices++
				}
			}
			if tc.filed {
				if it["state"] != "sent" || it["state_text"] != "已发出" || it["appended"] != true || sentMails != 1 || notices != 1 {
					t.Fatalf("after restart: %v, %d sent mails stored, %d history entries", it, sentMails, notices)
				}
			} else {
				// The server has it, the sent folder has not: nobody can
				// tell, so it waits for the clerk instead of going twice.
				if it["state"] != "uncertain" || it["state_text"] != "待核实" || sentMails != 0 || notices != 0 ||
					!strings.Contains(it["error"].(string), "无法确认") {
					t.Fatalf("after restart: %v", it)
				}
				var stderr bytes.Buffer
				cmd := f.command(bin, "outbox", "--retry", strconv.FormatInt(int64(it["id"].(float64)), 10), "--json")
				cmd.Stderr = &stderr
				if err := cmd.Run(); err == nil || !strings.Contains(stderr.String(), "待核实") {
					t.Fatalf("retry without --confirm: %v %s", err, stderr.String())
				}
			}
			// Another start changes nothing and sends nothing.
			outboxJSON(t, f, bin)
			if n := f.srv.Count(mid); n != 1 {
				t.Fatalf("delivered %d times after a second start", n)
			}
		})
	}
}
