//go:build linux

package mail

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkSyncVsMbsync runs mbsync (FSync no: SQLite's WAL with
// synchronous=NORMAL does not sync each commit either) and beiandesk's Sync
// alternately on the same Dovecot mailbox and disk, three rounds each per
// iteration, and reports both medians in msg/s and their ratio
// (beiandesk ÷ mbsync; ≥ 1 is the goal of issue 11).
func BenchmarkSyncVsMbsync(b *testing.B) {
	bin, err := exec.LookPath("mbsync")
	if err != nil {
		b.Skip("mbsync not installed (apt-get install isync)")
	}
	d := benchDovecot(b)
	if _, err := Sync(context.Background(), openTestDB(b), d.config(), nil); err != nil {
		b.Fatal(err) // Dovecot builds its index once, as for a real mailbox
	}
	var ours, theirs []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for range 3 {
			theirs = append(theirs, benchMails/mbsyncOnce(b, bin, d).Seconds())
			db := openTestDB(b)
			start := time.Now()
			st, err := Sync(context.Background(), db, d.config(), nil)
			if err != nil || st.New != benchMails {
				b.Fatalf("sync: %+v %v", st, err)
			}
			ours = append(ours, benchMails/time.Since(start).Seconds())
		}
	}
	o, t := median(ours), median(theirs)
	b.ReportMetric(o, "beiandesk-msg/s")
	b.ReportMetric(t, "mbsync-msg/s")
	b.ReportMetric(o/t, "ratio")
	b.Logf("beiandesk %.0f msg/s, mbsync %.0f msg/s (medians of %d rounds), ratio %.2f×", o, t, len(ours), o/t)
}

// mbsyncOnce pulls the mailbox into a fresh Maildir and returns how long it took.
func mbsyncOnce(b *testing.B, bin string, d *dovecot) time.Duration {
	dir, err := os.MkdirTemp("", "beiandesk-mbsync-*")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.Mkdir(filepath.Join(dir, "mail"), 0o700); err != nil {
		b.Fatal(err)
	}
	rc := filepath.Join(dir, "mbsyncrc")
	conf := fmt.Sprintf("FSync no\n\nIMAPAccount test\nHost 127.0.0.1\nPort %[1]d\nUser %[2]s\nPass \"%[3]s\"\nSSLType None\nAuthMechs LOGIN\n\n"+
		"IMAPStore remote\nAccount test\n\nMaildirStore local\nPath %[4]s/mail/\nInbox %[4]s/mail/INBOX\n\n"+
		"Channel pull\nFar :remote:\nNear :local:\nPatterns INBOX\nCreate Near\nSync Pull\nSyncState *\n",
		d.port, d.user, d.pass, dir)
	if err := os.WriteFile(rc, []byte(conf), 0o600); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if out, err := exec.Command(bin, "-q", "-c", rc, "pull").CombinedOutput(); err != nil {
		b.Fatalf("mbsync: %v\n%s", err, out)
	}
	return time.Since(start)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
