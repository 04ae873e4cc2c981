//go:build linux

package mail

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// gbkMessage is a mail as Chinese clients send it: a gb2312 label on text
// with GBK-only characters (喆 is not in GB2312), and raw 8-bit headers.
func gbkMessage(n int) []byte {
	enc := simplifiedchinese.GBK.NewEncoder()
	subject, _ := enc.String(fmt.Sprintf("关于注销王喆网站备案的申请 %d", n))
	body, _ := enc.String("申请注销 晋ICP备23456789号-2 ,联系人王喆。\r\n")
	name, _ := enc.String("王喆")
	return []byte(fmt.Sprintf("Message-ID: <gbk-%d@example.cn>\r\n"+
		"Date: Tue, 3 Mar 2026 10:00:00 +0800\r\n"+
		"From: \"%s\" <wangzhe@example.cn>\r\n"+
		"To: beian@example.cn\r\n"+
		"Subject: =?gb2312?B?%s?=\r\n"+
		"Content-Type: text/plain; charset=gb2312\r\n"+
		"Content-Transfer-Encoding: 8bit\r\n"+
		"\r\n%s", n, name, base64.StdEncoding.EncodeToString([]byte(subject)), body))
}

func TestDovecotSync(t *testing.T) {
	ctx := context.Background()
	d := startDovecot(t)
	var msgs [][]byte
	for i := 1; i <= 40; i++ {
		msgs = append(msgs, testMessage(i))
	}
	d.deliver(t, "", msgs...)
	d.deliver(t, "S", testMessage(41), testMessage(42)) // already read by a colleague
	d.deliver(t, "FS", testMessage(43))
	d.deliver(t, "", gbkMessage(1))
	before := d.files(t)

	db := openTestDB(t)
	cfg := d.config()
	cfg.BatchSize = 16
	st, err := Sync(ctx, db, cfg, nil)
	if err != nil || st.New != 44 || st.Duplicates != 0 || st.Failed != 0 {
		t.Fatalf("first sync: %+v %v\n%s", st, err, d.log(t))
	}
	want := append(wantIDs(1, 43), "gbk-1@example.cn")
	slices.Sort(want)
	if got := storedMessageIDs(t, db); !slices.Equal(got, want) {
		t.Errorf("stored %v", got)
	}
	// ID was sent (Dovecot advertises it) and logged.
	if log := d.log(t); !strings.Contains(log, "ID sent: name=beiandesk") {
		t.Errorf("no ID in the Dovecot log:\n%s", log)
	}
	mails, _ := db.Mails(ctx, store.MailFilter{})
	for _, m := range mails {
		if m.MessageID == "gbk-1@example.cn" {
			if m.Subject != "关于注销王喆网站备案的申请 1" || m.FromName != "王喆" || !strings.Contains(m.Text, "王喆") {
				t.Errorf("GBK mail: subject %q from %q text %q", m.Subject, m.FromName, m.Text)
			}
		}
	}
	// Read-only: every file keeps its name, so no flag changed (no \Seen
	// added, none removed) and nothing was moved or deleted.
	if after := d.files(t); !slices.Equal(before, after) {
		t.Errorf("Maildir changed:\nbefore %q\nafter  %q", before, after)
	}

	// Incremental.
	d.deliver(t, "", testMessage(44), testMessage(45))
	st, err = Sync(ctx, db, cfg, nil)
	if err != nil || st.New != 2 || st.Duplicates != 0 {
		t.Errorf("incremental: %+v %v", st, err)
	}
	before = d.files(t)

	// A new UIDVALIDITY: the whole mailbox is read again, nothing doubles.
	d.changeUIDValidity(t)
	d.deliver(t, "", testMessage(46))
	st, err = Sync(ctx, db, cfg, nil)
	if err != nil || st.New != 1 || st.Duplicates != 46 {
		t.Errorf("after UIDVALIDITY change: %+v %v\n%s", st, err, d.log(t))
	}
	if len(st.Problems) != 1 || !strings.Contains(st.Problems[0], "UIDVALIDITY") {
		t.Errorf("problems %q", st.Problems)
	}
	want = append(wantIDs(1, 46), "gbk-1@example.cn")
	slices.Sort(want)
	if got := storedMessageIDs(t, db); !slices.Equal(got, want) {
		t.Errorf("stored %d: %v", len(got), got)
	}
	after := d.files(t)
	if len(after) != len(before)+1 {
		t.Errorf("Maildir has %d files, want %d", len(after), len(before)+1)
	}
	for _, f := range before {
		if !slices.Contains(after, f) {
			t.Errorf("%s changed", f)
		}
	}
	st, err = Sync(ctx, db, cfg, nil)
	if err != nil || st.New+st.Duplicates != 0 {
		t.Errorf("idle sync: %+v %v", st, err)
	}
}

