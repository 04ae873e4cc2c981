package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damageBook overwrites the header of the cases table's root page, as a
// failing disk would; quick_check then reports it.
func damageBook(t *testing.T, path string) {
	t.Helper()
	sqldb, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var pageSize, root int64
	sqldb.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	if err := sqldb.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = 'cases'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	sqldb.Close()
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("WAL still present")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xA5, 0x17}, 24), (root-1)*pageSize); err != nil {
		t.Fatal(err)
	}
}

var writeCommands = [][]string{
	{"case", "new", "--kind", "deregister", "--channel", "post", "--received", "2026-09-30T10:00:00+08:00", "--sponsor", "某某公司", "--json"},
	{"case", "status", "1", "--to", "withdrawn", "--json"},
	{"case", "check", "1", "--item", "1", "--state", "present", "--json"},
	{"case", "edit", "1", "--sponsor", "某某", "--json"},
	{"holidays", "import", "--year", "2026", "-"},
	{"import", "-"},
	// A send writes the outbox; it must not start on a damaged book.
	{"reply", "1", "--kind", "receipt", "--to", "a@example.cn", "--smtp-host", "127.0.0.1", "--smtp-port", "1", "--smtp-security", "none", "--json"},
}

const holidayNotice = "二、春节:2月15日至23日放假调休,共9天。2月14日(周六)、2月28日(周六)上班。\n"

func stdinFor(cmd []string) string {
	switch cmd[0] {
	case "holidays":
		return holidayNotice
	case "import":
		return "From: a@example.cn\r\nSubject: x\r\n\r\nbody\r\n"
	}
	return ""
}

// TestWriteCommandsRefuseDamagedBook: write commands refuse a file that
// fails quick_check, with the window's message, and change nothing
// (issue 9, item 7).
func TestWriteCommandsRefuseDamagedBook(t *testing.T) {
	dir := t.TempDir()
	db := newBook(t, dir, "book.db")
	for range 3 {
		mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "post",
			"--received", "2026-09-30T10:00:00+08:00", "--sponsor", strings.Repeat("太原市晋阳网络科技有限公司", 40), "--json")
	}
	damageBook(t, db)
	before, _ := os.ReadFile(db)
	for _, cmd := range writeCommands {
		_, stderr, code := cli(t, db, stdinFor(cmd), cmd...)
		if code == 0 {
			t.Errorf("%v: accepted a damaged book", cmd[:2])
		}
		// "检查结果" is quick_check's finding: the command checked the book
		// before it began, rather than stumbling on a damaged page.
		if !strings.Contains(stderr, "已损坏") || !strings.Contains(stderr, "恢复") || !strings.Contains(stderr, "检查结果") {
			t.Errorf("%v: message %q", cmd[:2], stderr)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
		t.Fatal("the damaged file was written")
	}
}

// TestNeverWriteOverNonBook: an explicit --db (or $BEIANDESK_DB) naming a
// 0-byte or non-SQLite file is never used or written; the per-user default
// location may still start a new book in an empty file (issue 9, item 7).
func TestNeverWriteOverNonBook(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.db":  nil,
		"notes.txt": []byte("这是一份重要的笔记,不是数据库。\n"),
		"photo.db":  []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, content, 0o644)
		for _, cmd := range append(writeCommands, []string{"cases", "--json"}, []string{"backup", "--out", filepath.Join(dir, name+".bak")}) {
			_, stderr, code := cli(t, p, stdinFor(cmd), cmd...)
			if code == 0 {
				t.Errorf("%s %v: accepted", name, cmd[:2])
			}
			if !strings.Contains(stderr, "不是") {
				t.Errorf("%s %v: message %q", name, cmd[:2], stderr)
			}
		}
		if got, _ := os.ReadFile(p); !bytes.Equal(got, content) {
			t.Errorf("%s was written", name)
		}
		for _, sfx := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(p + sfx); err == nil {
				t.Errorf("%s%s created", name, sfx)
			}
		}
	}
	// $BEIANDESK_DB is explicit too.
	empty := filepath.Join(dir, "env.db")
	os.WriteFile(empty, nil, 0o644)
	t.Setenv("BEIANDESK_DB", empty)
	var out, errb bytes.Buffer
	if code := run(context.Background(), writeCommands[0], strings.NewReader(""), &out, &errb); code == 0 {
		t.Errorf("BEIANDESK_DB empty file accepted")
	}
	// The per-user default: an empty file there becomes a new book.
	t.Setenv("BEIANDESK_DB", "")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	def, err := DefaultDBPath()
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(def), 0o700)
	os.WriteFile(def, nil, 0o600)
	out.Reset()
	errb.Reset()
	if code := run(context.Background(), writeCommands[0], strings.NewReader(""), &out, &errb); code != 0 {
		t.Errorf("default location: %d %s", code, errb.String())
	}
}
