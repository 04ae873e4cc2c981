package report

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

// benchDir holds the generated case books, made once per test binary, or
// kept in $BEIANDESK_REPORT_BENCH_DIR and reused by later runs (generating
// 100k cases takes a minute, more on a busy machine, and is not measured).
var (
	benchDir  string
	benchDBs  = map[int]string{}
	benchLock sync.Mutex
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" && os.Getenv("BEIANDESK_REPORT_BENCH_DIR") == "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchDB returns a case book with n cases received in October 2026.
func benchDB(b *testing.B, n int) *sqlite.DB {
	b.Helper()
	benchLock.Lock()
	defer benchLock.Unlock()
	ctx := context.Background()
	path, ok := benchDBs[n]
	if kept := os.Getenv("BEIANDESK_REPORT_BENCH_DIR"); !ok && kept != "" {
		benchDir = kept
		path = filepath.Join(kept, fmt.Sprintf("cases-%d.db", n))
		// The marker is written once the book is whole; a book cut off
		// while being generated is made again.
		if _, err := os.Stat(path + ".done"); err == nil {
			benchDBs[n], ok = path, true
		} else {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(path + suffix)
			}
		}
	}
	if !ok {
		if benchDir == "" {
			dir, err := os.MkdirTemp("", "report-bench-")
			if err != nil {
				b.Fatal(err)
			}
			benchDir = dir
		}
		path = filepath.Join(benchDir, fmt.Sprintf("cases-%d.db", n))
		db, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := generate(ctx, db, n, workday.Date(2026, 10, 1), 31, uint64(n)); err != nil {
			b.Fatal(err)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path+".done", nil, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %d cases in %v", n, time.Since(start).Round(time.Millisecond))
		benchDBs[n] = path
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	db.Now = func() time.Time { return fixtureNow }
	b.Cleanup(func() { db.Close() })
	return db
}

func BenchmarkExport100k(b *testing.B) { benchExport(b, 100_000) }

func BenchmarkExportMonth1k(b *testing.B) { benchExport(b, 1_000) }

// benchExport times Compute and Write of October and reports the peak heap
// (sampled every 5 ms) and the memory obtained from the OS.
func benchExport(b *testing.B, n int) {
	db := benchDB(b, n)
	ctx := context.Background()
	out := filepath.Join(b.TempDir(), "report.xlsx")
	from, to := month(2026, time.October)
	// The export command runs with GOGC=50 (see cmd/beiandesk/export.go).
	defer debug.SetGCPercent(debug.SetGCPercent(ExportGCPercent))
	runtime.GC()
	stop := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		// runtime/metrics, unlike ReadMemStats, does not stop the world,
		// so sampling does not slow down what it measures.
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var top uint64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			top = max(top, sample[0].Value.Uint64())
			select {
			case <-stop:
				peak <- top
				return
			case <-tick.C:
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	var rows int
	var computing time.Duration
	var last *Report
	for b.Loop() {
		start := time.Now()
		r, err := Compute(ctx, db, from, to, workday.DayOf(fixtureNow))
		if err != nil {
			b.Fatal(err)
		}
		computing += time.Since(start)
		if err := Write(r, out); err != nil {
			b.Fatal(err)
		}
		rows = len(r.Cases)
		last = r
	}
	b.StopTimer()
	b.ReportMetric(float64(computing.Milliseconds())/float64(b.N), "compute-ms/op")
	close(stop)
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(<-peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(m.Sys)/(1<<20), "sys-MB")
	b.ReportMetric(float64(rows), "rows")
	if fi, err := os.Stat(out); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "xlsx-MB")
	}
	// The peer, as the sync benchmark runs mbsync: exceljs's streaming
	// writer on the same rows (100k × 20 cells for the 100k book).
	if n >= 100_000 && last != nil {
		reportPeer(b, last.Cases, func() time.Duration {
			start := time.Now()
			r, err := Compute(ctx, db, from, to, workday.DayOf(fixtureNow))
			if err != nil {
				b.Fatal(err)
			}
			if err := Write(r, out); err != nil {
				b.Fatal(err)
			}
			return time.Since(start)
		})
	}
}