// TestDovecotConnectionDrop: the server side goes away in the middle of a
// FETCH. The sync fails with a clear error, keeps what arrived whole, and
// the next sync completes without doubles.
func TestDovecotConnectionDrop(t *testing.T) {
	ctx := context.Background()
	d := startDovecot(t)
	var msgs [][]byte
	for i := 1; i <= 60; i++ {
		msgs = append(msgs, padMessage(testMessage(i), 8<<10))
	}
	d.deliver(t, "", msgs...)
	db := openTestDB(t)
	p := startProxy(t, d.addr(), tcpProxyOptions{cutAfter: 200 << 10})
	cfg := d.config()
	cfg.Port = p.port
	cfg.BatchSize = 10
	st, err := Sync(ctx, db, cfg, nil)
	if KindOf(err) != ErrNetwork || !strings.Contains(Describe(err), "连接中断") {
		t.Fatalf("err = %v (kind %v), want a dropped connection", err, KindOf(err))
	}
	t.Logf("cut: %+v: %s", st, Describe(err))
	n, _ := db.CountMails(ctx, "")
	if n != st.New || n == 0 || n >= 60 {
		t.Errorf("stored %d, stats %+v", n, st)
	}
	st, err = Sync(ctx, db, d.config(), nil)
	if err != nil || st.New != 60-n || st.Duplicates != 0 {
		t.Errorf("resume: %+v %v, want %d new", st, err, 60-n)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 60)) {
		t.Errorf("stored %v", got)
	}
}

// padMessage appends text lines so the message has about size bytes.
func padMessage(m []byte, size int) []byte {
	var b bytes.Buffer
	b.Write(m)
	for b.Len() < size {
		b.WriteString("本段文字用于填充邮件正文,使其接近真实邮件的大小。The quick brown fox jumps over the lazy dog.\r\n")
	}
	return b.Bytes()
}

// writeHugeMail writes a message of about size bytes with one large
// base64 attachment and returns the SHA-256 of the file.
func writeHugeMail(t testing.TB, path string, size int64) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	w := bufio.NewWriter(io.MultiWriter(f, h))
	fmt.Fprint(w, "Message-ID: <big@example.com>\r\n"+
		"Date: Wed, 4 Mar 2026 11:00:00 +0800\r\n"+
		"From: big@example.com\r\n"+
		"Subject: =?UTF-8?B?5aSn6YKu5Lu2?=\r\n"+
		"MIME-Version: 1.0\r\n"+
		"Content-Type: multipart/mixed; boundary=BIG\r\n\r\n"+
		"--BIG\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n扫描件见附件,晋ICP备12345678号。\r\n"+
		"--BIG\r\nContent-Type: application/pdf; name=scan.pdf\r\n"+
		"Content-Disposition: attachment; filename=scan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	rng := rand.NewChaCha8([32]byte{1})
	raw := make([]byte, 57*1000)
	line := make([]byte, 76)
	var written int64
	for written < size-200 {
		rng.Read(raw)
		for i := 0; i < len(raw); i += 57 {
			base64.StdEncoding.Encode(line, raw[i:i+57])
			w.Write(line)
			w.WriteString("\r\n")
			written += 78
		}
	}
	fmt.Fprint(w, "--BIG--\r\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestDovecotBigMessage: a 50 MB message goes through sync whole.
func TestDovecotBigMessage(t *testing.T) {
	ctx := context.Background()
	d := startDovecot(t)
	big := filepath.Join(t.TempDir(), "big.eml")
	sum := writeHugeMail(t, big, 50<<20)
	d.deliverFile(t, big)
	d.deliver(t, "", testMessage(1))
	db := openTestDB(t)
	st, err := Sync(ctx, db, d.config(), nil)
	if err != nil || st.New != 2 {
		t.Fatalf("sync: %+v %v", st, err)
	}
	fi, _ := os.Stat(big)
	mails, _ := db.Mails(ctx, store.MailFilter{})
	for _, m := range mails {
		if m.MessageID != "big@example.com" {
			continue
		}
		if m.RawSHA256 != sum || m.RawSize != fi.Size() {
			t.Errorf("raw %s %d, want %s %d", m.RawSHA256, m.RawSize, sum, fi.Size())
		}
		if len(m.Attachments) != 1 || m.Attachments[0].Name != "scan.pdf" || m.Attachments[0].Size < 36<<20 {
			t.Errorf("attachments %+v", m.Attachments)
		}
		return
	}
	t.Errorf("big message not stored")
}

// Binary tests: the real command line as a subprocess.

var built struct {
	once sync.Once
	path string
	err  error
}

// binary builds ./cmd/beiandesk once per test run (the first build compiles
// Fyne's cgo code and takes minutes). BEIANDESK_TEST_BINARY names a
// prebuilt one instead.
func beiandeskBinary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("BEIANDESK_TEST_BINARY"); p != "" {
		return p
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "beiandesk-bin-*")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "beiandesk")
		cmd := exec.Command("go", "build", "-o", built.path, "./cmd/beiandesk")
		cmd.Dir = ".."
		out, err := cmd.CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

func syncCommand(bin, dbPath string, cfg Config, extra ...string) *exec.Cmd {
	args := []string{"sync", "--db", dbPath, "--host", cfg.Host, "--port", strconv.Itoa(cfg.Port),
		"--user", cfg.User, "--security", cfg.Security}
	cmd := exec.Command(bin, append(args, extra...)...)
	cmd.Env = append(os.Environ(), EnvPassword+"="+cfg.Password)
	return cmd
}

// TestBinaryExactlyOnce kills the syncing process at random moments; in the
// end every mail is stored exactly once.
func TestBinaryExactlyOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	d := startDovecot(t)
	bin := beiandeskBinary(t)
	const total, rounds = 300, 20
	var msgs [][]byte
	for i := 1; i <= total; i++ {
		msgs = append(msgs, padMessage(testMessage(i), 4<<10+i*37))
	}
	// Mail keeps arriving while the syncs are being killed, and a slow line
	// stretches each sync so that the kills land anywhere in it.
	slow := startProxy(t, d.addr(), tcpProxyOptions{delay: 2 * time.Millisecond})
	cfg := d.config()
	cfg.Port = slow.port
	dbPath := filepath.Join(t.TempDir(), "beiandesk.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	killed := 0
	for round := 0; round < rounds; round++ {
		d.deliver(t, "", msgs[round*total/rounds:(round+1)*total/rounds]...)
		cmd := syncCommand(bin, dbPath, cfg)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: %v\n%s", round, err, stderr.String())
			}
		case <-time.After(time.Duration(10+rng.IntN(250)) * time.Millisecond):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killed++
		}
	}
	if db, err := sqlite.Open(context.Background(), dbPath); err == nil {
		n, _ := db.CountMails(context.Background(), "")
		db.Close()
		t.Logf("%d of %d mails stored by the killed runs", n, total)
	}
	cmd := syncCommand(bin, dbPath, d.config())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("final sync: %v\n%s", err, out)
	}
	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QuickCheck(context.Background()); err != nil {
		t.Error(err)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, total)) {
		t.Errorf("stored %d mails, want each of %d once", len(got), total)
	}
	t.Logf("%d of %d runs killed", killed, rounds)
}

