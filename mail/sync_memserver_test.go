package mail

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

const (
	testUser = "beianzhuxiao@163.com"
	testPass = "授权码-abc123"
)

// memServer is go-imap's in-memory server on a loopback TCP port.
type memServer struct {
	addr string
	port int
}

type memOptions struct {
	tls      *tls.Config // implicit TLS on the listener
	startTLS *tls.Config // offered with STARTTLS
}

func startMemServer(t testing.TB, opt memOptions) *memServer {
	t.Helper()
	mem := imapmemserver.New()
	u := imapmemserver.NewUser(testUser, testPass)
	if err := u.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	mem.AddUser(u)
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		InsecureAuth: true,
		TLSConfig:    opt.startTLS,
		Logger:       log.New(io.Discard, "", 0),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if opt.tls != nil {
		ln = tls.NewListener(ln, opt.tls)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	port := ln.Addr().(*net.TCPAddr).Port
	return &memServer{addr: ln.Addr().String(), port: port}
}

// admin is a second client that fills and inspects the mailbox the way
// other mail clients would.
func (m *memServer) admin(t testing.TB) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(m.addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(testUser, testPass).Wait(); err != nil {
		t.Fatal(err)
	}
	return c
}

func (m *memServer) config(mailbox string) Config {
	return Config{Host: "127.0.0.1", Port: m.port, User: testUser, Password: testPass,
		Mailbox: mailbox, Security: SecurityNone, Timeout: 5 * time.Second}
}

func appendMessages(t testing.TB, c *imapclient.Client, mailbox string, flags []imap.Flag, msgs ...[]byte) {
	t.Helper()
	for _, m := range msgs {
		cmd := c.Append(mailbox, int64(len(m)), &imap.AppendOptions{Flags: flags})
		if _, err := cmd.Write(m); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
	}
}

// mailboxFlags returns "uid:flags" for every message, read without
// touching anything (EXAMINE).
func mailboxFlags(t testing.TB, c *imapclient.Client, mailbox string) []string {
	t.Helper()
	if _, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	var all imap.SeqSet
	all.AddRange(1, 0)
	bufs, err := c.Fetch(all, &imap.FetchOptions{UID: true, Flags: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range bufs {
		fl := make([]string, len(b.Flags))
		for i, f := range b.Flags {
			fl[i] = string(f)
		}
		slices.Sort(fl)
		out = append(out, fmt.Sprintf("%d:%s", b.UID, strings.Join(fl, ",")))
	}
	slices.Sort(out)
	if err := c.Unselect().Wait(); err != nil {
		t.Fatal(err)
	}
	return out
}

// testMessage builds a request mail. Distinct n give distinct messages.
func testMessage(n int) []byte {
	return []byte(fmt.Sprintf("Received: from mx%d.example.net by mx.163.com; Mon, 2 Mar 2026 09:00:00 +0800\r\n"+
		"Message-ID: <req-%d@example.com>\r\n"+
		"Date: Mon, 2 Mar 2026 09:%02d:00 +0800\r\n"+
		"From: =?UTF-8?B?5byg5LiJ?= <zhangsan%d@example.com>\r\n"+
		"To: beianzhuxiao@163.com\r\n"+
		"Subject: =?UTF-8?B?5rOo6ZSA5aSH5qGI55Sz6K+3?= %d\r\n"+
		"MIME-Version: 1.0\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n"+
		"\r\n"+
		"您好,申请注销网站备案 晋ICP备%08d号-1,域名 example%d.cn。\r\n", n, n, n%60, n, n, 10000000+n, n))
}

func openTestDB(t testing.TB) store.Book {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "beiandesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// storedMessageIDs returns the Message-IDs of all stored mails, sorted.
func storedMessageIDs(t testing.TB, db store.Book) []string {
	t.Helper()
	mails, err := db.Mails(context.Background(), store.MailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(mails))
	for i, m := range mails {
		ids[i] = m.MessageID
	}
	slices.Sort(ids)
	return ids
}

func wantIDs(from, to int) []string {
	var ids []string
	for i := from; i <= to; i++ {
		ids = append(ids, fmt.Sprintf("req-%d@example.com", i))
	}
	slices.Sort(ids)
	return ids
}

func TestSyncMemServer(t *testing.T) {
	ctx := context.Background()
	srv := startMemServer(t, memOptions{})
	admin := srv.admin(t)
	const box = "申请/注销" // a non-ASCII folder name travels as modified UTF-7
	if err := admin.Create(box, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	// Flags other clients set must stay exactly as they are.
	appendMessages(t, admin, box, []imap.Flag{imap.FlagFlagged, "$Label1"}, testMessage(1))
	appendMessages(t, admin, box, nil, testMessage(2), testMessage(3))
	db := openTestDB(t)
	cfg := srv.config(box)
	before := mailboxFlags(t, admin, box)

	var calls [][2]int
	st, err := Sync(ctx, db, cfg, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatalf("first sync: %v", err)
	}
	if st.New != 3 || st.Duplicates != 0 || st.Failed != 0 {
		t.Errorf("first sync: %+v, want 3 new", st)
	}
	if want := [][2]int{{0, 3}, {1, 3}, {2, 3}, {3, 3}}; !slices.Equal(calls, want) {
		t.Errorf("progress = %v, want %v", calls, want)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 3)) {
		t.Errorf("stored %v", got)
	}
	mails, _ := db.Mails(ctx, store.MailFilter{})
	for _, m := range mails {
		if !strings.HasPrefix(m.Subject, "注销备案申请") || m.FromName != "张三" {
			t.Errorf("mail %d: subject %q from %q", m.ID, m.Subject, m.FromName)
		}
		if m.Source != "imap:"+testUser+"@127.0.0.1/"+box {
			t.Errorf("source %q", m.Source)
		}
	}
	cp, ok, err := db.Checkpoint(ctx, cfg.Account(), box)
	if err != nil || !ok || cp.LastUID != 3 {
		t.Errorf("checkpoint %+v %v %v, want last UID 3", cp, ok, err)
	}

	// Nothing new: nothing fetched.
	st, err = Sync(ctx, db, cfg, nil)
	if err != nil || st.New+st.Duplicates+st.Failed+len(st.Problems) != 0 {
		t.Errorf("idle sync: %+v %v", st, err)
	}

	// Incremental: only the new ones.
	appendMessages(t, admin, box, nil, testMessage(4), testMessage(5))
	st, err = Sync(ctx, db, cfg, nil)
	if err != nil || st.New != 2 || st.Duplicates != 0 {
		t.Errorf("incremental sync: %+v %v, want 2 new", st, err)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 5)) {
		t.Errorf("stored %v", got)
	}

	// The mailbox is exactly as before: no \Seen, no lost keyword.
	after := mailboxFlags(t, admin, box)
	if !slices.Equal(before, after[:len(before)]) {
		t.Errorf("flags changed:\nbefore %v\nafter  %v", before, after)
	}
	for _, f := range after {
		if strings.Contains(strings.ToLower(f), `\seen`) {
			t.Errorf("sync set \\Seen: %v", after)
		}
	}
	if len(after) != 5 {
		t.Errorf("mailbox has %d messages, want 5", len(after))
	}

	// UIDVALIDITY changes when the folder is recreated: everything is
	// looked at again, nothing is stored twice, the new one is stored.
	if err := admin.Delete(box).Wait(); err != nil {
		t.Fatal(err)
	}
	if err := admin.Create(box, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	appendMessages(t, admin, box, nil, testMessage(5), testMessage(4), testMessage(1), testMessage(6))
	st, err = Sync(ctx, db, cfg, nil)
	if err != nil || st.New != 1 || st.Duplicates != 3 {
		t.Errorf("sync after UIDVALIDITY change: %+v %v, want 1 new 3 duplicates", st, err)
	}
	if len(st.Problems) != 1 || !strings.Contains(st.Problems[0], "UIDVALIDITY") {
		t.Errorf("problems %q, want a UIDVALIDITY note", st.Problems)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 6)) {
		t.Errorf("stored %v", got)
	}
	cp2, _, _ := db.Checkpoint(ctx, cfg.Account(), box)
	if cp2.UIDValidity == cp.UIDValidity || cp2.LastUID != 4 {
		t.Errorf("checkpoint after rescan %+v (before %+v)", cp2, cp)
	}
}

func TestSyncBatches(t *testing.T) {
	ctx := context.Background()
	srv := startMemServer(t, memOptions{})
	admin := srv.admin(t)
	var msgs [][]byte
	for i := 1; i <= 25; i++ {
		msgs = append(msgs, testMessage(i))
	}
	appendMessages(t, admin, "INBOX", nil, msgs...)
	db := openTestDB(t)
	cfg := srv.config("")
	cfg.BatchSize = 7
	st, err := Sync(ctx, db, cfg, nil)
	if err != nil || st.New != 25 {
		t.Fatalf("sync: %+v %v", st, err)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 25)) {
		t.Errorf("stored %v", got)
	}
}

func TestBatches(t *testing.T) {
	mk := func(sizes ...int64) []listed {
		var l []listed
		for i, s := range sizes {
			l = append(l, listed{uid: imap.UID(i + 1), size: s})
		}
		return l
	}
	count := func(bs [][]listed) []int {
		var n []int
		for _, b := range bs {
			n = append(n, len(b))
		}
		return n
	}
	tests := []struct {
		name  string
		msgs  []listed
		count int
		bytes int64
		want  []int
	}{
		{"empty", nil, 3, 100, nil},
		{"by count", mk(1, 1, 1, 1, 1, 1, 1), 3, 100, []int{3, 3, 1}},
		{"by bytes", mk(40, 40, 40, 40), 10, 100, []int{2, 2}},
		{"big alone", mk(10, 500, 10), 10, 100, []int{1, 1, 1}},
	}
	for _, tt := range tests {
		if got := count(batches(tt.msgs, tt.count, tt.bytes)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSyncRefusesPlaintextToRemote(t *testing.T) {
	db := openTestDB(t)
	tests := []struct {
		host string
		ok   bool
	}{
		{"imap.163.com", false},
		{"10.0.0.1", false},
		{"192.168.1.10", false},
		{"127.0.0.1.example.com", false},
		{"localhost.example.com", false},
		{"127.0.0.1", true},
		{"127.8.9.10", true},
		{"::1", true},
		{"[::1]", true},
		{"localhost", true},
		{"LOCALHOST.", true},
	}
	for _, tt := range tests {
		if got := isLoopback(tt.host); got != tt.ok {
			t.Errorf("isLoopback(%q) = %v", tt.host, got)
		}
		if tt.ok {
			continue
		}
		// Port 1 on a routable host: had it dialled, the error would be a
		// network one, and slow.
		cfg := Config{Host: tt.host, Port: 1, User: "u", Password: "p", Security: "none", Timeout: time.Second}
		start := time.Now()
		_, err := Sync(context.Background(), db, cfg, nil)
		if KindOf(err) != ErrConfig || !strings.Contains(Describe(err), "只允许连接本机") {
			t.Errorf("%s: err = %v (kind %v), want a refusal", tt.host, err, KindOf(err))
		}
		if d := time.Since(start); d > 200*time.Millisecond {
			t.Errorf("%s: refusal took %v: it must not dial", tt.host, d)
		}
	}
}

func TestSyncConfigErrors(t *testing.T) {
	db := openTestDB(t)
	tests := []struct {
		cfg  Config
		kind ErrorKind
		text string
	}{
		{Config{User: "u", Password: "p"}, ErrConfig, "服务器地址"},
		{Config{Host: "imap.163.com", Password: "p"}, ErrConfig, "账号"},
		{Config{Host: "imap.163.com", User: "u"}, ErrCredential, "授权码"},
		{Config{Host: "imap.163.com", User: "u", Password: "p", Security: "ssl"}, ErrConfig, "tls、starttls 或 none"},
	}
	for _, tt := range tests {
		_, err := Sync(context.Background(), db, tt.cfg, nil)
		if KindOf(err) != tt.kind || !strings.Contains(Describe(err), tt.text) {
			t.Errorf("%+v: %v (kind %v), want kind %v mentioning %q", tt.cfg, err, KindOf(err), tt.kind, tt.text)
		}
	}
}

func TestSyncWrongPassword(t *testing.T) {
	srv := startMemServer(t, memOptions{})
	cfg := srv.config("")
	cfg.Password = "wrong"
	_, err := Sync(context.Background(), openTestDB(t), cfg, nil)
	if KindOf(err) != ErrAuth || !strings.Contains(Describe(err), "授权码") {
		t.Errorf("err = %v (kind %v), want ErrAuth", err, KindOf(err))
	}
}

func TestSyncNoSuchMailbox(t *testing.T) {
	srv := startMemServer(t, memOptions{})
	_, err := Sync(context.Background(), openTestDB(t), srv.config("Nope"), nil)
	if KindOf(err) != ErrServer || !strings.Contains(Describe(err), "Nope") {
		t.Errorf("err = %v (kind %v), want ErrServer naming the folder", err, KindOf(err))
	}
}

func TestSyncConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cfg := Config{Host: "127.0.0.1", Port: port, User: "u", Password: "p", Security: SecurityNone, Timeout: 2 * time.Second}
	_, err = Sync(context.Background(), openTestDB(t), cfg, nil)
	if KindOf(err) != ErrNetwork || !strings.Contains(Describe(err), "拒绝连接") {
		t.Errorf("err = %v (kind %v), want ErrNetwork / refused", err, KindOf(err))
	}
}

// TestSyncSilentServer: a server that accepts and never answers must fail
// the sync within the deadline, at every step where it may fall silent.
func TestSyncSilentServer(t *testing.T) {
	for _, security := range []string{SecurityNone, SecurityTLS, SecurityStartTLS} {
		t.Run(security, func(t *testing.T) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			defer ln.Close()
			go func() {
				for {
					c, err := ln.Accept()
					if err != nil {
						return
					}
					defer c.Close()
					if security == SecurityStartTLS {
						io.WriteString(c, "* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
					}
				}
			}()
			cfg := Config{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, User: "u", Password: "p",
				Security: security, Timeout: 300 * time.Millisecond}
			start := time.Now()
			_, err = Sync(context.Background(), openTestDB(t), cfg, nil)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			if KindOf(err) != ErrTimeout || !strings.Contains(Describe(err), "超时") {
				t.Errorf("err = %v (kind %v), want ErrTimeout", err, KindOf(err))
			}
		})
	}
}

// TestSyncStallMidFetch: a server that stops in the middle of a literal.
func TestSyncStallMidFetch(t *testing.T) {
	srv := startFakeServer(t, "* OK [CAPABILITY IMAP4rev1] ready", func(cmd string, n int) string {
		switch {
		case cmd == "LOGIN":
			return "%[1]s OK [CAPABILITY IMAP4rev1] done"
		case cmd == "EXAMINE":
			return "* 1 EXISTS\r\n* OK [UIDVALIDITY 7] v\r\n* OK [UIDNEXT 2] n\r\n%[1]s OK [READ-ONLY] done"
		case cmd == "UID FETCH" && n == 1:
			return "* 1 FETCH (UID 1 RFC822.SIZE 100)\r\n%[1]s OK done"
		case cmd == "UID FETCH":
			return "* 1 FETCH (UID 1 BODY[] {100}\r\nFrom: a@b\r\n" // and then nothing
		}
		return "%[1]s BAD unexpected"
	})
	cfg := Config{Host: "127.0.0.1", Port: srv.port, User: "u", Password: "p", Security: SecurityNone, Timeout: 300 * time.Millisecond}
	start := time.Now()
	db := openTestDB(t)
	_, err := Sync(context.Background(), db, cfg, nil)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	if KindOf(err) != ErrTimeout {
		t.Errorf("err = %v (kind %v), want ErrTimeout", err, KindOf(err))
	}
	if n, _ := db.CountMails(context.Background(), ""); n != 0 {
		t.Errorf("%d mails stored from a cut message", n)
	}
}

func TestSyncCancel(t *testing.T) {
	srv := startMemServer(t, memOptions{})
	admin := srv.admin(t)
	var msgs [][]byte
	for i := 1; i <= 30; i++ {
		msgs = append(msgs, testMessage(i))
	}
	appendMessages(t, admin, "INBOX", nil, msgs...)
	db := openTestDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cfg := srv.config("")
	cfg.BatchSize = 5
	st, err := Sync(ctx, db, cfg, func(done, total int) {
		if done == 7 {
			cancel()
		}
	})
	if KindOf(err) != ErrCanceled {
		t.Fatalf("err = %v (kind %v), want ErrCanceled", err, KindOf(err))
	}
	// What was stored before the cancel is committed, counted and covered
	// by the checkpoint; the rest comes next time.
	n, _ := db.CountMails(context.Background(), "")
	if n != st.New || n < 7 {
		t.Errorf("stored %d, stats %+v", n, st)
	}
	st, err = Sync(context.Background(), db, srv.config(""), nil)
	if err != nil || st.Duplicates != 0 || st.New != 30-n {
		t.Errorf("resume: %+v %v, want %d new and no duplicates", st, err, 30-n)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 30)) {
		t.Errorf("stored %v", got)
	}
}

func TestSyncLease(t *testing.T) {
	ctx := context.Background()
	srv := startMemServer(t, memOptions{})
	appendMessages(t, srv.admin(t), "INBOX", nil, testMessage(1))
	db := openTestDB(t)

	// Held by a live process elsewhere: refused at once, or after --wait.
	if err := db.AcquireLease(ctx, leaseName, "other-host:123:abcd", time.Minute); err != nil {
		t.Fatal(err)
	}
	_, err := Sync(ctx, db, srv.config(""), nil)
	if KindOf(err) != ErrBusy || !strings.Contains(Describe(err), "另一窗口正在收取") {
		t.Fatalf("err = %v (kind %v), want ErrBusy", err, KindOf(err))
	}
	cfg := srv.config("")
	cfg.LeaseWait = 3 * time.Second
	go func() {
		time.Sleep(300 * time.Millisecond)
		db.ReleaseLease(ctx, leaseName, "other-host:123:abcd")
	}()
	if st, err := Sync(ctx, db, cfg, nil); err != nil || st.New != 1 {
		t.Fatalf("sync after waiting: %+v %v", st, err)
	}

	// Left behind by a process of this machine that is gone: taken over.
	host := testHostname(t)
	dead := deadPID(t)
	if err := db.AcquireLease(ctx, leaseName, host+":"+strconv.Itoa(dead)+":0000", time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := Sync(ctx, db, srv.config(""), nil); err != nil {
		t.Fatalf("stale lease not taken over: %v", err)
	}
	// Released at the end.
	if err := db.AcquireLease(ctx, leaseName, "someone", time.Minute); err != nil {
		t.Errorf("lease still held after sync: %v", err)
	}
}

// TestSyncTLS: certificates are verified; a trusted one works over implicit
// TLS and STARTTLS.
func TestSyncTLS(t *testing.T) {
	cert, pool := selfSigned(t)
	serverTLS := &tls.Config{Certificates: []tls.Certificate{cert}}
	tests := []struct {
		name     string
		opt      memOptions
		security string
		roots    *x509.CertPool
		host     string
		kind     ErrorKind
	}{
		{"tls trusted", memOptions{tls: serverTLS}, SecurityTLS, pool, "127.0.0.1", -1},
		{"starttls trusted", memOptions{startTLS: serverTLS}, SecurityStartTLS, pool, "127.0.0.1", -1},
		{"tls untrusted", memOptions{tls: serverTLS}, SecurityTLS, nil, "127.0.0.1", ErrTLS},
		{"starttls untrusted", memOptions{startTLS: serverTLS}, SecurityStartTLS, nil, "127.0.0.1", ErrTLS},
		{"tls wrong name", memOptions{tls: serverTLS}, SecurityTLS, pool, "localhost", ErrTLS},
		{"tls to plaintext port", memOptions{}, SecurityTLS, pool, "127.0.0.1", ErrTLS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startMemServer(t, tt.opt)
			cfg := srv.config("")
			cfg.Host, cfg.Security, cfg.RootCAs = tt.host, tt.security, tt.roots
			_, err := Sync(context.Background(), openTestDB(t), cfg, nil)
			if tt.kind == -1 {
				if err != nil {
					t.Fatalf("sync: %v", err)
				}
				return
			}
			if KindOf(err) != tt.kind {
				t.Errorf("err = %v (kind %v), want %v", err, KindOf(err), tt.kind)
			}
			t.Log(Describe(err))
		})
	}
}

func selfSigned(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "test imap"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true,

		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// TestLeaseRenewal: a long sync keeps its lease alive, gives it up at the
// end, and stops when someone takes it away.
func TestLeaseRenewal(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	lt := leaseTiming{ttl: 300 * time.Millisecond, renew: 50 * time.Millisecond, poll: 20 * time.Millisecond}
	sctx, release, err := holdLease(ctx, db, 0, lt)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(3 * lt.ttl) // longer than the lease lasts unrenewed
	if err := db.AcquireLease(ctx, leaseName, "other:1:x", time.Minute); err == nil {
		t.Fatal("lease ran out while held")
	}
	release()
	if sctx.Err() == nil {
		t.Error("context still live after release")
	}
	if err := db.AcquireLease(ctx, leaseName, "other:1:x", lt.ttl); err != nil {
		t.Fatalf("lease not released: %v", err)
	}

	// Taken away (its holder was suspended past the lease): the sync stops.
	time.Sleep(lt.ttl + 50*time.Millisecond)
	sctx, release, err = holdLease(ctx, db, 0, lt)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := db.ReleaseLease(ctx, leaseName, leaseHolderOf(t, db)); err != nil {
		t.Fatal(err)
	}
	if err := db.AcquireLease(ctx, leaseName, "thief:2:y", time.Minute); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sctx.Done():
		if KindOf(context.Cause(sctx)) != ErrBusy {
			t.Errorf("cause %v", context.Cause(sctx))
		}
	case <-time.After(2 * time.Second):
		t.Error("sync not stopped after losing its lease")
	}
}

func leaseHolderOf(t *testing.T, db store.Book) string {
	t.Helper()
	h, ok, err := db.LeaseHolder(context.Background(), leaseName)
	if err != nil || !ok {
		t.Fatalf("lease holder: %q, %v, %v", h, ok, err)
	}
	return h
}

func TestCheck(t *testing.T) {
	srv := startMemServer(t, memOptions{})
	ctx := context.Background()
	if err := Check(ctx, srv.config("")); err != nil {
		t.Errorf("check: %v", err)
	}
	bad := srv.config("")
	bad.Password = "wrong"
	if err := Check(ctx, bad); KindOf(err) != ErrAuth {
		t.Errorf("wrong password: %v", err)
	}
	if err := Check(ctx, srv.config("Nope")); KindOf(err) != ErrServer {
		t.Errorf("missing folder: %v", err)
	}
}
