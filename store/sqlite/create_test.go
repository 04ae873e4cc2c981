package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"beiandesk/store"
	"beiandesk/store/safefile"
)

// A new book appears under its name whole, with nothing temporary left, and
// an existing book is never replaced. The kill -9 side (never an empty file
// under the clerk's name, which CheckFile would then refuse) is exercised by
// mail's TestBinaryExactlyOnce, whose first kills land in the creation.
func TestCreateIsWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "book.db")
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if ok, err := safefile.IsSQLite(path); err != nil || !ok {
		t.Fatalf("new book is not a SQLite file: %v %v", ok, err)
	}
	if err := CheckFile(path, true); err != nil {
		t.Fatalf("new book refused when named explicitly: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.part*"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	// A second Open finds the book and keeps it.
	st, _ := os.Stat(path)
	db, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if st2, _ := os.Stat(path); !os.SameFile(st, st2) {
		t.Fatal("the existing book was replaced")
	}
	var size int
	var mode string
	if err := db.db.QueryRow("PRAGMA page_size").Scan(&size); err != nil || size != pageSize {
		t.Errorf("page size %d (%v), want %d", size, err, pageSize)
	}
	if err := db.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q (%v), want wal", mode, err)
	}
}

// A book made before the larger pages keeps its 4 KiB pages and works.
func TestOldPageSizeBookOpens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", fileURI(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	old.SetMaxOpenConns(1)
	for _, q := range []string{"PRAGMA page_size = 4096", "PRAGMA journal_mode = WAL", "CREATE TABLE t (x)", "DROP TABLE t"} {
		if _, err := old.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var size int
	if err := db.db.QueryRow("PRAGMA page_size").Scan(&size); err != nil || size != 4096 {
		t.Errorf("page size %d (%v), want the book's own 4096", size, err)
	}
	if err := db.SetCheckpoint(ctx, "a@b", "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: 2}); err != nil {
		t.Fatal(err)
	}
}