// TestBinaryConcurrentSync: a second process finds the first one syncing
// and says so; every mail is stored once.
func TestBinaryConcurrentSync(t *testing.T) {
	d := startDovecot(t)
	bin := beiandeskBinary(t)
	var msgs [][]byte
	for i := 1; i <= 100; i++ {
		msgs = append(msgs, padMessage(testMessage(i), 16<<10))
	}
	d.deliver(t, "", msgs...)
	dbPath := filepath.Join(t.TempDir(), "beiandesk.db")
	slow := startProxy(t, d.addr(), tcpProxyOptions{delay: 20 * time.Millisecond})
	cfgA := d.config()
	cfgA.Port = slow.port
	a := syncCommand(bin, dbPath, cfgA)
	stderrA, err := a.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	var logA strings.Builder
	started := make(chan struct{})
	copied := make(chan struct{})
	go func() {
		defer close(copied)
		sc := bufio.NewScanner(stderrA)
		once := sync.Once{}
		for sc.Scan() {
			logA.WriteString(sc.Text() + "\n")
			if strings.HasPrefix(sc.Text(), "收取中") {
				once.Do(func() { close(started) })
			}
		}
	}()
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("first sync did not start")
	}
	b := syncCommand(bin, dbPath, d.config())
	out, err := b.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "另一窗口正在收取") {
		t.Errorf("second sync: %v\n%s", err, out)
	}
	<-copied
	if err := a.Wait(); err != nil {
		t.Fatalf("first sync: %v\n%s", err, logA.String())
	}
	db, err := sqlite.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 100)) {
		t.Errorf("stored %d mails", len(got))
	}
}

// TestBinaryBigMessageMemory: importing and syncing a 50 MB message stays
// within 150 MB of peak memory.
func TestBinaryBigMessageMemory(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector multiplies memory use: the limit means nothing under it")
	}
	const limitKB = 150 << 10
	d := startDovecot(t)
	bin := beiandeskBinary(t)
	big := filepath.Join(t.TempDir(), "big.eml")
	writeHugeMail(t, big, 50<<20)

	imp := exec.Command(bin, "import", "--db", filepath.Join(t.TempDir(), "a.db"), big)
	out, err := imp.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "新邮件 1 封") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	rss := imp.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KB on Linux
	t.Logf("import of a 50 MB message: peak RSS %d MB", rss>>10)
	if rss > limitKB {
		t.Errorf("import peak RSS %d MB > 150 MB", rss>>10)
	}

	d.deliverFile(t, big)
	syn := syncCommand(bin, filepath.Join(t.TempDir(), "b.db"), d.config())
	out, err = syn.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "新邮件 1 封") {
		t.Fatalf("sync: %v\n%s", err, out)
	}
	rss = syn.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
	t.Logf("sync of a 50 MB message: peak RSS %d MB", rss>>10)
	if rss > limitKB {
		t.Errorf("sync peak RSS %d MB > 150 MB", rss>>10)
	}
}
