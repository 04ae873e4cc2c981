package mail

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// Issue 11: 收件箱 → 导入 takes several files and whole folders, filtered to .eml.
func TestImportPathsFilesAndFolders(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, body string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	msg := func(n string) string {
		return "Message-ID: <" + n + "@example.cn>\r\nFrom: a@example.cn\r\nSubject: " + n + "\r\n\r\n申请注销\r\n"
	}
	one := write("picked/one.eml", msg("one"))
	write("box/b.EML", msg("b"))
	write("box/sub/c.eml", msg("c"))
	write("box/sub/notes.txt", "not a mail")
	write("box/.hidden/d.eml", msg("d"))
	write("box/dup.eml", msg("one")) // the same mail as one.eml
	other := write("picked/scan.pdf", "%PDF")

	got, err := ExpandPaths([]string{one, filepath.Join(dir, "box"), other, one}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{one, filepath.Join(dir, "box/b.EML"), filepath.Join(dir, "box/dup.eml"), filepath.Join(dir, "box/sub/c.eml")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ExpandPaths = %q\nwant %q", got, want)
	}
	if got, _ := ExpandPaths([]string{other}, true); !reflect.DeepEqual(got, []string{other}) {
		t.Errorf("ExpandPaths(anyFile) = %q, want the named file", got)
	}
	if _, err := ExpandPaths([]string{filepath.Join(dir, "missing")}, false); err == nil || !strings.Contains(err.Error(), "找不到") {
		t.Errorf("missing path: error %v, want a Chinese one", err)
	}

	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var calls []int
	sum, err := ImportPaths(ctx, db, []string{one, filepath.Join(dir, "box"), other}, func(done, total int) {
		calls = append(calls, done*10+total)
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 3 || sum.Duplicates != 1 || len(sum.Failed) != 0 {
		t.Errorf("summary %+v, want 3 new, 1 duplicate", sum)
	}
	if !reflect.DeepEqual(calls, []int{14, 24, 34, 44}) {
		t.Errorf("progress calls %v", calls)
	}
	mails, err := db.Mails(ctx, store.MailFilter{})
	if err != nil || len(mails) != 3 {
		t.Fatalf("stored %d mails, %v", len(mails), err)
	}
	if _, err := ImportPaths(ctx, db, []string{other}, nil); err == nil || !strings.Contains(err.Error(), ".eml") {
		t.Errorf("no .eml: error %v", err)
	}
}
