package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"beiandesk/store/sqlite"
)

func TestRestoreCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	newCase := []string{"case", "new", "--kind", "deregister", "--channel", "post", "--received", "2026-11-02T10:00:00+08:00", "--json"}
	mustCLI(t, db, newCase...)
	backup := filepath.Join(dir, "b.db")
	mustCLI(t, db, "backup", "--out", backup)
	mustCLI(t, db, newCase...)
	mustCLI(t, db, newCase...)
	countCases := func(path string) int {
		var list []caseJSON
		if err := json.Unmarshal([]byte(mustCLI(t, path, "cases", "--json")), &list); err != nil {
			t.Fatal(err)
		}
		return len(list)
	}

	// Without --yes: the plan, exit 1, nothing changed.
	before := rowCounts(t, db)
	_, errs, code := cli(t, db, "", "restore", "--from", backup)
	if code != 1 || !strings.Contains(errs, "--yes") || !strings.Contains(errs, "案件 1 件") || !strings.Contains(errs, backup) {
		t.Fatalf("dry run: exit %d: %s", code, errs)
	}
	if rowCounts(t, db) != before {
		t.Fatal("dry run changed the database")
	}

	// Refused: no --from, a bad backup, the database still open.
	if _, errs, code := cli(t, db, "", "restore"); code != 2 {
		t.Errorf("no --from: exit %d: %s", code, errs)
	}
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, []byte(strings.Repeat("这不是数据库", 500)), 0o600)
	if _, errs, code := cli(t, db, "", "restore", "--yes", "--from", garbage); code != 1 || !strings.Contains(errs, "损坏") {
		t.Errorf("garbage: exit %d: %s", code, errs)
	}
	open, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	_, errs, code = cli(t, db, "", "restore", "--from", backup, "--yes")
	open.Close()
	if code != 1 || !strings.Contains(errs, "正在使用中") {
		t.Errorf("in use: exit %d: %s", code, errs)
	}
	if rowCounts(t, db) != before {
		t.Fatal("refused restores changed the database")
	}

	// With --yes: restored, the old file kept and named.
	_, errs, code = cli(t, db, "", "restore", "--from", backup, "--yes")
	if code != 0 || !strings.Contains(errs, "已恢复") {
		t.Fatalf("restore: exit %d: %s", code, errs)
	}
	if n := countCases(db); n != 1 {
		t.Errorf("restored database has %d cases", n)
	}
	kept, _ := filepath.Glob(db + ".before-restore-*")
	if len(kept) != 1 || !strings.Contains(errs, kept[0]) {
		t.Fatalf("kept %v; told: %s", kept, errs)
	}
	if n := countCases(kept[0]); n != 3 {
		t.Errorf("kept database has %d cases", n)
	}
}
