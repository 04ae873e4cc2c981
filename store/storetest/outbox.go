package storetest

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// The outbox's states: queued before sending, an attempt, a sure and an
// uncertain failure, then the send recorded with the stored message in one
// transaction; the report and NoticesSent show it as 已告知.
func testOutbox(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	c := MustCreate(t, db, SampleCase())
	raw := "Message-ID: <m1@163.com>\r\n\r\nbody\r\n"
	it := &store.OutboxItem{CaseID: c.ID, Kind: "receipt", MessageID: "m1@163.com", To: []string{"a@example.com"},
		Subject: "收件回执", Clerk: "李娜"}
	id, err := db.AddOutbox(ctx, it, strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if it.ID != id || it.State != store.OutboxPending || it.RawSHA256 == "" {
		t.Errorf("queued item %+v", it)
	}
	// The exact message is kept before anything is sent.
	rc, size, err := db.OpenBlob(ctx, it.RawSHA256)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	if _, err := io.Copy(&sb, rc); err != nil || sb.String() != raw || size != int64(len(raw)) {
		t.Errorf("stored message %q (%d bytes), %v", sb.String(), size, err)
	}
	rc.Close()
	// The same Message-ID cannot be queued twice.
	if _, err := db.AddOutbox(ctx, &store.OutboxItem{CaseID: c.ID, Kind: "receipt", MessageID: "m1@163.com"}, strings.NewReader("x")); err == nil {
		t.Error("duplicate Message-ID accepted")
	}
	if _, err := db.OutboxItem(ctx, 999_999); err == nil {
		t.Error("missing outbox item found")
	}
	check := func(state store.OutboxState, attempted bool, errText string) {
		t.Helper()
		got, err := db.OutboxItem(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != state || (got.AttemptAt != nil) != attempted || got.Error != errText {
			t.Errorf("item %+v, want %s attempted=%v %q", got, state, attempted, errText)
		}
		if got.CaseID != c.ID || got.Kind != "receipt" || got.Subject != "收件回执" || len(got.To) != 1 ||
			got.To[0] != "a@example.com" || got.Clerk != "李娜" || got.CreatedAt.IsZero() {
			t.Errorf("item fields %+v", got)
		}
	}
	check(store.OutboxPending, false, "")
	if err := db.OutboxAttempt(ctx, id); err != nil {
		t.Fatal(err)
	}
	check(store.OutboxPending, true, "")
	if got, _ := db.Outbox(ctx, store.OutboxFilter{Unfinished: true}); len(got) != 1 {
		t.Errorf("unfinished: %d", len(got))
	}
	if err := db.OutboxFailed(ctx, id, "SMTP登录失败", false); err != nil {
		t.Fatal(err)
	}
	check(store.OutboxPending, false, "SMTP登录失败")
	if err := db.OutboxAttempt(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := db.OutboxFailed(ctx, id, "连接中断", true); err != nil {
		t.Fatal(err)
	}
	check(store.OutboxUncertain, true, "连接中断")
	if got, _ := db.Outbox(ctx, store.OutboxFilter{State: store.OutboxUncertain}); len(got) != 1 || got[0].ID != id {
		t.Errorf("by state: %+v", got)
	}
	if got, _ := db.Outbox(ctx, store.OutboxFilter{CaseID: c.ID + 1000}); len(got) != 0 {
		t.Errorf("other case: %+v", got)
	}

	// Recording stores the sent message in the same transaction.
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sha, size, err := tx.PutBlob(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	mid, err := tx.Insert(&store.Mail{DedupKey: "k1", MessageID: "m1@163.com", RawSHA256: sha, RawSize: size, Source: "sent"})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 10, 8, 9, 30, 0, 0, time.UTC)
	if err := tx.RecordSent(id, mid, at, true, "收件回执", "李娜"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ := db.OutboxItem(ctx, id)
	if got.State != store.OutboxSent || !got.Appended || got.MailID != mid || got.SentAt == nil || !got.SentAt.Equal(at) || got.Error != "" {
		t.Errorf("sent item %+v", got)
	}
	// A sent item stays sent whatever a late failure report says.
	if err := db.OutboxFailed(ctx, id, "late", false); err != nil {
		t.Fatal(err)
	}
	check(store.OutboxSent, true, "")
	cs, _ := db.Case(ctx, c.ID)
	if len(cs.MailIDs) != 1 || cs.MailIDs[0] != mid {
		t.Errorf("case mails %v", cs.MailIDs)
	}
	hist, _ := db.History(ctx, c.ID)
	last := hist[len(hist)-1]
	if last.Action != "notice" || !strings.Contains(last.Note, "收件回执") || !strings.Contains(last.Note, "a@example.com") ||
		!last.At.Equal(at) {
		t.Errorf("history ends with %+v", last)
	}
	sent, err := db.NoticesSent(ctx, []int64{c.ID, 999})
	if err != nil || len(sent[c.ID]) != 1 || sent[c.ID][0].Kind != "receipt" || !sent[c.ID][0].SentAt.Equal(at) {
		t.Errorf("notices sent %+v %v", sent, err)
	}
	if got, _ := db.Outbox(ctx, store.OutboxFilter{Unfinished: true}); len(got) != 0 {
		t.Errorf("unfinished after sending: %d", len(got))
	}
	// Recording again (a second workstation resolving the same send) is
	// harmless.
	tx, err = db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.RecordSent(id, mid, at, true, "收件回执", "李娜"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if h, _ := db.History(ctx, c.ID); len(h) != len(hist) {
		t.Errorf("history grew to %d events on a repeated record", len(h))
	}

	// The report's 明细 shows the day it was mailed (China time: the
	// 17:30 send is on the 8th).
	second := &store.OutboxItem{CaseID: c.ID, Kind: "accept", MessageID: "m2@163.com", To: []string{"a@example.com"}}
	id2, err := db.AddOutbox(ctx, second, strings.NewReader("Message-ID: <m2@163.com>\r\n\r\nx\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	tx, err = db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sha2, size2, _ := tx.PutBlob(strings.NewReader("Message-ID: <m2@163.com>\r\n\r\nx\r\n"))
	mid2, err := tx.Insert(&store.Mail{DedupKey: "k2", MessageID: "m2@163.com", RawSHA256: sha2, RawSize: size2, Source: "sent"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.RecordSent(id2, mid2, at.Add(2*time.Hour), false, "受理通知书", "李娜"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Outbox(ctx, store.OutboxFilter{Unfinished: true}); len(got) != 1 || got[0].ID != id2 {
		t.Errorf("sent but not appended is unfinished: %+v", got)
	}
	if err := db.SetOutboxAppended(ctx, id2); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Outbox(ctx, store.OutboxFilter{Unfinished: true}); len(got) != 0 {
		t.Errorf("unfinished after the append: %+v", got)
	}
	if got, _ := db.Outbox(ctx, store.OutboxFilter{CaseID: c.ID}); len(got) != 2 || got[0].ID != id || got[1].ID != id2 {
		t.Errorf("case outbox %+v", got)
	}
	cst := workday.China()
	recs, err := db.ReportCases(ctx, time.Date(2026, 10, 1, 0, 0, 0, 0, cst), time.Date(2026, 10, 31, 0, 0, 0, 0, cst))
	if err != nil || len(recs) != 1 {
		t.Fatalf("report cases %d, %v", len(recs), err)
	}
	if nd := recs[0].NoticeDays; len(nd) != 1 || workday.Format(nd[0]) != "2026-10-08" {
		t.Errorf("notice days %v", nd)
	}
	if recs[0].Mails != 2 {
		t.Errorf("report counts %d mails", recs[0].Mails)
	}
}
