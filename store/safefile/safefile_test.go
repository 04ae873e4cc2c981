package safefile

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// makeDB creates a real SQLite database in WAL mode at path, left open so
// that its -wal and -shm files exist.
func makeDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Exec(`CREATE TABLE t(x); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCheckTargetRefusesDatabases(t *testing.T) {
	dir := t.TempDir()
	open := filepath.Join(dir, "book.db")
	makeDB(t, open)
	other := filepath.Join(dir, "backup.bak")
	makeDB(t, other)
	plain := filepath.Join(dir, "report.xlsx")
	os.WriteFile(plain, []byte("PK old report"), 0o644)
	tests := []struct {
		name, path string
		want       error
	}{
		{"the open database", open, ErrProtected},
		{"its wal", open + "-wal", ErrProtected},
		{"its shm", open + "-shm", ErrProtected},
		{"its journal, not yet there", open + "-journal", ErrProtected},
		{"the open database by a relative detour", filepath.Join(dir, ".", "x", "..", "book.db"), ErrProtected},
		{"another SQLite file under any name", other, ErrProtected},
		{"the wal of another SQLite file", other + "-wal", ErrProtected},
		{"a folder", dir, os.ErrExist},
		{"an ordinary file", plain, nil},
		{"a new file", filepath.Join(dir, "new.xlsx"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckTarget(tt.path, open)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if !hasHan(err.Error()) {
				t.Errorf("message not Chinese: %q", err)
			}
		})
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

func TestWriteKeepsTargetUntilComplete(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "report.xlsx")
	os.WriteFile(target, []byte("old"), 0o644)
	ctx := context.Background()

	// Not allowed to replace: refused, untouched.
	err := Write(ctx, target, Options{}, func(tmp string) error { return os.WriteFile(tmp, []byte("new"), 0o600) })
	if !errors.Is(err, ErrExists) {
		t.Fatalf("replace without leave: %v", err)
	}
	// The writer fails half-way: the old file stays, no temporary is left.
	err = Write(ctx, target, Options{Replace: true}, func(tmp string) error {
		os.WriteFile(tmp, []byte("half"), 0o600)
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("failure not reported")
	}
	if b, _ := os.ReadFile(target); string(b) != "old" {
		t.Fatalf("target changed to %q", b)
	}
	// While the new file is being written the old one is still whole.
	err = Write(ctx, target, Options{Replace: true}, func(tmp string) error {
		if b, _ := os.ReadFile(target); string(b) != "old" {
			t.Errorf("target is %q during the write", b)
		}
		return os.WriteFile(tmp, []byte("new"), 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Fatalf("target is %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
	// A database is never the target, even with leave to replace.
	db := filepath.Join(dir, "book.db")
	makeDB(t, db)
	err = WriteFrom(ctx, db, Options{Replace: true}, strings.NewReader("x"))
	if !errors.Is(err, ErrProtected) {
		t.Fatalf("database overwritten: %v", err)
	}
}

func TestCleanStaleRemovesOnlyOurDeadLeftovers(t *testing.T) {
	dir := t.TempDir()
	// A process that has ended: its pid is free (or reused, then kept).
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true(1):", err)
	}
	dead := cmd.Process.Pid
	old := time.Now().Add(-time.Hour)
	mk := func(name string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, nil, 0o600)
		os.Chtimes(p, mtime, mtime)
		return p
	}
	stale := mk(".report.xlsx.beiandesk-"+strconv.Itoa(dead)+"-123.part", old)
	live := mk(".report.xlsx.beiandesk-"+strconv.Itoa(os.Getpid())+"-456.part", old)
	fresh := mk(".report.xlsx.beiandesk-"+strconv.Itoa(dead)+"-789.part", time.Now().Add(time.Hour))
	users := []string{
		mk("report.part", old), mk(".report.xlsx.123.tmp", old), mk("beiandesk-1-2.part", old),
		mk(".x.beiandesk-abc-1.part", old), mk(".x.beiandesk-"+strconv.Itoa(dead)+"-.part", old),
	}
	removed, err := CleanStale(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || removed[0] != stale {
		t.Fatalf("removed %v, want only %s", removed, stale)
	}
	for _, p := range append(users, live, fresh) {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed", filepath.Base(p))
		}
	}
}

func TestSafeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"申请表.pdf", "申请表.pdf"},
		{"invoice\u202Efdp.exe", "invoicefdp.exe"},
		{"a\u2066b\u2069c\u200E\u200F\u061C.txt", "abc.txt"},
		{"tab\tnew\nline\x00.doc", "tabnewline.doc"},
		{`C:\Users\x\evil.bat`, "evil.bat"},
		{"../../etc/passwd", "passwd"},
		{"CON", "_CON"},
		{"nul.txt", "_nul.txt"},
		{"com1.pdf", "_com1.pdf"},
		{"LPT9", "_LPT9"},
		{"COM0.txt", "COM0.txt"},
		{"console.txt", "console.txt"},
		{"report.exe. . ", "report.exe"},
		{"a<b>c:d\"e|f?g*h.txt", "a_b_c_d_e_f_g_h.txt"},
		{"...", "attachment"},
		{"", "attachment"},
		{"\u202E", "attachment"},
	}
	for _, tt := range tests {
		if got := SafeName(tt.in); got != tt.want {
			t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestViewable(t *testing.T) {
	for name, want := range map[string]bool{
		"申请表.pdf": true, "scan.JPG": true, "表.docx": true, "x.xlsx": true, "说明.txt": true, "材料.zip": true,
		"a.exe": false, "a.bat": false, "a.cmd": false, "a.js": false, "a.vbs": false, "a.hta": false,
		"a.lnk": false, "a.scr": false, "a.ps1": false, "a.msi": false, "a.jar": false, "a.desktop": false,
		"a.sh": false, "a.docm": false, "noext": false, "a.pdf.exe": false, "a\u202Etxt.exe": false,
		"a.exe.": false, "a.pdf\u202E": true,
	} {
		if got := Viewable(name); got != want {
			t.Errorf("Viewable(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestZoneIdentifier(t *testing.T) {
	if got := ZoneIdentifier(); got != "[ZoneTransfer]\r\nZoneId=3\r\n" {
		t.Fatalf("%q", got)
	}
}
