package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/demo"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

// bigDB builds a 100k-case book once per test binary run.
func bigDB(b *testing.B) string {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "beiandesk-bench")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "big.db")
		ctx := context.Background()
		db, err := sqlite.Open(ctx, bigPath)
		if err != nil {
			bigErr = err
			return
		}
		defer db.Close()
		today := time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China())
		bigErr = demo.Generate(ctx, db, 100_000, 7, today)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

func openBig(b *testing.B) *sqlite.DB {
	db, err := sqlite.Open(context.Background(), bigDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// Goal: ≤ 2 ms for a page of 200 filtered by status and month, by due date.
func BenchmarkListFiltered(b *testing.B) {
	db := openBig(b)
	ctx := context.Background()
	f := store.Filter{Status: "done", Month: "2026-06", Order: "due", Limit: 200}
	for b.Loop() {
		cases, err := db.Cases(ctx, f, false)
		if err != nil || len(cases) == 0 {
			b.Fatal(len(cases), err)
		}
	}
}

func benchSearch(b *testing.B, q string) {
	db := openBig(b)
	ctx := context.Background()
	f := store.Filter{Query: q, Order: "-id", Limit: 200}
	for b.Loop() {
		cases, err := db.Cases(ctx, f, false)
		if err != nil || len(cases) == 0 {
			b.Fatal(len(cases), err)
		}
	}
}

// Goal: ≤ 5 ms with the trigram index.
func BenchmarkSearchTrigram(b *testing.B) { benchSearch(b, "网络科技") }

// Goal: ≤ 50 ms for a 2-character term (LIKE scan).
func BenchmarkSearch2Char(b *testing.B) { benchSearch(b, "晋中") }

// Goal: ≤ 50 ms to open the 100k book and check its migrations.
func BenchmarkOpen(b *testing.B) {
	path := bigDB(b)
	ctx := context.Background()
	for b.Loop() {
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.CountCases(ctx, store.Filter{Status: "open"}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

func BenchmarkCreateCase(b *testing.B) {
	db, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "c.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	in := store.NewCase{Kind: "deregister", Channel: "fax", ReceivedAt: time.Now(), Sponsor: "太原市测试科技有限公司",
		Filings: []string{"晋ICP备12345678号-1"}, Domains: []string{"example.com"}}
	for b.Loop() {
		if _, err := db.CreateCase(context.Background(), in, "b"); err != nil {
			b.Fatal(err)
		}
	}
}
