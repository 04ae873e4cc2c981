package notice

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
)

var cst = time.FixedZone("CST", 8*3600)

// testFonts reads the bundled fonts the way the binary embeds them.
func testFonts(t testing.TB) Fonts {
	t.Helper()
	reg, err := os.ReadFile("../../assets/NotoSansSC-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	bold, err := os.ReadFile("../../assets/NotoSansSC-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return Fonts{Regular: reg, Bold: bold}
}

// book is a real case book with one case per life stage.
type book struct {
	db    *sqlite.DB
	cases map[string]*store.Case
}

func newBook(t testing.TB) *book {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	b := &book{db: db, cases: map[string]*store.Case{}}
	recv := time.Date(2026, 9, 30, 15, 4, 0, 0, cst)
	mk := func(name string, in store.NewCase) *store.Case {
		in.ReceivedAt = recv
		if in.Channel == "" {
			in.Channel = "email"
		}
		c, err := db.CreateCase(ctx, in, "王芳")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b.cases[name] = c
		return c
	}
	check := func(c *store.Case, n int, st rules.ItemState, note string) {
		if _, err := db.CheckItem(ctx, c.ID, 0, n, st, note, "王芳"); err != nil {
			t.Fatal(err)
		}
	}
	move := func(c *store.Case, to rules.Status, note string, day int) {
		if to == rules.StatusDone && rules.NeedsNationalRecord(c.Kind) {
			if _, err := db.RecordNational(ctx, c.ID, 0, store.NationalRecord{Day: fmt.Sprintf("2026-10-%02d", day),
				Scope: "site", Filings: c.Filings}, "王芳"); err != nil {
				t.Fatalf("record %s: %v", c.Number, err)
			}
		}
		if _, err := db.MoveCase(ctx, c.ID, 0, to, time.Date(2026, 10, day, 10, 0, 0, 0, cst), note, "王芳"); err != nil {
			t.Fatalf("move %s to %s: %v", c.Number, to, err)
		}
	}
	org := store.NewCase{Kind: "deregister", SponsorType: "org", Applicant: "agent",
		Sponsor: "太原市晋阳网络科技有限公司", CertNo: "91350100M000100Y43",
		Filings: []string{"晋ICP备12345678号-1"}, Domains: []string{"例子.中国", "example.com"}}

	c := mk("received", org)
	check(c, 1, rules.ItemPresent, "")
	check(c, 2, rules.ItemDefective, "未加盖公章")
	check(c, 4, rules.ItemMissing, "只收到背面")

	fax := org
	fax.Channel, fax.Provider = "fax", "中国电信山西分公司"
	fax.Details = map[string]string{"fax_pages": "6"}
	mk("fax", fax)

	c = mk("returned", org)
	check(c, 1, rules.ItemDefective, "未使用A4纸")
	move(c, rules.StatusReturned, "", 8)

	all := func(c *store.Case) {
		for i := range c.Materials {
			check(c, i+1, rules.ItemPresent, "")
		}
	}
	c = mk("accepted", org)
	all(c)
	move(c, rules.StatusAccepted, "", 8)

	c = mk("done", org)
	all(c)
	move(c, rules.StatusAccepted, "", 8)
	move(c, rules.StatusDone, "已在备案系统注销", 9)

	c = mk("rejected", org)
	move(c, rules.StatusRejected, "备案主体不在山西省，请向主体所在地通信管理局申请", 8)
	// 不予受理 needs a reason now; a case from the old ledger may lack it.
	closed := time.Date(2026, 10, 8, 10, 0, 0, 0, cst)
	ids, err := db.ImportCases(ctx, []store.CaseRecord{{
		Case: store.Case{Kind: rules.KindDeregister, Channel: rules.ChannelEmail, Status: rules.StatusRejected,
			ReceivedAt: recv, ClosedAt: &closed, ClosedDay: "2026-10-08", SponsorType: rules.SponsorOrg,
			Applicant: rules.ApplicantAgent, Sponsor: org.Sponsor, CertNo: org.CertNo, Filings: org.Filings},
		Events: []store.Event{{At: recv, Clerk: "王芳", Action: "create", To: rules.StatusReceived},
			{At: closed, Clerk: "王芳", Action: "status", From: rules.StatusReceived, To: rules.StatusRejected}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	b.cases["rejected-no-reason"] = &store.Case{ID: ids[0]}
	c = mk("withdrawn", org)
	move(c, rules.StatusWithdrawn, "", 8)

	pw := store.NewCase{Kind: "password", SponsorType: "person", Sponsor: "张喆", CertNo: ""}
	c = mk("password-returned", pw)
	move(c, rules.StatusReturned, "", 8)
	c = mk("password-accepted", pw)
	all(c)
	move(c, rules.StatusAccepted, "", 8)
	// Reload every case as a clerk would see it now.
	for k, c := range b.cases {
		got, err := db.Case(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		b.cases[k] = got
	}
	return b
}

func (b *book) build(t testing.TB, name string, k Kind) (*Notice, error) {
	t.Helper()
	ctx := context.Background()
	c := b.cases[name]
	hist, err := b.db.History(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	bu, err := LoadBureau(ctx, b.db)
	if err != nil {
		t.Fatal(err)
	}
	return Build(k, Input{Case: c, History: hist, Bureau: bu, Date: time.Date(2026, 10, 9, 9, 0, 0, 0, cst), Clerk: "王芳"})
}

func TestBuildKinds(t *testing.T) {
	b := newBook(t)
	tests := []struct {
		name   string
		kind   Kind
		err    string // a refusal containing this
		want   []string
		unwant []string
	}{
		{name: "received", kind: KindReceipt,
			want: []string{"收件回执", "收件编号：ZX-2026-", "太原市晋阳网络科技有限公司：", "2026年9月30日15时04分",
				"注销备案申请材料", "（来件方式：电子邮件）", "收到的材料如下：", "1. 申请表(企业版)", "2. 营业执照副本复印件(加盖公章)",
				"5个工作日内进行处理", "办理期限至2026年10月13日", "不表示已受理", "山西省通信管理局", "经办人：王芳", "2026年10月9日",
				"南内环街2号", "822室", "0351-8788875", "beianzhuxiao@163.com", "0351-8788032、0351-8788232", "8:30-12:00", "14:30-17:30"},
			unwant: []string{"受理编号", "被授权人身份证"}},
		{name: "fax", kind: KindReceipt, want: []string{"共6页", "来件方式：传真", "材料正在核查中。"}, unwant: []string{"收到的材料如下"}},
		{name: "received", kind: KindAccept, err: "尚未受理，不能出具受理通知书"},
		{name: "returned", kind: KindAccept, err: "尚未受理"},
		{name: "received", kind: KindReturn,
			want: []string{"退回补正通知书", "收件编号", "材料不齐全且部分材料不符合要求", "一次性补正",
				"1. 营业执照副本复印件(加盖公章)：未加盖公章", "2. 缺少：法人亲笔签字并加盖公章的授权委托书", "3. 缺少：被授权人身份证复印件(加盖公章)（只收到背面）",
				"A4打印纸", "（一）联系接入商", "（二）发送电子邮件至 beianzhuxiao@163.com", "（三）邮寄至", "（四）工作日",
				"自收到齐全材料之日起5个工作日内进行处理"},
			unwant: []string{"受理编号", "申请表(企业版)："}},
		{name: "returned", kind: KindReturn, want: []string{"申请表(企业版)：未使用A4纸", "收件编号"}},
		{name: "accepted", kind: KindReturn, err: "不能出具退回补正通知书"},
		{name: "accepted", kind: KindAccept,
			want:   []string{"受理通知书", "受理编号：ZX-2026-", "决定予以受理", "办理期限至2026年10", "备案号：晋ICP备12345678号-1", "域名：例子.中国", "域名：example.com"},
			unwant: []string{"收件编号", "不表示已受理"}},
		{name: "accepted", kind: KindReceipt, want: []string{"受理编号"}, unwant: []string{"收件编号", "不表示已受理"}},
		{name: "done", kind: KindDone, want: []string{"办结告知书", "受理编号", "于2026年10月9日办理完毕", "已注销的备案如下：", "晋ICP备12345678号-1", "例子.中国"}},
		{name: "done", kind: KindAccept, want: []string{"受理通知书"}},
		{name: "accepted", kind: KindDone, err: "尚未办结"},
		{name: "rejected", kind: KindReject, want: []string{"不予受理通知书", "收件编号", "决定不予受理", "1. 备案主体不在山西省"}},
		{name: "rejected-no-reason", kind: KindReject, err: "未记录不予受理的理由"},
		{name: "accepted", kind: KindReject, err: "未作不予受理决定"},
		{name: "withdrawn", kind: KindReceipt, err: "已撤回"},
		// The FAQ's password section offers no fax, mailbox or post, and no period.
		{name: "password-returned", kind: KindReturn,
			want:   []string{"找回密码申请", "张喆：", "缺少：找回密码申请表", "到我局办理", "办理地点", "办理时间", "联系电话"},
			unwant: []string{"工作日内", "传真", "beianzhuxiao", "邮寄", "（一）"}},
		{name: "password-accepted", kind: KindAccept, want: []string{"受理编号", "决定予以受理"},
			unwant: []string{"工作日", "办理期限", "传真", "beianzhuxiao"}},
		{name: "password-accepted", kind: KindReceipt, unwant: []string{"工作日", "办理期限"}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+string(tt.kind), func(t *testing.T) {
			n, err := b.build(t, tt.name, tt.kind)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			text := n.Text()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.unwant {
				if strings.Contains(text, w) {
					t.Errorf("has %q:\n%s", w, text)
				}
			}
		})
	}
}

func TestParseKind(t *testing.T) {
	for _, s := range []string{"receipt", "ACCEPT", "退回补正通知书", " done "} {
		if _, err := ParseKind(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := ParseKind("invoice"); err == nil || !strings.Contains(err.Error(), "告知书类型") {
		t.Errorf("invoice: %v", err)
	}
}

func TestBureauSettings(t *testing.T) {
	b := newBook(t)
	ctx := context.Background()
	bu, _ := LoadBureau(ctx, b.db)
	if bu != DefaultBureau() {
		t.Fatalf("fresh book: %+v", bu)
	}
	bu.Phones = "0351-1234567"
	if err := SaveBureau(ctx, b.db, bu); err != nil {
		t.Fatal(err)
	}
	n, err := b.build(t, "received", KindReceipt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(n.Text(), "联系电话：0351-1234567") || strings.Contains(n.Text(), "8788032") {
		t.Errorf("changed phone not used:\n%s", n.Text())
	}
	bu.Name = " "
	if err := SaveBureau(ctx, b.db, bu); err == nil || !strings.Contains(err.Error(), "单位名称") {
		t.Errorf("blank name: %v", err)
	}
}
