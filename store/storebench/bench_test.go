package storebench

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/bookcopy"
	"beiandesk/store/demo"
	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

var today = time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China())

var (
	once    sync.Once
	dbPath  string
	pgURL   string
	initErr error
)

// books builds the 100k-case book once per run: generated into SQLite, then
// copied into a PostgreSQL database, so both hold the same rows. Generating
// takes minutes on a busy machine: BEIANDESK_STOREBENCH_DB names a file that
// is generated once and reused by later runs.
func books(b *testing.B) (string, string) {
	once.Do(func() {
		ctx := context.Background()
		dbPath = os.Getenv("BEIANDESK_STOREBENCH_DB")
		if dbPath == "" {
			dir, err := os.MkdirTemp("", "beiandesk-bench")
			if err != nil {
				initErr = err
				return
			}
			dbPath = filepath.Join(dir, "big.db")
		}
		src, err := sqlite.Open(ctx, dbPath)
		if err != nil {
			initErr = err
			return
		}
		defer src.Close()
		if n, _ := src.CountCases(ctx, store.Filter{}); n == 0 {
			if initErr = demo.Generate(ctx, src, 100_000, 7, today); initErr != nil {
				return
			}
		}
		c := pgtest.Get(b)
		if err := c.Exec(ctx, "postgres", `CREATE DATABASE bench`); err != nil {
			initErr = err
			return
		}
		pgURL = c.SuperURL("bench")
		dst, err := postgres.Open(ctx, pgURL)
		if err != nil {
			initErr = err
			return
		}
		defer dst.Close()
		_, initErr = bookcopy.Copy(ctx, src, dst)
	})
	if initErr != nil {
		b.Fatal(initErr)
	}
	return dbPath, pgURL
}

type opener func(b *testing.B) store.Book

func backends(b *testing.B) map[string]opener {
	return map[string]opener{
		"sqlite": func(b *testing.B) store.Book {
			path, _ := books(b)
			db, err := sqlite.Open(context.Background(), path)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			return db
		},
		"postgres": func(b *testing.B) store.Book {
			_, url := books(b)
			db, err := postgres.Open(context.Background(), url)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			return db
		},
	}
}

func each(b *testing.B, fn func(b *testing.B, db store.Book)) {
	for _, name := range []string{"sqlite", "postgres"} {
		open := backends(b)[name]
		b.Run(name, func(b *testing.B) { fn(b, open(b)) })
	}
}

func list(b *testing.B, f store.Filter) {
	each(b, func(b *testing.B, db store.Book) {
		ctx := context.Background()
		for b.Loop() {
			cases, err := db.Cases(ctx, f, false)
			if err != nil || len(cases) == 0 {
				b.Fatal(len(cases), err)
			}
		}
	})
}

// Goal: ≤ 5 ms for a page of 200 filtered by status and month, by due date.
func BenchmarkList200(b *testing.B) {
	list(b, store.Filter{Status: "done", Month: "2026-06", Order: "due", Limit: 200})
}

// Goal: ≤ 10 ms.
func BenchmarkSearchTrigram(b *testing.B) {
	list(b, store.Filter{Query: "网络科技", Order: "-id", Limit: 200})
}

// Goal: ≤ 60 ms.
func BenchmarkSearch2Char(b *testing.B) {
	list(b, store.Filter{Query: "晋中", Order: "-id", Limit: 200})
}

// Goal: ≤ 200 ms.
func BenchmarkDashboard(b *testing.B) {
	each(b, func(b *testing.B, db store.Book) {
		ctx := context.Background()
		for b.Loop() {
			if _, err := db.Dashboard(ctx, today); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Goal: ≤ 3 ms, into the 100k book.
func BenchmarkRegister(b *testing.B) {
	in := store.NewCase{Kind: "deregister", Channel: "fax", ReceivedAt: today, Sponsor: "太原市测试科技有限公司", Provider: "中国联通山西分公司",
		Filings: []string{"晋ICP备12345678号-1"}, Domains: []string{"example.com"}}
	each(b, func(b *testing.B, db store.Book) {
		ctx := context.Background()
		for b.Loop() {
			if _, err := db.CreateCase(ctx, in, "b"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
