package desk

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
)

// The case table fetches 200-row pages; these benchmarks time the queries
// behind it and the dashboard on a 100,000-case book. The book is built
// once per run (about 15 s); set BEIANDESK_BENCH_DB to reuse a file.

var (
	benchOnce sync.Once
	benchDB   store.Book
	benchErr  error
)

func bigDB(b *testing.B) store.Book {
	b.Helper()
	benchOnce.Do(func() {
		ctx := context.Background()
		path := os.Getenv("BEIANDESK_BENCH_DB")
		fresh := path == ""
		if fresh {
			dir, err := os.MkdirTemp("", "beiandesk-bench-")
			if err != nil {
				benchErr = err
				return
			}
			path = filepath.Join(dir, "big.db")
		}
		benchDB, benchErr = sqlite.Open(ctx, path)
		if benchErr != nil {
			return
		}
		if n, _ := benchDB.CountCases(ctx, store.Filter{}); n < 100000 {
			benchErr = demo.Generate(ctx, benchDB, 100000-n, 1, time.Now())
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

func benchPage(b *testing.B, f store.Filter) {
	db := bigDB(b)
	ctx := context.Background()
	f.Limit = casePageSize
	b.ResetTimer()
	for b.Loop() {
		rows, err := db.Cases(ctx, f, false)
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) == 0 {
			b.Fatal("empty page")
		}
	}
}

func BenchmarkCasePageFirst(b *testing.B) { benchPage(b, store.Filter{Order: "-received"}) }

func BenchmarkCasePageMiddle(b *testing.B) {
	benchPage(b, store.Filter{Order: "-received", Offset: 50000})
}

func BenchmarkCasePageLast(b *testing.B) {
	benchPage(b, store.Filter{Order: "-received", Offset: 99800})
}

func BenchmarkCasePageByDue(b *testing.B) {
	benchPage(b, store.Filter{Order: "due", Offset: 50000})
}

func BenchmarkCasePageOpenMonth(b *testing.B) {
	benchPage(b, store.Filter{Order: "-received", Status: "open"})
}

func BenchmarkCasePageSearch(b *testing.B) {
	benchPage(b, store.Filter{Order: "-received", Query: "太原市"})
}

func BenchmarkCaseCount(b *testing.B) {
	db := bigDB(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := db.CountCases(ctx, store.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDashboard(b *testing.B) {
	db := bigDB(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := db.Dashboard(ctx, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
