package desk

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"beiandesk/mail"
	"beiandesk/store/sqlite"
)

// pressEnter answers the dialog on top the way a clerk's Enter does.
func pressEnter(w fyne.Window) {
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// TestSaveNeverDestroysTarget: choosing a save target writes nothing; a
// database is refused; an existing file is replaced only after our own
// question (issue 9, item 1).
func TestSaveNeverDestroysTarget(t *testing.T) {
	d, w := newTestDesk(t)
	dir := t.TempDir()
	other, err := sqlite.Open(context.Background(), filepath.Join(dir, "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	book, _ := os.ReadFile(other.Path())
	old := filepath.Join(dir, "2026年10月.xlsx")
	os.WriteFile(old, []byte("old report"), 0o644)

	called := 0
	var replace bool
	write := func(path string, r bool) { called++; replace = r }
	for _, target := range []string{other.Path(), d.db.Location(), d.db.Location() + "-wal"} {
		d.saveTo(target, write)
		if called != 0 {
			t.Fatalf("%s: writer called for a database", target)
		}
		if c := w.Canvas().Overlays().Top(); c == nil {
			t.Fatalf("%s: no message", target)
		}
		pressEnter(w) // closes the message
	}
	if b, _ := os.ReadFile(other.Path()); !bytes.Equal(b, book) {
		t.Fatal("database changed")
	}
	// An existing file: asked first, untouched until then.
	d.saveTo(old, write)
	if called != 0 {
		t.Fatal("writer called before the clerk answered")
	}
	if b, _ := os.ReadFile(old); string(b) != "old report" {
		t.Fatalf("existing file is %q before the answer", b)
	}
	pressEnter(w)
	if called != 1 || !replace {
		t.Fatalf("after 替换: called %d, replace %v", called, replace)
	}
	// A new name: no question.
	d.saveTo(filepath.Join(dir, "new.xlsx"), write)
	if called != 2 || replace {
		t.Fatalf("new file: called %d, replace %v", called, replace)
	}
}

// TestChooseExistingBookKeepsIt: picking an existing book as the data file
// leaves it byte for byte as it was (Fyne's save dialog truncated it).
func TestChooseExistingBookKeepsIt(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("AppData", home)
	d, w := newTestDesk(t)
	other, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "book.db"))
	if err != nil {
		t.Fatal(err)
	}
	other.Close()
	before, _ := os.ReadFile(other.Path())
	d.settings.askDataFile(other.Path())
	pressEnter(w)
	if p, _ := sqlite.DefaultPath(); p != other.Path() {
		t.Fatalf("default path %q", p)
	}
	if b, _ := os.ReadFile(other.Path()); !bytes.Equal(b, before) || len(b) == 0 {
		t.Fatal("the chosen book was changed")
	}
	// A file that is not a book is refused, and kept.
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("笔记"), 0o644)
	d.settings.askDataFile(notes)
	pressEnter(w)
	if p, _ := sqlite.DefaultPath(); p != other.Path() {
		t.Fatalf("a text file became the book: %q", p)
	}
	if b, _ := os.ReadFile(notes); string(b) != "笔记" {
		t.Fatal("notes changed")
	}
}

// TestAttachmentsNeverRun: only known document types are opened; others
// are not even written to the viewer folder, and saved ones cannot land on
// a database (issue 9, item 3).
func TestAttachmentsNeverRun(t *testing.T) {
	d, w := newTestDesk(t)
	res, err := mail.Import(context.Background(), d.db, strings.NewReader("From: a@example.cn\r\nSubject: x\r\n\r\nMZ payload\r\n"), "test")
	if err != nil {
		t.Fatal(err)
	}
	m, err := d.db.Mail(context.Background(), res.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"申请表\u202Efdp.exe", "run.bat", "x.lnk", "a.js", "setup.msi", "a.desktop", "a.sh", "doc.docm"} {
		d.openBlob(m.RawSHA256, name)
		d.wait()
		if w.Canvas().Overlays().Top() == nil {
			t.Errorf("%s: no warning", name)
		}
		w.Canvas().Overlays().Top().Hide()
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
	dir, _ := d.viewDir()
	var written []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			written = append(written, p)
		}
		return nil
	})
	if len(written) != 0 {
		t.Fatalf("written for opening: %v", written)
	}
	// A document is written (and handed to the viewer).
	d.openBlob(m.RawSHA256, "申请表.pdf")
	d.wait()
	if _, err := os.Stat(filepath.Join(dir, m.RawSHA256[:12], "申请表.pdf")); err != nil {
		t.Fatal(err)
	}
	// Saving onto the book is refused.
	if err := d.writeBlob(m.RawSHA256, d.db.Location(), true); err == nil {
		t.Fatal("attachment written over the book")
	}
}
