package report

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

// The fixture is a case book around the National Day holidays of 2026
// (Sep 25–27 and Oct 1–7 off, Sun Sep 20 and Sat Oct 10 worked), made
// through the store API as the desk would. Each case is named by a letter
// in its note, and the expected figures of September and October are worked
// out by hand beside it.
//
// Working days of October 2026: 8 9 10 12–16 19–23 26–30.
const (
	telecom = "中国电信山西分公司"
	mobile  = "中国移动山西分公司"
	unicom  = "中国联通山西分公司"
)

// fixtureNow is when the report is made: after both months.
var fixtureNow = time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China())

type fixture struct {
	t      *testing.T
	ctx    context.Context
	db     *sqlite.DB
	number map[string]string // letter → case number
}

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, workday.China())
	if err != nil {
		panic(err)
	}
	return t
}

func openDB(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "case.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return fixtureNow }
	t.Cleanup(func() { db.Close() })
	return db
}

// newFixture builds the case book. Per case: received, due, what happens,
// and what the October report must say.
func newFixture(t *testing.T) *fixture {
	f := &fixture{t: t, ctx: context.Background(), db: openDB(t), number: map[string]string{}}
	mails := f.mails(2)

	// A: received Wed Sep 30, due Tue Oct 13; done Mon Oct 12, on time.
	// Received last month, closed in October: used (Sep 30, Oct 12] = 4.
	f.add("A", store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: at("2026-09-30 10:00"),
		Sponsor: "太原市晋阳网络科技有限公司", CertNo: "91350100M000100Y43", Provider: telecom,
		Filings: []string{"晋ICP备12345678号-1", "晋ICP备12345678号-2"}, Domains: []string{"Example.COM", "例子.中国"},
		Contact: "张伟", Phone: "13812345678", MailIDs: mails},
		"accepted 2026-10-09 09:00", "done 2026-10-12 16:00")
	// B: received Thu Oct 8, due Wed Oct 14; done Tue Oct 20: 4 days late,
	// used 9.
	f.add("B", store.NewCase{Kind: "deregister", Channel: "fax", ReceivedAt: at("2026-10-08 09:00"),
		Sponsor: "山西汾河数据服务有限公司", Provider: mobile, Phone: "03518788032"},
		"accepted 2026-10-09 10:00", "done 2026-10-20 11:00")
	// C: received Fri Oct 9, due Thu Oct 15; returned Mon Oct 12, the
	// supplement arrives Mon Oct 19 (clock restarts, due Mon Oct 26); done
	// Fri Oct 23, on time although after the first due date. Used
	// (Oct 9, Oct 23] = 11 less the wait (Oct 12, Oct 19] = 5: 6.
	f.add("C", store.NewCase{Kind: "password", Channel: "post", ReceivedAt: at("2026-10-09 10:00"),
		SponsorType: "person", Sponsor: "王晓明", CertNo: "11010519491231002X", Provider: unicom},
		"returned 2026-10-12 10:00", "received 2026-10-19 15:00", "accepted 2026-10-20 09:00", "done 2026-10-23 10:00")
	// D: received Mon Oct 12, due Mon Oct 19; accepted and never done:
	// open and overdue at the end of October by (Oct 19, Oct 31] = 9.
	f.add("D", store.NewCase{Kind: "deregister", Channel: "counter", ReceivedAt: at("2026-10-12 11:00"),
		Sponsor: "大同市云冈文化传媒有限公司", Provider: telecom},
		"accepted 2026-10-14 09:00")
	// E: received Tue Oct 13, due Tue Oct 20; rejected Thu Oct 15: done
	// and on time, used 2. No access provider.
	f.add("E", store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: at("2026-10-13 14:00"),
		Sponsor: "晋中市榆次区某某商贸有限公司"},
		"rejected 2026-10-15 10:00")
	// F: received Wed Oct 14, withdrawn Fri Oct 16.
	f.add("F", store.NewCase{Kind: "password", Channel: "online", ReceivedAt: at("2026-10-14 09:30"),
		SponsorType: "person", Sponsor: "李娜", Provider: mobile},
		"withdrawn 2026-10-16 15:00")
	// G: kind other, received Thu Oct 15, done Fri Oct 16: no deadline.
	f.add("G", store.NewCase{Kind: "other", Channel: "email", ReceivedAt: at("2026-10-15 16:00"),
		Sponsor: "长治市上党网络有限公司", Provider: telecom},
		"accepted 2026-10-16 09:00", "done 2026-10-16 10:00")
	// H: received Mon Nov 2: not in October.
	f.add("H", store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: at("2026-11-02 09:00"),
		Sponsor: "运城市盐湖科技有限公司", Provider: telecom})
	// I: received Mon Sep 21, due Tue Sep 29; never handled: open and
	// overdue at the end of October by (Sep 29, Oct 31] = 19, and at the
	// end of September by 1.
	f.add("I", store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: at("2026-09-21 09:00"),
		Sponsor: "临汾市尧都网络工作室", Provider: unicom})
	// J: received Mon Oct 26, due Mon Nov 2; accepted Oct 28, done Nov 3
	// (late, but in November): open and not overdue in October.
	f.add("J", store.NewCase{Kind: "deregister", Channel: "email", ReceivedAt: at("2026-10-26 10:00"),
		Sponsor: "忻州市五台山旅游网络有限公司", Provider: mobile},
		"accepted 2026-10-28 09:00", "done 2026-11-03 09:00")
	// K: received Mon Oct 19, due Mon Oct 26; returned Wed Oct 21 and still
	// waiting at the end of October, so not overdue although Oct 26 has
	// passed; the supplement comes Thu Nov 5 and moves the due date to
	// Nov 12, but October's report keeps Oct 26.
	f.add("K", store.NewCase{Kind: "deregister", Channel: "post", ReceivedAt: at("2026-10-19 15:00"),
		Sponsor: "吕梁市离石区某某信息技术有限公司", Provider: unicom},
		"returned 2026-10-21 10:00", "received 2026-11-05 10:00")
	// N: received Tue Sep 22, due Wed Sep 30; done Fri Oct 9: 2 days late,
	// used (Sep 22, Oct 9] = 7.
	f.add("N", store.NewCase{Kind: "deregister", Channel: "fax", ReceivedAt: at("2026-09-22 10:00"),
		Sponsor: "阳泉市矿区某某软件有限公司", Provider: telecom},
		"accepted 2026-09-24 09:00", "done 2026-10-09 15:00")
	// O: received and done in September: not in October.
	f.add("O", store.NewCase{Kind: "deregister", Channel: "counter", ReceivedAt: at("2026-09-23 10:00"),
		Sponsor: "晋城市某某电子商务有限公司", Provider: telecom},
		"accepted 2026-09-23 15:00", "done 2026-09-24 10:00")
	return f
}

