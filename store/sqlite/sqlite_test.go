package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"beiandesk/store/workday"
)

// openTemp opens a fresh database file in a temp dir with a fixed clock.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "case.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China()) }
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrateFromEmptyAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.db")
	for round := 0; round < 3; round++ {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		var v int
		if err := db.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
			t.Fatal(err)
		}
		names, _ := migrationFS.ReadDir("migration")
		if v != len(names) {
			t.Fatalf("user_version = %d, want %d", v, len(names))
		}
		var mode string
		if err := db.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Fatalf("journal_mode = %q, %v", mode, err)
		}
		for _, table := range []string{"cases", "material", "event", "setting", "holiday_year", "holiday_day", "mail", "mail_attachment", "blob", "blob_chunk", "case_fts", "imap_state", "lease", "case_file"} {
			var n int
			if err := db.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = ?`, table).Scan(&n); err != nil || n != 1 {
				t.Errorf("table %s missing (%d, %v)", table, n, err)
			}
		}
		if err := db.QuickCheck(ctx); err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}

func TestOpenNewerSchemaRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("opened a database from a newer program")
	}
}

// A relative path (beiandesk --db case.db) and a name with spaces and
// Chinese characters open like any other.
func TestOpenRelativeAndOddPaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"case.db", "sub dir/备案 数据.db", "./x?y#z.db"} {
		db, err := Open(context.Background(), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		db.Close()
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s not created where asked: %v", name, err)
		}
	}
}

// The helpers that open a file on their own take relative paths too.
func TestRelativePathsOutsideOpen(t *testing.T) {
	ctx := context.Background()
	t.Chdir(t.TempDir())
	db, err := Open(ctx, "case.db")
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, sampleCase())
	if err := db.Backup(ctx, "copy.db"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if h, err := Check(ctx, "case.db"); err != nil || !h.OK() {
		t.Fatalf("check: %+v, %v", h, err)
	}
	if err := CheckBackup(ctx, "copy.db"); err != nil {
		t.Fatalf("check backup: %v", err)
	}
	if err := EnsureClosed(ctx, "case.db"); err != nil {
		t.Fatalf("ensure closed: %v", err)
	}
}
