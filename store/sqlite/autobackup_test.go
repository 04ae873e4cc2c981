package sqlite

import (
	"beiandesk/store"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"beiandesk/store/workday"
)

func china(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, workday.China())
}

func TestAutoBackupOncePerChinaDay(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	mustCreate(t, db, sampleCase())
	now := china(2026, 11, 27, 10, 0)
	db.Now = func() time.Time { return now }

	path, made, err := db.AutoBackup(ctx, "", 0)
	if err != nil || !made {
		t.Fatal(made, err)
	}
	if want := filepath.Join(filepath.Dir(db.Path()), "backups", "beiandesk-20261127-100000.db"); path != want {
		t.Errorf("backup at %s, want %s", path, want)
	}
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := b.CountCases(ctx, store.Filter{}); n != 1 {
		t.Errorf("backup has %d cases", n)
	}
	b.Close()
	if day, _ := db.Setting(ctx, store.SettingLastBackup, ""); day != "2026-11-27" {
		t.Errorf("last backup day %q", day)
	}

	// Later the same day: nothing. 23:30 UTC is already the next day in China.
	for _, at := range []time.Time{china(2026, 11, 27, 17, 45), china(2026, 11, 27, 23, 59)} {
		now = at
		if p, made, err := db.AutoBackup(ctx, "", 0); made || err != nil || p != "" {
			t.Errorf("%v: second backup %s %v %v", at, p, made, err)
		}
	}
	now = time.Date(2026, 11, 27, 23, 30, 0, 0, time.UTC)
	path, made, err = db.AutoBackup(ctx, "", 0)
	if err != nil || !made || filepath.Base(path) != "beiandesk-20261128-073000.db" {
		t.Errorf("next China day: %s %v %v", path, made, err)
	}
}

func TestAutoBackupOneForTwoWindows(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	other, err := Open(ctx, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = func() time.Time { return china(2026, 11, 27, 17, 30) }
	db.Now = func() time.Time { return china(2026, 11, 27, 17, 31) }
	dir := t.TempDir()
	var wg sync.WaitGroup
	var mu sync.Mutex
	made := 0
	for _, d := range []*DB{db, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, m, err := d.AutoBackup(ctx, dir, 0)
			if err != nil {
				t.Error(err)
			}
			if m {
				mu.Lock()
				made++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	if made != 1 || len(names) != 1 {
		t.Errorf("%d backups made: %v", made, names)
	}
}

// Old automatic backups go; what is not an automatic backup stays, whatever
// its name looks like.
func TestAutoBackupRetention(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t) // 2026-11-27 10:00 China time
	dir := t.TempDir()
	today := china(2026, 11, 27, 0, 0)
	for d := 1; d <= 60; d++ {
		day := today.AddDate(0, 0, -d).Add(17*time.Hour + 31*time.Minute)
		writeFile(t, filepath.Join(dir, "beiandesk-"+day.Format("20060102-150405")+".db"), "old backup")
	}
	foreign := []string{
		"manual.db", "notes.txt", "beiandesk-20200101-000000.db.part", "beiandesk-20200101-000000.db-wal",
		"beiandesk-2020.db", "Beiandesk-20200101-000000.db", "beiandesk-20200101-000000.db.bak", "x-beiandesk-20200101-000000.db",
	}
	for _, name := range foreign {
		writeFile(t, filepath.Join(dir, name), "keep me")
	}
	// A folder and a link with an automatic backup's name are not ours either.
	if err := os.Mkdir(filepath.Join(dir, "beiandesk-20200102-000000.db"), 0o700); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "precious.db")
	writeFile(t, target, "precious")
	if err := os.Symlink(target, filepath.Join(dir, "beiandesk-20200103-000000.db")); err != nil {
		t.Fatal(err)
	}

	path, made, err := db.AutoBackup(ctx, dir, 30)
	if err != nil || !made {
		t.Fatal(made, err)
	}
	var auto []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Type().IsRegular() && autoBackupName.MatchString(e.Name()) {
			auto = append(auto, e.Name())
		}
	}
	sort.Strings(auto)
	// Kept: 2026-10-28 (30 days back) through yesterday, and today's new one.
	if len(auto) != 31 || auto[0] != "beiandesk-20261028-173100.db" || auto[30] != filepath.Base(path) {
		t.Errorf("kept %d automatic backups: %v", len(auto), auto)
	}
	for _, name := range append(foreign, "beiandesk-20200102-000000.db", "beiandesk-20200103-000000.db") {
		if _, err := os.Lstat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := os.Stat(target); err != nil {
		t.Errorf("link target: %v", err)
	}
}

// A desk that was closed for months keeps a few old copies besides the new one.
func TestAutoBackupKeepsNewestFewWhenIdle(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	dir := t.TempDir()
	for d := 0; d < 10; d++ {
		day := china(2026, 6, 1+d, 17, 0)
		writeFile(t, filepath.Join(dir, "beiandesk-"+day.Format("20060102-150405")+".db"), "old")
	}
	if _, made, err := db.AutoBackup(ctx, dir, 30); err != nil || !made {
		t.Fatal(made, err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "beiandesk-*.db"))
	sort.Strings(names)
	if len(names) != minAutoBackups || filepath.Base(names[0]) != "beiandesk-20260605-170000.db" {
		t.Errorf("kept %v", names)
	}
}

// A backup that cannot be written leaves the day open for the next try.
func TestAutoBackupFailureRetriesSameDay(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	blocked := filepath.Join(t.TempDir(), "file")
	writeFile(t, blocked, "a file where the backup folder should be")
	if p, made, err := db.AutoBackup(ctx, blocked, 0); err == nil || made || p != "" {
		t.Fatalf("backup into a file: %s %v %v", p, made, err)
	}
	if day, _ := db.Setting(ctx, store.SettingLastBackup, ""); day != "" {
		t.Errorf("failed backup recorded day %q", day)
	}
	if err := db.SetSetting(ctx, store.SettingLastBackup, "2026-11-20"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.AutoBackup(ctx, blocked, 0); err == nil {
		t.Fatal("no error")
	}
	if day, _ := db.Setting(ctx, store.SettingLastBackup, ""); day != "2026-11-20" {
		t.Errorf("failed backup changed the day to %q", day)
	}
	if _, made, err := db.AutoBackup(ctx, t.TempDir(), 0); err != nil || !made {
		t.Errorf("retry: %v %v", made, err)
	}
}

// A damaged database yields no automatic backup, and the old ones stay.
func TestAutoBackupOfDamagedDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "beiandesk.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	fillCaseBook(t, db, 300)
	db.Close()
	dir := BackupDir(path)
	old := filepath.Join(dir, "beiandesk-20260101-170000.db")
	os.MkdirAll(dir, 0o700)
	writeFile(t, old, "an old backup")
	corruptCasesPage(t, path)
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, made, err := db.AutoBackup(ctx, "", 1)
	if !errors.Is(err, ErrDamaged) || made {
		t.Fatalf("backup of a damaged database: %s %v %v", p, made, err)
	}
	t.Log(err)
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(names) != 1 || names[0] != old {
		t.Errorf("backups folder now holds %v", names)
	}
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
