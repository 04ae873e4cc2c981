package sqlite

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// A backup taken while another connection writes opens cleanly and holds
// every case committed before it started, each with its whole checklist.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openTemp(t)
	for i := 0; i < 50; i++ {
		mustCreate(t, db, sampleCase())
	}
	writer, err := Open(ctx, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	var stop atomic.Bool
	var committed atomic.Int64
	committed.Store(50)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			if _, err := writer.CreateCase(ctx, sampleCase(), "w"); err != nil {
				t.Error(err)
				return
			}
			committed.Add(1)
		}
	}()
	var before []int64
	var paths []string
	for i := 0; i < 3; i++ {
		before = append(before, committed.Load())
		p := filepath.Join(dir, "backup"+string(rune('a'+i))+".db")
		if err := db.Backup(ctx, p); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	stop.Store(true)
	wg.Wait()
	if err := db.Backup(ctx, paths[0]); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	for i, p := range paths {
		b, err := Open(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.QuickCheck(ctx); err != nil {
			t.Fatal(err)
		}
		var n, incomplete int
		b.db.QueryRow(`SELECT count(*) FROM cases`).Scan(&n)
		b.db.QueryRow(`SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM material m WHERE m.case_id = c.id) != 3`).Scan(&incomplete)
		if int64(n) < before[i] || incomplete != 0 {
			t.Errorf("backup %d: %d cases (at least %d committed before), %d torn", i, n, before[i], incomplete)
		}
		b.Close()
	}
}
