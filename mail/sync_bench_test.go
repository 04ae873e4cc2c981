//go:build linux

package mail

import (
	"context"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const benchMails = 2000

// benchMail is a request of about 30 KB (plain and HTML text); every tenth
// carries a 200 KB attachment.
func benchMail(n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "Received: from mx%d.example.net by mx.163.com; Mon, 2 Mar 2026 09:00:00 +0800\r\n"+
		"Message-ID: <bench-%d@example.com>\r\n"+
		"Date: Mon, 2 Mar 2026 09:%02d:00 +0800\r\n"+
		"From: =?UTF-8?B?5byg5LiJ?= <user%d@example.com>\r\n"+
		"To: beianzhuxiao@163.com\r\n"+
		"Subject: =?UTF-8?B?5rOo6ZSA5aSH5qGI55Sz6K+3?= %d\r\n"+
		"MIME-Version: 1.0\r\n"+
		"Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"+
		"--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n", n, n, n%60, n, n)
	para := fmt.Sprintf("您好!本单位申请注销网站备案,备案号晋ICP备%08d号-1,域名 example%d.cn,统一社会信用代码 91140100MA0GRT1X2K,联系电话 13912345678。", 10000000+n, n)
	text := strings.Repeat(para+"\r\n", 40)
	b.WriteString("--alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	writeBase64(&b, []byte(text))
	b.WriteString("--alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	writeBase64(&b, []byte("<html><body><style>p{}</style>"+strings.Repeat("<p>"+para+"</p>\r\n", 40)+"</body></html>"))
	b.WriteString("--alt--\r\n")
	if n%10 == 0 {
		att := make([]byte, 200<<10)
		rand.NewChaCha8([32]byte{byte(n), byte(n >> 8)}).Read(att)
		b.WriteString("--outer\r\nContent-Type: application/msword; name=\"=?UTF-8?B?5rOo6ZSA5aSH5qGI55Sz6K+36KGoLmRvYw==?=\"\r\n" +
			"Content-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\n")
		writeBase64(&b, att)
	}
	b.WriteString("--outer--\r\n")
	return []byte(b.String())
}

func writeBase64(b *strings.Builder, data []byte) {
	enc := base64.StdEncoding.EncodeToString(data)
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
}

func benchDovecot(b *testing.B) *dovecot {
	d := startDovecot(b)
	var total int
	for i := 1; i <= benchMails; i++ {
		m := benchMail(i)
		total += len(m)
		d.deliver(b, "", m)
	}
	b.Logf("%d mails, %.1f MB", benchMails, float64(total)/(1<<20))
	b.SetBytes(int64(total))
	return d
}

// BenchmarkSync fetches, parses and stores the whole mailbox into a new
// database per iteration.
func BenchmarkSync(b *testing.B) {
	d := benchDovecot(b)
	// Let Dovecot build its index first, as it has for a real mailbox.
	if _, err := Sync(context.Background(), openTestDB(b), d.config(), nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var book int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := openTestDB(b)
		b.StartTimer()
		st, err := Sync(context.Background(), db, d.config(), nil)
		if err != nil || st.New != benchMails {
			b.Fatalf("sync: %+v %v", st, err)
		}
		b.StopTimer()
		book = 0
		for _, suffix := range []string{"", "-wal"} {
			if fi, err := os.Stat(db.Location() + suffix); err == nil {
				book += fi.Size()
			}
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(benchMails*b.N)/b.Elapsed().Seconds(), "msg/s")
	// What the mailbox takes in the book (the database file and its WAL).
	b.ReportMetric(float64(book)/(1<<20), "book-MB")
}

// BenchmarkMbsync is the peer: mbsync (isync) pulling the same mailbox
// into a Maildir on the same disk, with its default fsync per message and
// without (SQLite in WAL mode with synchronous=NORMAL does not sync each
// commit either).
func BenchmarkMbsync(b *testing.B) {
	bin, err := exec.LookPath("mbsync")
	if err != nil {
		b.Skip("mbsync not installed (apt-get install isync)")
	}
	d := benchDovecot(b)
	for _, fsync := range []string{"yes", "no"} {
		b.Run("fsync="+fsync, func(b *testing.B) { benchMbsync(b, bin, d, fsync) })
	}
}

func benchMbsync(b *testing.B, bin string, d *dovecot, fsync string) {
	run := func() {
		dir, err := os.MkdirTemp("", "beiandesk-mbsync-*")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(dir) })
		if err := os.Mkdir(filepath.Join(dir, "mail"), 0o700); err != nil {
			b.Fatal(err)
		}
		rc := filepath.Join(dir, "mbsyncrc")
		conf := fmt.Sprintf("FSync %[5]s\n\nIMAPAccount test\nHost 127.0.0.1\nPort %[1]d\nUser %[2]s\nPass \"%[3]s\"\nSSLType None\nAuthMechs LOGIN\n\n"+
			"IMAPStore remote\nAccount test\n\nMaildirStore local\nPath %[4]s/mail/\nInbox %[4]s/mail/INBOX\n\n"+
			"Channel pull\nFar :remote:\nNear :local:\nPatterns INBOX\nCreate Near\nSync Pull\nSyncState *\n",
			d.port, d.user, d.pass, dir, fsync)
		if err := os.WriteFile(rc, []byte(conf), 0o600); err != nil {
			b.Fatal(err)
		}
		out, err := exec.Command(bin, "-q", "-c", rc, "pull").CombinedOutput()
		if err != nil {
			b.Fatalf("mbsync: %v\n%s", err, out)
		}
		b.StopTimer()
		got, _ := filepath.Glob(filepath.Join(dir, "mail", "INBOX", "cur", "*"))
		got2, _ := filepath.Glob(filepath.Join(dir, "mail", "INBOX", "new", "*"))
		if len(got)+len(got2) != benchMails {
			b.Fatalf("mbsync pulled %d mails", len(got)+len(got2))
		}
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.StopTimer()
	run() // index warm-up, as for BenchmarkSync
	b.StartTimer()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		run()
	}
	b.ReportMetric(float64(benchMails*b.N)/b.Elapsed().Seconds(), "msg/s")
}
