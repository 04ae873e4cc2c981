package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFullDiskKeepsTarget: export and backup into a 1 MiB tmpfs that the
// copy does not fit: the existing target there is untouched, no temporary
// file is left, and the clerk reads Chinese (issue 9, full disk).
func TestFullDiskKeepsTarget(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root")
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("mount not permitted: %v: %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })

	dir := t.TempDir()
	db := newBook(t, dir, "book.db")
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	// 3 MiB of ballast: the backup cannot fit.
	if _, err := sqldb.Exec(`CREATE TABLE ballast(b); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3) INSERT INTO ballast SELECT randomblob(1<<20) FROM n`); err != nil {
		t.Fatal(err)
	}
	sqldb.Close()
	// Many cases: the report cannot fit either once the disk is nearly full.
	old := map[string]string{"r.xlsx": "last month's report", "b.bak": "yesterday's copy"}
	for name, content := range old {
		os.WriteFile(filepath.Join(mnt, name), []byte(content), 0o644)
	}
	// Fill the disk but for a few KB.
	filler := filepath.Join(mnt, "filler")
	f, _ := os.Create(filler)
	buf := make([]byte, 4096)
	for {
		if _, err := f.Write(buf); err != nil {
			break
		}
	}
	f.Close()
	st, _ := os.Stat(filler)
	os.Truncate(filler, st.Size()-8192)

	for _, cmd := range [][]string{
		{"backup", "--out", filepath.Join(mnt, "new.bak")},
		{"export", "--month", "2026-09", "--out", filepath.Join(mnt, "r.xlsx")},
	} {
		_, stderr, code := cli(t, db, "", cmd...)
		if code == 0 {
			t.Errorf("%v: succeeded on a full disk", cmd[0])
			continue
		}
		if !strings.Contains(stderr, "磁盘空间不足") {
			t.Errorf("%v: message %q", cmd[0], stderr)
		}
		if s := englishSentence(stderr); s != "" {
			t.Errorf("%v: English %q", cmd[0], s)
		}
	}
	for name, content := range old {
		if b, _ := os.ReadFile(filepath.Join(mnt, name)); string(b) != content {
			t.Errorf("%s changed to %q", name, b)
		}
	}
	entries, _ := os.ReadDir(mnt)
	for _, e := range entries {
		if _, ok := old[e.Name()]; !ok && e.Name() != "filler" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	// The book is intact.
	if out := mustCLI(t, db, "cases", "--json"); !strings.Contains(out, "ZX-2026-0001") {
		t.Fatal("book lost its case")
	}
}
