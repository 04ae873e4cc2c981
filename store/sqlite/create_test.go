package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
	db.Close()
	if st2, _ := os.Stat(path); !os.SameFile(st, st2) {
		t.Fatal("the existing book was replaced")
	}
}
