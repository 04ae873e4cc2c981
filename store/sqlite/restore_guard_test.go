package sqlite

import (
	"beiandesk/store"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestEnsureClosed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "beiandesk.db")
	if err := EnsureClosed(ctx, path); err != nil {
		t.Fatalf("missing file: %v", err)
	}
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, sampleCase())
	err = EnsureClosed(ctx, path)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("open database: %v", err)
	}
	t.Log(err)
	// Refusing must not have disturbed the open database.
	mustCreate(t, db, sampleCase())
	db.Close()
	if err := EnsureClosed(ctx, path); err != nil {
		t.Fatal(err)
	}
	for _, sfx := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + sfx); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left behind: %v", sfx, err)
		}
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, _ := db.CountCases(ctx, store.Filter{}); n != 2 {
		t.Errorf("%d cases after EnsureClosed", n)
	}
}

// A restore brings back the whole case book, mails and their attachments
// included, and keeps the replaced file with its own data.
func TestRestoreRoundTripWithMail(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := openTemp(t)
	mailID, att := fillCaseBook(t, src, 1)
	backup := filepath.Join(dir, "backup.db")
	if err := src.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	info, err := InspectBackup(ctx, backup)
	if err != nil || info.Cases != 1 || info.Mails != 1 || info.Files != 1 || info.SchemaVersion < 1 {
		t.Fatalf("inspect: %+v, %v", info, err)
	}

	dbPath := filepath.Join(dir, "data", "beiandesk.db")
	cur, err := Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		mustCreate(t, cur, sampleCase())
	}
	cur.Close()
	if err := EnsureClosed(ctx, dbPath); err != nil {
		t.Fatal(err)
	}
	if err := Restore(ctx, backup, dbPath); err != nil {
		t.Fatal(err)
	}
	checkCaseBook(t, dbPath, 1, mailID, att)

	kept, err := KeptFiles(dbPath)
	if err != nil || len(kept) != 1 || kept[0].Reason != KeptBeforeRestore || time.Since(kept[0].Time) > time.Minute {
		t.Fatalf("kept %+v, %v", kept, err)
	}
	old, err := Open(ctx, kept[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n, _ := old.CountCases(ctx, store.Filter{}); n != 2 {
		t.Errorf("kept file has %d cases, want 2", n)
	}
}

func TestRestoreRefusesDamagedBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := openTemp(t)
	fillCaseBook(t, src, 300)
	backup := filepath.Join(dir, "backup.db")
	if err := src.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	corruptCasesPage(t, backup)
	if _, err := InspectBackup(ctx, backup); err == nil {
		t.Fatal("inspect accepted a damaged backup")
	}

	dbPath := filepath.Join(dir, "beiandesk.db")
	cur, err := Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, cur, sampleCase())
	cur.Close()
	before := sha(t, dbPath)
	err = Restore(ctx, backup, dbPath)
	if err == nil {
		t.Fatal("restored from a damaged backup")
	}
	t.Log(err)
	if sha(t, dbPath) != before {
		t.Error("current database changed")
	}
	if kept, _ := KeptFiles(dbPath); len(kept) != 0 {
		t.Errorf("kept %v", kept)
	}
}

func TestKeptFilesOrder(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "beiandesk.db")
	for _, name := range []string{
		"beiandesk.db", "beiandesk.db.before-restore-20261126-090000", "beiandesk.db.before-restore-20261126-090000-wal",
		"beiandesk.db.damaged-20261127-080000", "beiandesk.db.damaged-20261127-080000-2", "beiandesk.db.damaged-20261127-080000-10",
		"other.db.damaged-20261127-080000", "beiandesk.db.damaged-junk",
	} {
		writeFile(t, filepath.Join(dir, name), "x")
	}
	kept, err := KeptFiles(db)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range kept {
		got = append(got, filepath.Base(k.Path))
	}
	want := []string{"beiandesk.db.damaged-20261127-080000-10", "beiandesk.db.damaged-20261127-080000-2",
		"beiandesk.db.damaged-20261127-080000", "beiandesk.db.before-restore-20261126-090000"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}
