package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// testMailsPaging checks MailFilter.Offset: reading the list page by page
// (as `mails --json` streams it) gives every mail once, newest first, in the
// same order as one whole read; Offset without Limit skips and returns the
// rest; state still filters.
func testMailsPaging(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	const count = 7
	base := time.Date(2026, 3, 2, 9, 0, 0, 0, workday.China())
	for i := range count {
		tx, err := db.BeginMail(ctx)
		if err != nil {
			t.Fatal(err)
		}
		raw := fmt.Sprintf("Message-ID: <page-%d@example.cn>\r\nSubject: mail %d\r\n\r\nbody %d\r\n", i, i, i)
		sha, size, err := tx.PutBlob(strings.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		// Two mails share a date, so the order must break ties the same way on every page.
		date := base.Add(time.Duration(i/2) * time.Hour)
		if _, err := tx.Insert(&store.Mail{
			DedupKey: fmt.Sprintf("page-%d", i), MessageID: fmt.Sprintf("page-%d@example.cn", i),
			RawSHA256: sha, RawSize: size, Date: date, FromAddr: "a@example.cn",
			Subject: fmt.Sprintf("mail %d", i), Text: fmt.Sprintf("body %d", i), Source: "test",
		}); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	ids := func(ms []*store.Mail) []int64 {
		out := make([]int64, len(ms))
		for i, m := range ms {
			out[i] = m.ID
		}
		return out
	}
	all, err := db.Mails(ctx, store.MailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != count {
		t.Fatalf("Mails listed %d, want %d", len(all), count)
	}
	for _, size := range []int{1, 2, 3, count, count + 1} {
		var paged []*store.Mail
		for off := 0; ; off += size {
			page, err := db.Mails(ctx, store.MailFilter{Limit: size, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			paged = append(paged, page...)
			if len(page) < size || len(paged) > count {
				break // a back end that ignores Offset would page forever
			}
		}
		if got, want := fmt.Sprint(ids(paged)), fmt.Sprint(ids(all)); got != want {
			t.Errorf("pages of %d: ids %s, want %s", size, got, want)
		}
	}
	rest, err := db.Mails(ctx, store.MailFilter{Offset: 5})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(ids(rest)), fmt.Sprint(ids(all[5:])); got != want {
		t.Errorf("Offset 5 without Limit: ids %s, want %s", got, want)
	}
	if err := db.SetMailState(ctx, all[0].ID, store.MailIgnored); err != nil {
		t.Fatal(err)
	}
	page, err := db.Mails(ctx, store.MailFilter{State: store.MailNew, Limit: 2, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(ids(page)), fmt.Sprint(ids(all[2:4])); got != want {
		t.Errorf("new mails, Limit 2 Offset 1: ids %s, want %s", got, want)
	}
}
