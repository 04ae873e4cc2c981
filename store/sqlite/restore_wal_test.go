package sqlite

import (
	"beiandesk/store"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestRestoreTakesCommitsFromWAL: a backup copied as files while its book
// was open has its newest commits only in the -wal. The preview counts
// them, so the restore must bring them too (issue 9, item 4).
func TestRestoreTakesCommitsFromWAL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	srcPath := filepath.Join(dir, "src", "beiandesk.db")
	src, err := Open(ctx, srcPath)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	// One connection, never checkpointing: every case stays in the -wal.
	src.db.SetMaxOpenConns(1)
	if _, err := src.db.ExecContext(ctx, `PRAGMA wal_autocheckpoint = 0`); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		mustCreate(t, src, sampleCase())
	}
	// Copy the files while the writer still has the book open, as a clerk
	// copying the folder would.
	backup := filepath.Join(dir, "copy", "beiandesk.db")
	os.MkdirAll(filepath.Dir(backup), 0o700)
	for _, sfx := range []string{"", "-wal"} {
		copyBytes(t, srcPath+sfx, backup+sfx)
	}
	if st, _ := os.Stat(backup + "-wal"); st == nil || st.Size() == 0 {
		t.Fatal("test setup: the commits are not in the -wal")
	}
	info, err := InspectBackup(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if info.Cases != 4 {
		t.Fatalf("preview counts %d cases, want 4", info.Cases)
	}
	dbPath := filepath.Join(dir, "data", "beiandesk.db")
	if err := Restore(ctx, backup, dbPath); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, _ := db.CountCases(ctx, store.Filter{}); n != info.Cases {
		t.Fatalf("restored %d cases, the preview promised %d", n, info.Cases)
	}
	if err := db.QuickCheck(ctx); err != nil {
		t.Fatal(err)
	}
	// The backup is untouched: nothing was checkpointed into it.
	if st, _ := os.Stat(backup + "-wal"); st == nil || st.Size() == 0 {
		t.Error("the backup's -wal was consumed")
	}
}

func copyBytes(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
}
