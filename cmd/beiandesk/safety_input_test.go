package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHolidaysImportBounded: holidays import reads at most 1 MiB of a file,
// as of stdin, so /dev/zero or a huge file is refused without filling the
// memory (issue 9, item 9).
func TestHolidaysImportBounded(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	big := filepath.Join(dir, "big.txt")
	line := "二、春节:2月15日至23日放假调休,共9天。2月14日(周六)、2月28日(周六)上班。\n"
	os.WriteFile(big, []byte(strings.Repeat(line, (2<<20)/len(line))), 0o644)
	bin := filepath.Join(dir, "notice.png")
	os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	files := map[string]string{"2 MiB of notice lines": big, "a picture": bin}
	if _, err := os.Stat("/dev/zero"); err == nil {
		files["/dev/zero"] = "/dev/zero"
	}
	for name, f := range files {
		_, stderr, code := cli(t, db, "", "holidays", "import", "--year", "2026", f)
		if code == 0 {
			t.Errorf("%s: accepted", name)
		}
		if !strings.Contains(stderr, f) || !hasCJK(stderr) {
			t.Errorf("%s: message %q", name, stderr)
		}
	}
	// stdin is bounded the same way.
	_, stderr, code := cli(t, db, strings.Repeat(line, (2<<20)/len(line)), "holidays", "import", "-")
	if code == 0 || !strings.Contains(stderr, "1 MiB") {
		t.Errorf("stdin: %d %q", code, stderr)
	}
}

// TestImportRefusesNonMail: a 0-byte, binary or header-less file is not a
// mail and is refused with a message; nothing is stored (issue 9, item 9).
func TestImportRefusesNonMail(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "b.db")
	files := map[string]string{
		"empty.eml":   "",
		"blank.eml":   "\r\n\r\n",
		"picture.eml": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
		"program.eml": "MZ\x90\x00\x03\x00\x00\x00\x04\x00",
		"notes.eml":   "这不是邮件,只是一段文字\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		_, stderr, code := cli(t, db, "", "import", p)
		if code == 0 {
			t.Errorf("%s: accepted", name)
		}
		if !strings.Contains(stderr, "不是") {
			t.Errorf("%s: message %q", name, stderr)
		}
	}
	_, stderr, code := cli(t, db, "", "import", "-")
	if code == 0 || !strings.Contains(stderr, "空") {
		t.Errorf("empty stdin: %d %q", code, stderr)
	}
	if out := mustCLI(t, db, "mails", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("stored: %s", out)
	}
	// A real mail still imports, also from stdin, also as mbox "From " text.
	ok := filepath.Join(dir, "ok.eml")
	os.WriteFile(ok, []byte("From: a@example.cn\r\nSubject: hi\r\n\r\nbody\r\n"), 0o644)
	mustCLI(t, db, "import", ok)
	if _, stderr, code := cli(t, db, "From: b@example.cn\r\nSubject: 2\r\n\r\nb\r\n", "import", "-"); code != 0 {
		t.Fatalf("stdin mail refused: %s", stderr)
	}
	_, stderr, code = cli(t, db, "From a@example.cn Sun Feb 11 10:00:00 2024\nSubject: x\n\nbody\n", "import", "-")
	if code != 0 {
		t.Fatalf("mbox text refused: %s", stderr)
	}
}

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x3000 && r <= 0x9fff || r >= 0xff00 && r <= 0xffef {
			return true
		}
	}
	return false
}