// add creates a case and replays its moves ("status YYYY-MM-DD HH:MM");
// before an acceptance every material is checked present.
func (f *fixture) add(letter string, in store.NewCase, moves ...string) {
	f.t.Helper()
	in.Note = "case " + letter
	c, err := f.db.CreateCase(f.ctx, in, "李娜")
	if err != nil {
		f.t.Fatalf("case %s: %v", letter, err)
	}
	f.number[letter] = c.Number
	for _, m := range moves {
		to, when, _ := strings.Cut(m, " ")
		if to == "accepted" {
			for i := range c.Materials {
				if _, err := f.db.CheckItem(f.ctx, c.ID, 0, i+1, rules.ItemPresent, "", "李娜"); err != nil {
					f.t.Fatalf("case %s: %v", letter, err)
				}
			}
		}
		if c, err = f.db.MoveCase(f.ctx, c.ID, 0, rules.Status(to), at(when), "", "李娜"); err != nil {
			f.t.Fatalf("case %s %s: %v", letter, m, err)
		}
	}
}

// mails stores n mails to link to a case.
func (f *fixture) mails(n int) []int64 {
	f.t.Helper()
	var ids []int64
	for i := range n {
		tx, err := f.db.BeginMail(f.ctx)
		if err != nil {
			f.t.Fatal(err)
		}
		raw := "Subject: 注销备案申请\r\n\r\n申请注销 " + string(rune('A'+i)) + "\r\n"
		sha, size, err := tx.PutBlob(strings.NewReader(raw))
		if err != nil {
			f.t.Fatal(err)
		}
		id, err := tx.Insert(&store.Mail{DedupKey: sha, RawSHA256: sha, RawSize: size, Subject: "注销备案申请"})
		if err != nil {
			f.t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			f.t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// numbers maps letters to case numbers.
func (f *fixture) numbers(letters string) []string {
	var out []string
	for _, l := range letters {
		out = append(out, f.number[string(l)])
	}
	return out
}

func month(y int, m time.Month) (from, to time.Time) {
	from = workday.Date(y, m, 1)
	return from, from.AddDate(0, 1, -1)
}
