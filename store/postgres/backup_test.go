package postgres

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// backup on a server writes a SQLite book that opens as a file.
func TestBackupToFile(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	c, err := db.CreateCase(ctx, sampleNew(0), "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddCaseFile(ctx, c.ID, "扫描.pdf", strings.NewReader(strings.Repeat("x", 700_000)), "王芳"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "备份.db")
	if err := db.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, out); err == nil || !strings.Contains(err.Error(), "已存在") {
		t.Fatalf("second backup: %v", err)
	}
	if _, err := os.Stat(out + ".part"); err == nil {
		t.Fatal("partial file left")
	}
	file, err := sqlite.Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	got, err := file.CaseByNumber(ctx, c.Number)
	if err != nil || got.Sponsor != c.Sponsor {
		t.Fatal(got, err)
	}
	files, err := file.CaseFiles(ctx, got.ID)
	if err != nil || len(files) != 1 || files[0].Size != 700_000 {
		t.Fatal(files, err)
	}
	if n, _ := file.CountCases(ctx, store.Filter{Query: "主办者"}); n != 1 {
		t.Fatalf("search in the backup found %d", n)
	}
}
