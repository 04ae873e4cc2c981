package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newBook registers one case in a fresh book at dir/name and returns its path.
func newBook(t *testing.T, dir, name string) string {
	t.Helper()
	db := filepath.Join(dir, name)
	mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "post",
		"--received", "2026-09-30T10:00:00+08:00", "--sponsor", "太原市晋阳网络科技有限公司", "--json")
	return db
}

// TestOutNeverDatabase: export --out and backup --out pointed at the open
// book, its -wal/-shm, or any other SQLite file are refused, and the book
// is intact afterwards (issue 9, item 2).
func TestOutNeverDatabase(t *testing.T) {
	dir := t.TempDir()
	db := newBook(t, dir, "book.db")
	other := newBook(t, dir, "other.bak")
	before := rowCounts(t, db)
	otherBytes, _ := os.ReadFile(other)
	rel, _ := filepath.Rel(mustGetwd(t), db)
	targets := map[string]string{
		"the book": db, "its wal": db + "-wal", "its shm": db + "-shm", "the book, relative": rel,
		"another SQLite file": other,
	}
	for name, out := range targets {
		for _, cmd := range [][]string{{"export", "--month", "2026-09", "--out", out}, {"backup", "--out", out}} {
			_, stderr, code := cli(t, db, "", cmd...)
			if code == 0 {
				t.Errorf("%s %s: accepted", cmd[0], name)
			}
			if !strings.Contains(stderr, "数据库") {
				t.Errorf("%s %s: message %q", cmd[0], name, stderr)
			}
		}
	}
	if after := rowCounts(t, db); after != before {
		t.Fatalf("book changed:\n%s\n%s", before, after)
	}
	if b, _ := os.ReadFile(other); !bytes.Equal(b, otherBytes) {
		t.Fatal("the other database file was changed")
	}
	// The book still opens and lists its case.
	if out := mustCLI(t, db, "cases", "--json"); !strings.Contains(out, "ZX-2026-0001") {
		t.Fatalf("book lost its case: %s", out)
	}
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
