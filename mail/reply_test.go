//go:build linux

package mail

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"beiandesk/mail/smtp"
	"beiandesk/mail/smtp/smtptest"
	"beiandesk/store"
	"beiandesk/store/notice"
	"beiandesk/store/report"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"

	"beiandesk/store/rules"

	"github.com/xuri/excelize/v2"
)

const applicantMail = "Message-ID: <req-42@example.com>\r\n" +
	"References: <earlier-1@example.com>\r\n" +
	"Date: Wed, 30 Sep 2026 10:00:00 +0800\r\n" +
	"From: =?UTF-8?B?5byg5LiJ?= <zhangsan@example.com>\r\n" +
	"Reply-To: office@example.com\r\n" +
	"To: beianzhuxiao@163.com\r\n" +
	"Subject: =?UTF-8?B?5rOo6ZSA5aSH5qGI55Sz6K+3?=\r\n" + // 注销备案申请
	"MIME-Version: 1.0\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"\r\n" +
	"您好,申请注销网站备案 晋ICP备12345678号-1。\r\n"

func testNoticeFonts(t testing.TB) notice.Fonts {
	t.Helper()
	r, err := os.ReadFile("../assets/NotoSansSC-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../assets/NotoSansSC-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return notice.Fonts{Regular: r, Bold: b}
}

type replyFixture struct {
	db     *sqlite.DB
	dbPath string
	dc     *dovecot
	srv    *smtptest.Server
	acct   Account
	caseID int64
}

// newReplyFixture is a real book with a case that came by mail and lacks
// materials, a real Dovecot for the sent folder (with one mail in INBOX)
// and a real SMTP server.
func newReplyFixture(t *testing.T, opt smtptest.Options) *replyFixture {
	t.Helper()
	ctx := context.Background()
	f := &replyFixture{dc: startDovecot(t), srv: smtptest.Start(t, opt)}
	f.dc.deliver(t, "", []byte(applicantMail))
	f.dbPath = filepath.Join(t.TempDir(), "r.db")
	db, err := sqlite.Open(ctx, f.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f.db = db
	res, err := Import(ctx, db, strings.NewReader(applicantMail), "file:req.eml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "email", SponsorType: "org",
		ReceivedAt: time.Date(2026, 9, 30, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)),
		Sponsor:    "太原市晋阳网络科技有限公司", MailIDs: []int64{res.ID}}, "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckItem(ctx, c.ID, 0, 1, rules.ItemDefective, "未使用A4纸", "王芳"); err != nil {
		t.Fatal(err)
	}
	f.caseID = c.ID
	sec := smtp.SecurityTLS
	if opt.Plain {
		sec = smtp.SecurityNone
	}
	f.acct = Account{IMAP: f.dc.config(), Address: f.srv.User,
		SMTP: smtp.Config{Host: f.srv.Host, Port: f.srv.Port, Security: sec, User: f.srv.User, Password: f.srv.Password,
			RootCAs: f.srv.RootCAs, Timeout: 10 * time.Second}}
	return f
}

