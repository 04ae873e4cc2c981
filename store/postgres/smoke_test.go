package postgres

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func sampleCase() store.NewCase {
	return store.NewCase{Kind: "deregister", Channel: "email",
		ReceivedAt: time.Date(2026, 11, 2, 10, 0, 0, 0, workday.China()), Sponsor: "太原市某某科技有限公司",
		CertNo: "91140100MA0KXXXX0X", Filings: []string{"晋ICP备12345678号-1"}, Domains: []string{"例子.中国", "example.com"}}
}

// A quick walk through every service, before the shared conformance suite.
func TestSmoke(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	in := sampleCase()
	in.CertNo = ""
	c, err := db.CreateCase(ctx, in, "x")
	if err != nil {
		t.Fatal(err)
	}
	if c.Number != "ZX-2026-0001" || c.Due == "" || len(c.Materials) != 3 {
		t.Fatalf("%+v", c)
	}
	for i := 1; i <= 3; i++ {
		if c, err = db.CheckItem(ctx, c.ID, 0, i, rules.ItemPresent, "", "x"); err != nil {
			t.Fatal(err)
		}
	}
	if c, err = db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, time.Time{}, "", "x"); err != nil {
		t.Fatal(err)
	}
	if _, err = db.MoveCase(ctx, c.ID, 0, rules.StatusReturned, time.Time{}, "", "x"); err == nil {
		t.Fatal("accepted → returned allowed")
	}
	sp := "新名字"
	if c, err = db.UpdateCase(ctx, c.ID, 0, store.CaseEdit{Sponsor: &sp}, "x"); err != nil || c.Sponsor != sp {
		t.Fatal(c, err)
	}
	for _, q := range []string{"新名", "新名字", "例子", "EXAMPLE.COM", "xn--", "ZX-2026", "%"} {
		n, err := db.CountCases(ctx, store.Filter{Query: q})
		want := 1
		if q == "%" {
			want = 0
		}
		if err != nil || n != want {
			t.Errorf("search %q: %d %v", q, n, err)
		}
	}
	h, err := db.History(ctx, c.ID)
	if err != nil || len(h) != 6 || h[0].Clerk != "x" {
		t.Fatalf("history %+v %v", h, err)
	}
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("0123456789abcdef"), 40000) // 640 KB: three chunks
	sha, size, err := tx.PutBlob(bytes.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	sha2, _, err := tx.PutBlob(bytes.NewReader(big))
	if err != nil || sha2 != sha {
		t.Fatal(err)
	}
	mid, err := tx.Insert(&store.Mail{DedupKey: "k1", RawSHA256: sha, RawSize: size, Subject: "注销",
		Date: time.Now(), Attachments: []store.Attachment{{Name: "a.pdf", Size: size, SHA256: sha}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.SetCheckpoint("acc", "INBOX", store.Checkpoint{UIDValidity: 4000000000, LastUID: 7}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	cp, ok, err := db.Checkpoint(ctx, "acc", "INBOX")
	if err != nil || !ok || cp.UIDValidity != 4000000000 {
		t.Fatal(cp, ok, err)
	}
	r, n, err := db.OpenBlob(ctx, sha)
	if err != nil || n != int64(len(big)) {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	if !bytes.Equal(got, big) {
		t.Fatal("blob differs")
	}
	if err := db.LinkMail(ctx, c.ID, mid, "x"); err != nil {
		t.Fatal(err)
	}
	ms, err := db.Mails(ctx, store.MailFilter{})
	if err != nil || len(ms) != 1 || len(ms[0].Attachments) != 1 || ms[0].CaseID == nil {
		t.Fatal(ms, err)
	}
	if _, err := db.AddCaseFile(ctx, c.ID, "scan.pdf", strings.NewReader("scan"), "x"); err != nil {
		t.Fatal(err)
	}
	// 办结 of a deregistration needs what was done in the national system.
	if _, err := db.RecordNational(ctx, c.ID, 0, store.NationalRecord{Scope: "site",
		Filings: []string{"晋ICP备12345678号-1"}}, "x"); err != nil {
		t.Fatal(err)
	}
	if c, err = db.MoveCase(ctx, c.ID, 0, rules.StatusDone, time.Time{}, "", "x"); err != nil || c.ClosedDay == "" {
		t.Fatal(c, err)
	}
	d, err := db.Dashboard(ctx, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	_ = d
	if _, err := db.ReportCases(ctx, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := db.ImportYear(ctx, workday.Year{Year: 2027, Off: []string{"2027-01-01"}}, "x"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetHoliday(ctx, workday.Date(2027, 1, 2), true, "x"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetDeadlineDays(ctx, rules.KindPassword, 7); err != nil {
		t.Fatal(err)
	}
	ids, err := db.ImportCases(ctx, []store.CaseRecord{{Case: store.Case{Kind: rules.KindDeregister, Channel: "fax",
		Status: rules.StatusReceived, ReceivedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, workday.China())},
		Events: []store.Event{{At: time.Now(), Clerk: "旧经办人", Action: "create"}}}})
	if err != nil || len(ids) != 1 {
		t.Fatal(ids, err)
	}
	c2, err := db.Case(ctx, ids[0])
	if err != nil || c2.Number != "ZX-2026-0002" {
		t.Fatal(c2, err)
	}
	h, _ = db.History(ctx, ids[0])
	if h[0].Clerk != "旧经办人" {
		t.Fatalf("imported history clerk %q", h[0].Clerk)
	}
}
