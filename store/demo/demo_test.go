package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	today := time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China())
	if err := Generate(ctx, db, 500, 1, today); err != nil {
		t.Fatal(err)
	}
	n, err := db.CountCases(ctx, store.Filter{})
	if err != nil || n != 500 {
		t.Fatalf("%d cases, %v", n, err)
	}
	// Generated cases behave like registered ones: they list, search and
	// take new numbers after the generated ones.
	cases, err := db.Cases(ctx, store.Filter{Status: "open", Order: "due", Limit: 10}, true)
	if err != nil || len(cases) == 0 || len(cases[0].Materials) == 0 {
		t.Fatalf("open cases %d, %v", len(cases), err)
	}
	if hits, _ := db.CountCases(ctx, store.Filter{Query: cases[0].Sponsor}); hits == 0 {
		t.Fatalf("search for %s found nothing", cases[0].Sponsor)
	}
	c, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "fax", ReceivedAt: today, Sponsor: "测试"}, "t")
	if err != nil {
		t.Fatal(err)
	}
	if dup, err := db.CountCases(ctx, store.Filter{Query: c.Number}); err != nil || dup != 1 {
		t.Fatalf("number %s reused", c.Number)
	}
}