func (f *replyFixture) compose(t *testing.T, k notice.Kind, to string) *Draft {
	t.Helper()
	d, err := Compose(context.Background(), f.db, ComposeInput{CaseID: f.caseID, Kind: k, To: to, From: f.acct.Address,
		Fonts: testNoticeFonts(t), Now: time.Date(2026, 10, 8, 9, 30, 0, 0, time.FixedZone("CST", 8*3600)), Clerk: "王芳"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReplyByMail(t *testing.T) {
	f := newReplyFixture(t, smtptest.Options{})
	ctx := context.Background()
	inboxBefore := f.dc.files(t)
	d := f.compose(t, notice.KindReturn, "")
	if d.To != "office@example.com" {
		t.Errorf("to = %q, want the Reply-To of the applicant's mail", d.To)
	}
	if d.Subject != "Re: 注销备案申请" || d.InReplyTo != "req-42@example.com" ||
		!slices.Equal(d.References, []string{"earlier-1@example.com", "req-42@example.com"}) {
		t.Errorf("threading: %q %q %q", d.Subject, d.InReplyTo, d.References)
	}
	// The message itself, read back by our own parser.
	var pdf []byte
	msg, err := Parse(bytes.NewReader(d.Raw), func(name, ct string, body io.Reader) (string, int64, error) {
		b, err := io.ReadAll(body)
		pdf = b
		return "x", int64(len(b)), err
	})
	if err != nil {
		t.Fatal(err)
	}
	if msg.Subject != "Re: 注销备案申请" || !strings.Contains(msg.Text, "退回补正通知书") || !strings.Contains(msg.Text, "申请表(企业版)：未使用A4纸") {
		t.Errorf("parsed message: %q\n%s", msg.Subject, msg.Text)
	}
	if len(msg.Attachments) != 1 || msg.Attachments[0].Name != d.PDFName || !strings.HasSuffix(d.PDFName, ".pdf") {
		t.Errorf("attachments: %+v", msg.Attachments)
	}
	if !bytes.Equal(pdf, d.PDF) || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("attached PDF differs (%d bytes, want %d)", len(pdf), len(d.PDF))
	}
	for _, h := range []string{"In-Reply-To: <req-42@example.com>", "References: <earlier-1@example.com>\r\n <req-42@example.com>", "Message-ID: <" + d.MessageID + ">"} {
		if !bytes.Contains(d.Raw, []byte(h)) {
			t.Errorf("raw lacks %q", h)
		}
	}

	res, err := Send(ctx, f.db, f.acct, d, "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Appended || res.MailID == 0 || res.MessageID != d.MessageID || res.Problem != "" {
		t.Errorf("result %+v", res)
	}
	got := f.srv.Messages()
	if len(got) != 1 || !bytes.Equal(got[0].Data, d.Raw) || got[0].To[0] != "office@example.com" || got[0].From != f.srv.User {
		t.Fatalf("server got %d messages", len(got))
	}
	// Stored byte-exact with the case, in its mails and its history.
	c, _ := f.db.Case(ctx, f.caseID)
	if !slices.Contains(c.MailIDs, res.MailID) {
		t.Errorf("case mails %v lack %d", c.MailIDs, res.MailID)
	}
	m, _ := f.db.Mail(ctx, res.MailID)
	stored, _ := outboxRaw(ctx, f.db, m.RawSHA256)
	if !bytes.Equal(stored, d.Raw) || m.Source != SourceSent {
		t.Errorf("stored mail differs or source %q", m.Source)
	}
	hist, _ := f.db.History(ctx, f.caseID)
	if !slices.ContainsFunc(hist, func(e store.Event) bool {
		return e.Action == "notice" && strings.Contains(e.Note, "退回补正通知书") && strings.Contains(e.Note, "office@example.com")
	}) {
		t.Errorf("history lacks the notice: %+v", hist)
	}
	sent, _ := f.db.NoticesSent(ctx, []int64{f.caseID})
	if len(sent[f.caseID]) != 1 || sent[f.caseID][0].Kind != "return" {
		t.Errorf("notices sent: %+v", sent)
	}
	// The report's 明细 says 已告知 with the day, read back from the file.
	rep, err := report.Compute(ctx, f.db, workday.Date(2026, 9, 1), workday.Date(2026, 12, 31), workday.DayOf(f.db.Now()))
	if err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(t.TempDir(), "r.xlsx")
	if err := report.Write(rep, xlsx); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("明细")
	x.Close()
	if len(rows) < 2 || rows[0][len(rows[0])-1] != "告知" || !strings.HasPrefix(rows[1][len(rows[0])-1], "已告知 "+workday.Format(workday.DayOf(res.SentAt))) {
		t.Errorf("明细: %q", rows)
	}
	// A copy in 已发送 (modified UTF-7 on disk), INBOX untouched.
	if ok, err := inSentFolder(ctx, f.dc.config(), d.MessageID); err != nil || !ok {
		t.Errorf("sent folder: %v %v", ok, err)
	}
	ents, _ := os.ReadDir(filepath.Join(f.dc.maildir, ".&XfJT0ZAB-", "cur"))
	if len(ents) != 1 {
		t.Errorf("已发送 holds %d messages", len(ents))
	}
	if after := f.dc.files(t); !slices.Equal(after, inboxBefore) {
		t.Errorf("INBOX changed: %v -> %v", inboxBefore, after)
	}
	// Nothing left for a start to resolve; a retry refuses.
	st, err := Recover(ctx, f.db, f.acct, "王芳")
	if err != nil || st != (RecoverStats{}) {
		t.Errorf("recover: %+v %v", st, err)
	}
	if _, err := Retry(ctx, f.db, f.acct, res.OutboxID, true, "王芳"); err == nil {
		t.Error("retry of a sent item")
	}
	if n := len(f.srv.Messages()); n != 1 {
		t.Errorf("delivered %d times", n)
	}
}

func TestReplyFaults(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(f *replyFixture)
		mend   func(f *replyFixture)
		state  store.OutboxState
		msg    string
	}{
		{"wrong 授权码", func(f *replyFixture) { f.acct.SMTP.Password = "web-password" },
			func(f *replyFixture) { f.acct.SMTP.Password = f.srv.Password }, store.OutboxPending, "授权码"},
		{"refused recipient", func(f *replyFixture) { f.srv.Refuse["office@example.com"] = true },
			func(f *replyFixture) { delete(f.srv.Refuse, "office@example.com") }, store.OutboxPending, "被拒收"},
		{"full mailbox", func(f *replyFixture) { f.srv.Full = true },
			func(f *replyFixture) { f.srv.Full = false }, store.OutboxPending, "邮箱已满"},
		{"connection dropped after the message", func(f *replyFixture) { f.srv.Drop = true },
			func(f *replyFixture) { f.srv.Drop = false }, store.OutboxUncertain, "无法确认"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newReplyFixture(t, smtptest.Options{})
			ctx := context.Background()
			d := f.compose(t, notice.KindReturn, "")
			tt.break_(f)
			_, err := Send(ctx, f.db, f.acct, d, "王芳")
			var se *smtp.Error
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("err = %v", err)
			}
			items, _ := f.db.Outbox(ctx, store.OutboxFilter{CaseID: f.caseID})
			if len(items) != 1 || items[0].State != tt.state || items[0].Error != err.Error() {
				t.Fatalf("outbox: %+v", items[0])
			}
			if items[0].State.Label() != map[store.OutboxState]string{store.OutboxPending: "未发出", store.OutboxUncertain: "待核实"}[tt.state] {
				t.Errorf("label %q", items[0].State.Label())
			}
			delivered := len(f.srv.Messages())
			// A start resolves nothing that surely failed, and never sends.
			if _, err := Recover(ctx, f.db, f.acct, "王芳"); err != nil {
				t.Fatal(err)
			}
			if n := len(f.srv.Messages()); n != delivered {
				t.Fatalf("recover sent something: %d -> %d", delivered, n)
			}
			tt.mend(f)
			if tt.state == store.OutboxUncertain {
				if _, err := Retry(ctx, f.db, f.acct, items[0].ID, false, "王芳"); err == nil || !strings.Contains(err.Error(), "待核实") {
					t.Fatalf("uncertain retried without confirmation: %v", err)
				}
			}
			res, err := Retry(ctx, f.db, f.acct, items[0].ID, true, "王芳")
			if err != nil {
				t.Fatal(err)
			}
			it, _ := f.db.OutboxItem(ctx, items[0].ID)
			if it.State != store.OutboxSent || !res.Appended || f.srv.Count(d.MessageID) != delivered+1 {
				t.Errorf("after retry: %+v, delivered %d", it, f.srv.Count(d.MessageID))
			}
		})
	}
}

