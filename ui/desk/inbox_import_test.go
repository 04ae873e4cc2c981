package desk

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// Issue 11: files and folders dropped on 收件箱 are imported, .eml only, with
// the real mail package.
func TestInboxDropImportsFilesAndFolders(t *testing.T) {
	d, _ := newTestDesk(t)
	d.mail = realMail{}
	dir := t.TempDir()
	mk := func(rel, id string) string {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("Message-ID: <"+id+"@example.cn>\r\nFrom: a@example.cn\r\nSubject: "+id+"\r\n\r\n申请注销\r\n"), 0o644)
		return p
	}
	a := mk("a.eml", "a")
	b := mk("b.eml", "b")
	mk("folder/c.eml", "c")
	mk("folder/deep/d.eml", "d")
	mk("folder/e.txt", "e")

	d.SelectTab(TabRegister)
	d.inbox.dropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(a)})
	d.wait()
	if n, _ := d.db.CountMails(context.Background(), ""); n != 0 {
		t.Fatalf("a drop on 登记 imported %d mails", n)
	}

	d.SelectTab(TabInbox)
	d.inbox.dropped(fyne.NewPos(1, 1), []fyne.URI{storage.NewFileURI(a), storage.NewFileURI(b), storage.NewFileURI(filepath.Join(dir, "folder"))})
	d.wait()
	mails, err := d.db.Mails(context.Background(), store.MailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(mails) != 4 {
		t.Errorf("imported %d mails, want 4 (a, b, and the two .eml in the folder)", len(mails))
	}
}

// Issue 11: a mail stored by another process (the command line) shows up in
// 收件箱 without touching the filter.
func TestInboxShowsMailImportedElsewhere(t *testing.T) {
	d, _ := newTestDesk(t)
	before := len(d.inbox.mails)
	// The watcher takes its baseline on its own goroutine after start; a
	// commit before that would already be part of the baseline.
	d.pause(time.Second)
	other, err := sqlite.Open(context.Background(), d.opts.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	dir := t.TempDir()
	p := filepath.Join(dir, "x.eml")
	os.WriteFile(p, []byte("Message-ID: <elsewhere@example.cn>\r\nFrom: a@example.cn\r\nSubject: 命令行导入\r\n\r\n申请注销\r\n"), 0o644)
	if _, err := (realMail{}).ImportPaths(context.Background(), other, []string{p}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(8 * time.Second) // store.Watcher tells within about 2 s
	for time.Now().Before(deadline) {
		d.pause(100 * time.Millisecond)
		n := len(d.inbox.mails)
		if n == before+1 {
			return
		}
	}
	t.Errorf("收件箱 still lists %d mails, want %d", len(d.inbox.mails), before+1)
}
