package sqlite

import (
	"beiandesk/store"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestOutboxStates(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "o.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: time.Date(2026, 9, 30, 10, 0, 0, 0, time.UTC)}, "王芳")
	if err != nil {
		t.Fatal(err)
	}
	it := &store.OutboxItem{CaseID: c.ID, Kind: "receipt", MessageID: "m1@163.com", To: []string{"a@example.com"}, Subject: "收件回执"}
	id, err := db.AddOutbox(ctx, it, strings.NewReader("Message-ID: <m1@163.com>\r\n\r\nbody\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	// The same Message-ID cannot be queued twice.
	if _, err := db.AddOutbox(ctx, &store.OutboxItem{CaseID: c.ID, Kind: "receipt", MessageID: "m1@163.com"}, strings.NewReader("x")); err == nil {
		t.Error("duplicate Message-ID accepted")
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
	}
	check(store.OutboxPending, false, "")
	if err := db.OutboxAttempt(ctx, id); err != nil {
		t.Fatal(err)
	}
	check(store.OutboxPending, true, "")
	if got, _ := db.Outbox(ctx, store.OutboxFilter{Unfinished: true}); len(got) != 1 {
		t.Errorf("unfinished: %d", len(got))
	}
	db.OutboxFailed(ctx, id, "SMTP登录失败", false)
	check(store.OutboxPending, false, "SMTP登录失败")
	db.OutboxAttempt(ctx, id)
	db.OutboxFailed(ctx, id, "连接中断", true)
	check(store.OutboxUncertain, true, "连接中断")
	if store.OutboxUncertain.Label() != "待核实" || store.OutboxPending.Label() != "未发出" || store.OutboxSent.Label() != "已发出" {
		t.Error("labels")
	}

	// Recording needs a stored mail; a blob-backed row is enough here.
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sha, size, _ := tx.PutBlob(strings.NewReader("Message-ID: <m1@163.com>\r\n\r\nbody\r\n"))
	mid, err := tx.Insert(&store.Mail{DedupKey: "k1", MessageID: "m1@163.com", RawSHA256: sha, RawSize: size, Source: "sent"})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 10, 8, 9, 30, 0, 0, time.UTC)
	if err := tx.RecordSent(id, mid, at, true, "收件回执", "王芳"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ := db.OutboxItem(ctx, id)
	if got.State != store.OutboxSent || !got.Appended || got.MailID != mid || got.SentAt == nil || !got.SentAt.Equal(at) {
		t.Errorf("sent item %+v", got)
	}
	// A sent item stays sent whatever a late failure report says.
	db.OutboxFailed(ctx, id, "late", false)
	check(store.OutboxSent, true, "")
	cs, _ := db.Case(ctx, c.ID)
	if len(cs.MailIDs) != 1 || cs.MailIDs[0] != mid {
		t.Errorf("case mails %v", cs.MailIDs)
	}
	sent, err := db.NoticesSent(ctx, []int64{c.ID, 999})
	if err != nil || len(sent[c.ID]) != 1 || sent[c.ID][0].Kind != "receipt" || !sent[c.ID][0].SentAt.Equal(at) {
		t.Errorf("notices sent %+v %v", sent, err)
	}
	if got, _ := db.Outbox(ctx, store.OutboxFilter{Unfinished: true}); len(got) != 0 {
		t.Errorf("unfinished after sending: %d", len(got))
	}
}