func TestReplyAddress(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	fonts := testNoticeFonts(t)
	mk := func(contact string) int64 {
		c, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", SponsorType: "org", Contact: contact,
			ReceivedAt: time.Date(2026, 9, 30, 10, 0, 0, 0, time.UTC)}, "王芳")
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	noAddr, withAddr := mk("李四"), mk("lisi@example.cn")
	in := ComposeInput{Kind: notice.KindReceipt, From: "beianzhuxiao@163.com", Fonts: fonts, Now: time.Now()}

	in.CaseID = noAddr
	if _, err := Compose(ctx, db, in); err == nil || !strings.Contains(err.Error(), "没有收件人地址") {
		t.Errorf("no address: %v", err)
	}
	in.To = "not an address"
	if _, err := Compose(ctx, db, in); err == nil || !strings.Contains(err.Error(), "收件地址“not an address”无效") {
		t.Errorf("bad address: %v", err)
	}
	in.To = "typed@example.org"
	d, err := Compose(ctx, db, in)
	if err != nil || d.To != "typed@example.org" || d.InReplyTo != "" || !strings.HasPrefix(d.Subject, "收件回执(ZX-") {
		t.Errorf("typed: %+v %v", d, err)
	}
	in.To, in.CaseID = "", withAddr
	if d, err = Compose(ctx, db, in); err != nil || d.To != "lisi@example.cn" {
		t.Errorf("contact: %v %v", d, err)
	}
	// A notice that does not fit is refused before anything is sent.
	in.Kind = notice.KindAccept
	if _, err := Compose(ctx, db, in); err == nil || !strings.Contains(err.Error(), "尚未受理") {
		t.Errorf("accept: %v", err)
	}
	in.From = ""
	if _, err := Compose(ctx, db, in); err == nil || !strings.Contains(err.Error(), "未设置邮箱账号") {
		t.Errorf("no from: %v", err)
	}
}

// TestSentFolderSpecialUse files the copy in the folder marked \Sent (here
// "Sent Messages"), not in 已发送, and leaves INBOX alone.
func TestSentFolderSpecialUse(t *testing.T) {
	dc := startDovecot(t, `namespace inbox {
  inbox = yes
  mailbox "Sent Messages" {
    special_use = \Sent
    auto = create
  }
}
`)
	dc.deliver(t, "", []byte(applicantMail))
	before := dc.files(t)
	ctx := context.Background()
	raw := []byte("Message-ID: <su-1@163.com>\r\nSubject: x\r\n\r\nbody\r\n")
	ok, err := fileSent(ctx, dc.config(), "su-1@163.com", raw, time.Now())
	if err != nil || !ok {
		t.Fatalf("file: %v %v", ok, err)
	}
	// Filing again finds it and adds no second copy.
	if ok, err := fileSent(ctx, dc.config(), "su-1@163.com", raw, time.Now()); err != nil || !ok {
		t.Fatalf("refile: %v %v", ok, err)
	}
	ents, _ := os.ReadDir(filepath.Join(dc.maildir, ".Sent Messages", "cur"))
	if len(ents) != 1 {
		t.Errorf("Sent Messages holds %d messages", len(ents))
	}
	if _, err := os.Stat(filepath.Join(dc.maildir, ".&XfJT0ZAB-")); err == nil {
		t.Error("已发送 created although a \\Sent folder exists")
	}
	if after := dc.files(t); !slices.Equal(after, before) {
		t.Errorf("INBOX changed")
	}
	if ok, _ := inSentFolder(ctx, dc.config(), "other@163.com"); ok {
		t.Error("found a Message-ID that is not there")
	}
}
