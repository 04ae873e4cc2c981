package sqlite

import (
	"beiandesk/store"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// The backup holds one case.
	src := openTemp(t)
	mustCreate(t, src, sampleCase())
	backup := filepath.Join(dir, "backup.db")
	if err := src.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	// The current database holds three.
	dbPath := filepath.Join(dir, "data", "beiandesk.db")
	cur, err := Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		mustCreate(t, cur, sampleCase())
	}
	cur.Close()

	if err := Restore(ctx, backup, dbPath); err != nil {
		t.Fatal(err)
	}
	db, err := Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, _ := db.CountCases(ctx, store.Filter{}); n != 1 {
		t.Errorf("restored database has %d cases, want 1", n)
	}
	kept, _ := filepath.Glob(dbPath + ".before-restore-*")
	var main []string
	for _, k := range kept {
		if !strings.HasSuffix(k, "-wal") && !strings.HasSuffix(k, "-shm") {
			main = append(main, k)
		}
	}
	if len(main) != 1 {
		t.Fatalf("kept files %v", kept)
	}
	old, err := Open(ctx, main[0])
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n, _ := old.CountCases(ctx, store.Filter{}); n != 3 {
		t.Errorf("kept database has %d cases, want 3", n)
	}
	if _, err := os.Stat(backup); err != nil {
		t.Errorf("backup gone: %v", err)
	}

	// A second restore in the same second keeps the first kept file too.
	db.Close()
	if err := Restore(ctx, backup, dbPath); err != nil {
		t.Fatal(err)
	}
	kept2, _ := filepath.Glob(dbPath + ".before-restore-*")
	if len(kept2) <= len(main) {
		t.Errorf("second restore kept %v", kept2)
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "beiandesk.db")
	cur, err := Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, cur, sampleCase())
	cur.Close()
	before, _ := os.ReadFile(dbPath)

	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 1000)), 0o600)
	// A SQLite file that is not a case book.
	other := filepath.Join(dir, "other.db")
	plain, err := Open(ctx, filepath.Join(dir, "plain.db"))
	if err != nil {
		t.Fatal(err)
	}
	plain.db.Exec(`PRAGMA user_version = 0`)
	plain.db.Exec(`DROP TABLE cases`)
	plain.db.Exec(`VACUUM INTO ?`, other)
	plain.Close()
	newer := filepath.Join(dir, "newer.db")
	n, _ := Open(ctx, filepath.Join(dir, "n.db"))
	n.db.Exec(`PRAGMA user_version = 999`)
	n.db.Exec(`VACUUM INTO ?`, newer)
	n.Close()

	for name, path := range map[string]string{
		"missing": filepath.Join(dir, "nope.db"), "garbage": garbage, "not a case book": other,
		"newer schema": newer, "itself": dbPath, "folder": dir,
	} {
		if err := Restore(ctx, path, dbPath); err == nil {
			t.Errorf("%s: restore succeeded", name)
		} else {
			t.Logf("%s: %v", name, err)
		}
	}
	after, _ := os.ReadFile(dbPath)
	if string(before) != string(after) {
		t.Error("database changed by refused restores")
	}
	if kept, _ := filepath.Glob(dbPath + ".before-restore-*"); len(kept) != 0 {
		t.Errorf("refused restore kept %v", kept)
	}
}
