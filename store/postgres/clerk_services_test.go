package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// A clerk who is not the owner works the outbox and imports a ledger under
// the grants and row security of migrations 0002 and 0003; the history
// names the login, and the ledger's 经办人 goes into the note.
func TestClerkOutboxAndLedger(t *testing.T) {
	ctx := context.Background()
	c, ownerURL := migratedURL(t)
	owner, err := Open(ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	wang := uniqueRole("wang")
	c.CreateRole(t, wang, "pw-"+wang)
	if _, err := owner.AddClerk(ctx, wang, "王芳", false); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, c.URL(owner.name, wang, "pw-"+wang))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	cst := workday.China()
	res, err := db.ImportLegacyCases(ctx, store.LedgerBatch{FileName: "台账.xlsx", FileSHA256: "f00d", Sheet: "2026年", Rows: 1,
		Cases: []store.LegacyCase{{Row: 4, LegacyNo: "台-031", Status: rules.StatusDone, Clerk: "赵敏",
			ClosedAt: time.Date(2026, 3, 6, 0, 0, 0, 0, cst),
			Case: store.NewCase{Kind: "deregister", Channel: "counter", ReceivedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, cst),
				SponsorType: "org", Sponsor: "太原市晋阳网络科技有限公司", Filings: []string{"晋ICP备12345678号-1"}}}}}, "冒名")
	if err != nil || res.Imported != 1 {
		t.Fatalf("clerk's ledger import %+v %v", res, err)
	}
	hist, err := db.History(ctx, res.CaseIDs[0])
	if err != nil || len(hist) != 3 {
		t.Fatalf("history %+v %v", hist, err)
	}
	for _, e := range hist {
		if e.Clerk != "王芳" || !strings.Contains(e.Note, "台账导入") || !strings.Contains(e.Note, "经办人 赵敏") {
			t.Errorf("event %+v: want clerk 王芳 and 经办人 赵敏 in the note", e)
		}
	}
	again, err := db.ImportLegacyCases(ctx, store.LedgerBatch{FileName: "台账.xlsx", FileSHA256: "f00d", Sheet: "2026年",
		Cases: []store.LegacyCase{{Row: 4}}}, "王芳")
	if err != nil || again.Duplicates != 1 {
		t.Fatalf("again %+v %v", again, err)
	}

	raw := "Message-ID: <c1@163.com>\r\n\r\nx\r\n"
	id, err := db.AddOutbox(ctx, &store.OutboxItem{CaseID: res.CaseIDs[0], Kind: "done", MessageID: "c1@163.com",
		To: []string{"a@b.cn"}, Clerk: "王芳"}, strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.OutboxAttempt(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := db.OutboxFailed(ctx, id, "连接中断", true); err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sha, size, err := tx.PutBlob(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	mid, err := tx.Insert(&store.Mail{DedupKey: "sent:c1", MessageID: "c1@163.com", RawSHA256: sha, RawSize: size, Source: "sent"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.RecordSent(id, mid, time.Date(2026, 3, 9, 9, 0, 0, 0, cst), false, "办结告知书", "冒名"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := db.SetOutboxAppended(ctx, id); err != nil {
		t.Fatal(err)
	}
	it, err := db.OutboxItem(ctx, id)
	if err != nil || it.State != store.OutboxSent || !it.Appended || it.MailID != mid {
		t.Fatalf("item %+v %v", it, err)
	}
	hist, _ = db.History(ctx, res.CaseIDs[0])
	if last := hist[len(hist)-1]; last.Action != "notice" || last.Clerk != "王芳" {
		t.Errorf("notice event %+v", last)
	}

	// Removed from the book, the role sees no outbox and imports nothing.
	if err := owner.RemoveClerk(ctx, wang); err != nil {
		t.Fatal(err)
	}
	if items, err := db.Outbox(ctx, store.OutboxFilter{}); err == nil && len(items) != 0 {
		t.Errorf("removed clerk reads the outbox: %+v", items)
	}
	if _, err := db.ImportLegacyCases(ctx, store.LedgerBatch{FileName: "b.xlsx", FileSHA256: "beef",
		Cases: []store.LegacyCase{{Row: 2}}}, "王芳"); err == nil {
		t.Error("removed clerk imported a ledger")
	}
}
