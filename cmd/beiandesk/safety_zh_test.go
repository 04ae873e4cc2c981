package main

import (
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// commandLines lists every command of the help text (so a new command is
// walked too), plus the ones the dispatcher knows without help lines.
func commandLines() [][]string {
	seen := map[string]bool{}
	var out [][]string
	add := func(c []string) {
		k := strings.Join(c, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	for _, line := range strings.Split(msgHelp, "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 || fields[0] != "beiandesk" {
			continue
		}
		var cmd []string
		for _, f := range fields[1:] {
			if !regexp.MustCompile(`^[a-z]+$`).MatchString(f) {
				break
			}
			cmd = append(cmd, f)
		}
		if len(cmd) > 0 {
			add(cmd)
		}
	}
	for _, c := range [][]string{{"case", "edit"}, {"help"}, {"case"}, {"holidays"}, {"nonsense"}, {"case", "nonsense"}} {
		add(c)
	}
	return out
}

// englishSentence finds a run of three or more English words on a line,
// after leaving out what may stay ASCII: flag names, paths, values quoted
// in 「」, alternatives like new|status.
var (
	allowed = regexp.MustCompile(`「[^」]*」|--?[A-Za-z][\w-]*|\S*[/\\]\S*|\S*\|\S*|\S+\.(eml|xlsx|db|txt|pdf|csv)\b`)
	english = regexp.MustCompile(`[A-Za-z]+(?:[ ,;:'"()]+[A-Za-z]+){2,}`)
)

func englishSentence(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		l := allowed.ReplaceAllString(line, " ")
		if m := english.FindString(l); m != "" {
			return m
		}
	}
	return ""
}

func TestEnglishSentenceDetector(t *testing.T) {
	for s, want := range map[string]bool{
		"beiandesk: flag provided but not defined: -1":             true,
		"beiandesk: file is not a database":                        true,
		"beiandesk: 未知参数 -1,运行 beiandesk help 查看用法":                false,
		"beiandesk: --out /tmp/a b/c.db: 文件夹 /tmp/x y z 不存在":       false,
		"用法: beiandesk case new|status|check …":                    false,
		"beiandesk: open /x: no such file or directory(文件或文件夹不存在)": true,
	} {
		if got := englishSentence(s) != ""; got != want {
			t.Errorf("%q: %v", s, got)
		}
	}
}

// badBooks makes database files a clerk may point --db at by mistake.
func badBooks(t *testing.T) map[string]string {
	dir := t.TempDir()
	books := map[string]string{}
	text := filepath.Join(dir, "notes.db")
	os.WriteFile(text, []byte("这不是数据库"), 0o644)
	books["text"] = text
	books["folder"] = dir
	books["missing folder"] = filepath.Join(dir, "no", "such", "folder", "b.db")
	damaged := newBook(t, dir, "damaged.db")
	damageBook(t, damaged)
	books["damaged"] = damaged
	// A SQLite file of another program that claims our schema version.
	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`CREATE TABLE other(x); PRAGMA user_version = 3`)
	db.Close()
	books["no such table"] = foreign
	books["good"] = newBook(t, dir, "good.db")
	return books
}

// TestEveryMessageChinese walks every command with bad flags, bad values,
// stray arguments and bad database files, and checks that nothing English
// reaches the clerk (issue 9, item 8).
func TestEveryMessageChinese(t *testing.T) {
	books := badBooks(t)
	if ro := readOnlyBook(t); ro != "" {
		books["read-only"] = ro
	}
	variants := [][]string{
		{"--bogus"}, {"-1"}, {"--db"}, {"--json=maybe"}, {"stray", "args", "here"},
		{"--month", "13"}, {"--year", "x"}, {"--timeout", "soon"}, {"--days", "many"}, {"--item", "x"},
		{"--from", "yesterday"}, {"--to", "nowhere"}, {"--received", "someday"}, {"--kind", "x"},
		{"--state", "x"}, {"--at", "later"}, {"--out"}, {"--port", "x"}, {"-h=1"}, {"---x"},
	}
	runs := 0
	defer func() { t.Logf("%d command lines run", runs) }()
	for _, cmd := range commandLines() {
		for _, v := range variants {
			args := append(append([]string{}, cmd...), v...)
			_, stderr, _ := cli(t, books["good"], "", args...)
			runs++
			if s := englishSentence(stderr); s != "" {
				t.Errorf("%v: English %q in %q", args, s, stderr)
			}
		}
	}
	for name, book := range books {
		for _, cmd := range writeCommands {
			_, stderr, code := cli(t, book, stdinFor(cmd), cmd...)
			runs++
			if name != "good" && name != "missing folder" && code == 0 {
				t.Errorf("%s %v: accepted", name, cmd[:2])
			}
			if s := englishSentence(stderr); s != "" {
				t.Errorf("%s %v: English %q in %q", name, cmd[:2], s, stderr)
			}
		}
		for _, cmd := range [][]string{{"cases", "--json"}, {"mails", "--json"}, {"holidays", "list", "--year", "2026"},
			{"export", "--month", "2026-09", "--out", filepath.Join(t.TempDir(), "r.xlsx")},
			{"backup", "--out", filepath.Join(t.TempDir(), "b.bak")}, {"restore", "--from", book}} {
			_, stderr, _ := cli(t, books["good"], "", cmd...)
			if s := englishSentence(stderr); s != "" {
				t.Errorf("%v: English %q in %q", cmd, s, stderr)
			}
			_, stderr, _ = cli(t, book, "", cmd...)
			runs += 2
			if s := englishSentence(stderr); s != "" {
				t.Errorf("%s %v: English %q in %q", name, cmd, s, stderr)
			}
		}
	}
}

// readOnlyBook puts a book on a read-only tmpfs (root ignores file modes,
// a read-only mount it cannot). "" when mounting is not permitted.
func readOnlyBook(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Log("not root: no read-only mount")
		return ""
	}
	mnt := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Logf("mount not permitted (%v: %s): read-only case skipped", err, out)
		return ""
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	newBook(t, mnt, "ro.db")
	if out, err := exec.Command("mount", "-o", "remount,ro", mnt).CombinedOutput(); err != nil {
		t.Logf("remount ro: %v: %s", err, out)
		return ""
	}
	return filepath.Join(mnt, "ro.db")
}
