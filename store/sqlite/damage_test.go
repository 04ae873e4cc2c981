package sqlite

import (
	"beiandesk/store"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"beiandesk/store/workday"
)

// fillCaseBook adds n cases and one mail carrying an attachment, and returns
// the mail's id and the attachment's bytes.
func fillCaseBook(t testing.TB, db *DB, n int) (int64, []byte) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		mustCreate(t, db, sampleCase())
	}
	att := bytes.Repeat([]byte("营业执照副本复印件(加盖公章) PDF 扫描件\n"), 20000) // > 1 blob chunk
	raw := []byte("Message-ID: <restore@test>\r\nSubject: =?UTF-8?B?5rOo6ZSA5aSH5qGI?=\r\n\r\n请注销备案。\r\n")
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	rawSHA, rawSize, err := tx.PutBlob(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	attSHA, attSize, err := tx.PutBlob(bytes.NewReader(att))
	if err != nil {
		t.Fatal(err)
	}
	id, err := tx.Insert(&store.Mail{
		DedupKey: "mid:<restore@test>", MessageID: "<restore@test>", RawSHA256: rawSHA, RawSize: rawSize,
		FromAddr: "holder@example.com", Subject: "注销备案", Text: "请注销备案。",
		Attachments: []store.Attachment{{Name: "营业执照.pdf", ContentType: "application/pdf", Size: attSize, SHA256: attSHA}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return id, att
}

// checkCaseBook opens the database at path and checks that it holds n cases
// and the mail of fillCaseBook with its attachment intact.
func checkCaseBook(t testing.TB, path string, n int, mailID int64, att []byte) {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QuickCheck(ctx); err != nil {
		t.Fatal(err)
	}
	if got, err := db.CountCases(ctx, store.Filter{}); err != nil || got != n {
		t.Fatalf("%d cases (%v), want %d", got, err, n)
	}
	m, err := db.Mail(ctx, mailID)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].Name != "营业执照.pdf" {
		t.Fatalf("attachments %+v", m.Attachments)
	}
	r, _, err := db.OpenBlob(ctx, m.Attachments[0].SHA256)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, att) {
		t.Fatalf("attachment: %d bytes back of %d, %v", len(got), len(att), err)
	}
}

// corruptCasesPage overwrites the header and cell pointers of a leaf page
// of the cases table in the middle of the (closed) database file, the kind
// of damage a torn write or a bad sector leaves behind.
func corruptCasesPage(t testing.TB, path string) {
	t.Helper()
	sqldb, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var pageSize int64
	var pages []int64
	if err := sqldb.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	rows, err := sqldb.Query(`SELECT pageno FROM dbstat WHERE name = 'cases' AND pagetype = 'leaf' ORDER BY pageno`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var p int64
		rows.Scan(&p)
		pages = append(pages, p)
	}
	rows.Close()
	sqldb.Close() // the last connection: folds the WAL into the file
	if len(pages) < 3 {
		t.Fatalf("cases has only %d leaf pages; add more cases", len(pages))
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("WAL still present; the damage would not be in the main file")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page := pages[len(pages)/2]
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xA5, 0x17}, 24), (page-1)*pageSize); err != nil {
		t.Fatal(err)
	}
}

func sha(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestCheckSoundAndMissing(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	mustCreate(t, db, sampleCase())
	// Checked while the window has it open, too.
	for _, path := range []string{db.Path(), filepath.Join(t.TempDir(), "none.db")} {
		h, err := Check(ctx, path)
		if err != nil || !h.OK() || len(h.Backups) != 0 {
			t.Errorf("%s: %+v, %v", path, h, err)
		}
	}
	if _, err := Check(ctx, t.TempDir()); err == nil || errors.Is(err, ErrDamaged) {
		t.Errorf("a folder: %v", err)
	}
}

func TestCheckHeaderDamage(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "beiandesk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, sampleCase())
	db.Close()
	f, _ := os.OpenFile(path, os.O_RDWR, 0)
	f.WriteAt(bytes.Repeat([]byte("X"), 100), 0)
	f.Close()
	h, err := Check(ctx, path)
	if !errors.Is(err, ErrDamaged) || h == nil || h.OK() {
		t.Fatalf("%+v, %v", h, err)
	}
	t.Logf("%v", err)
}

// The whole story of a damaged file: quick_check finds it, the newest good
// backup is offered (a newer damaged one and a stray file are passed over),
// the damaged file is set aside untouched, and the restore brings every case,
// the mail and its attachment back.
func TestDamagedFileRestoredFromNewestGoodBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "beiandesk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2026, 11, d, 17, 30, 0, 0, workday.China()) }
	}
	for i := 0; i < 100; i++ {
		mustCreate(t, db, sampleCase())
	}
	db.Now = day(24)
	older, made, err := db.AutoBackup(ctx, "", 0)
	if err != nil || !made {
		t.Fatal(made, err)
	}
	db.Now = time.Now
	mailID, att := fillCaseBook(t, db, 300)
	db.Now = day(25)
	newest, made, err := db.AutoBackup(ctx, "", 0)
	if err != nil || !made {
		t.Fatal(made, err)
	}
	db.Close()

	// A newer backup that is itself damaged, and a stray file.
	bad := filepath.Join(BackupDir(path), "beiandesk-20261126-173000.db")
	copyTestFile(t, newest, bad)
	corruptCasesPage(t, bad)
	os.WriteFile(filepath.Join(BackupDir(path), "zz-notes.db"), []byte("not a database"), 0o600)

	corruptCasesPage(t, path)
	h, err := Check(ctx, path)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("quick_check did not report the damage: %v", err)
	}
	t.Logf("%v", err)
	if h.OK() || len(h.Backups) != 2 || h.Backups[0].Path != newest || h.Backups[1].Path != older {
		t.Fatalf("backups offered: %+v", h.Backups)
	}
	if b := h.Backups[0]; b.Cases != 400 || b.Mails != 1 || b.Files != 1 ||
		!b.Time.Equal(day(25)().Truncate(time.Second)) || b.LastChange.IsZero() {
		t.Errorf("newest backup described as %+v", b)
	}

	damaged := sha(t, path)
	clock = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local) }
	defer func() { clock = time.Now }()
	aside, err := SetAside(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := path + ".damaged-20261127-090000"; aside != want {
		t.Errorf("set aside as %s, want %s", aside, want)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("damaged file still in place: %v", err)
	}
	if err := Restore(ctx, h.Backups[0].Path, path); err != nil {
		t.Fatal(err)
	}
	checkCaseBook(t, path, 400, mailID, att)
	if h, err := Check(ctx, path); err != nil || !h.OK() {
		t.Errorf("restored file: %+v, %v", h, err)
	}

	// The damaged file is kept as it was; a second one in the same second
	// gets its own name instead of replacing it.
	if sha(t, aside) != damaged {
		t.Error("the damaged file was changed")
	}
	copyTestFile(t, bad, path)
	aside2, err := SetAside(path)
	if err != nil {
		t.Fatal(err)
	}
	if aside2 != aside+"-2" || sha(t, aside) != damaged {
		t.Errorf("second set aside: %s", aside2)
	}
	kept, err := KeptFiles(path)
	if err != nil || len(kept) != 2 || kept[0].Path != aside2 || kept[1].Path != aside || kept[0].Reason != KeptDamaged {
		t.Errorf("kept files %+v, %v", kept, err)
	}
	if _, err := SetAside(path); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("set aside of a missing file: %v", err)
	}
}

func copyTestFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
