package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"beiandesk/store/workday"
)

// DefaultBackupKeepDays is how many days of automatic backups AutoBackup
// keeps when not told otherwise.
const DefaultBackupKeepDays = 30

// minAutoBackups of the newest automatic backups survive pruning whatever
// their age, so that a desk that was closed for a month still has more than
// the one copy it made on the first day back.
const minAutoBackups = 7

const autoBackupLayout = "20060102-150405"

// autoBackupName matches the names AutoBackup gives its files, and nothing
// else: pruning deletes only files that match it.
var autoBackupName = regexp.MustCompile(`^beiandesk-([0-9]{8}-[0-9]{6})(?:-[0-9]+)?\.db$`)

// BackupDir is the folder for the automatic backups of the database at
// dbPath: "backups" beside it (%AppData%\beiandesk\backups on Windows,
// ~/.config/beiandesk/backups on Linux).
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// autoBackupTime reads the China time out of an automatic backup's name.
func autoBackupTime(name string) (time.Time, bool) {
	m := autoBackupName.FindStringSubmatch(name)
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(autoBackupLayout, m[1], workday.China())
	return t, err == nil
}

// AutoBackup makes the day's automatic backup: at most one a day (the China
// time day of the last one is the setting SettingLastBackup), written with
// Backup to dir/beiandesk-YYYYMMDD-HHMMSS.db and checked with CheckBackup.
// dir "" means BackupDir(db.Path()); keepDays <= 0 means
// DefaultBackupKeepDays.
//
// After a good backup it deletes the automatic backups in dir older than
// keepDays days, except the newest few; it never deletes any other file.
// A failed or damaged backup changes nothing (the damaged copy is removed,
// and the error matches ErrDamaged), so the day's backup is tried again on
// the next call.
//
// made reports whether a backup was written. err may be set with made true
// when only the pruning failed.
//
// The window calls it when it closes, after its last write and before Close;
// it takes as long as Backup. Two windows on one database make one backup.
func (db *DB) AutoBackup(ctx context.Context, dir string, keepDays int) (path string, made bool, err error) {
	if dir == "" {
		dir = BackupDir(db.path)
	}
	if keepDays <= 0 {
		keepDays = DefaultBackupKeepDays
	}
	now := db.Now().In(workday.China())
	today := now.Format("2006-01-02")
	prev, claimed, err := db.claimBackupDay(ctx, today)
	if err != nil {
		return "", false, fmt.Errorf("auto backup: %w", err)
	}
	if !claimed {
		return "", false, nil
	}
	path, err = db.writeAutoBackup(ctx, dir, now)
	if err != nil {
		// Give the day back so the next close tries again; the caller's
		// context may be what failed, so do not depend on it.
		if rerr := db.releaseBackupDay(context.WithoutCancel(ctx), today, prev); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return "", false, fmt.Errorf("auto backup: %w", err)
	}
	if err := pruneAutoBackups(dir, now, keepDays); err != nil {
		return path, true, fmt.Errorf("auto backup: prune %s: %w", dir, err)
	}
	return path, true, nil
}

// claimBackupDay records today as the day of the last backup unless it
// already is, in one write transaction, so that two processes closing at
// once do not both back up.
func (db *DB) claimBackupDay(ctx context.Context, today string) (prev string, claimed bool, err error) {
	err = db.withTx(ctx, func(tx *sql.Tx) error {
		v, err := getSetting(ctx, tx, store.SettingLastBackup, "")
		if err != nil {
			return err
		}
		prev = v
		if v == today {
			return nil
		}
		claimed = true
		_, err = tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, store.SettingLastBackup, today)
		return err
	})
	return prev, claimed, err
}

// releaseBackupDay undoes claimBackupDay if nobody changed the setting since.
func (db *DB) releaseBackupDay(ctx context.Context, today, prev string) error {
	return db.withTx(ctx, func(tx *sql.Tx) error {
		v, err := getSetting(ctx, tx, store.SettingLastBackup, "")
		if err != nil || v != today {
			return err
		}
		if prev == "" {
			_, err = tx.ExecContext(ctx, `DELETE FROM setting WHERE key = ?`, store.SettingLastBackup)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE setting SET value = ? WHERE key = ?`, prev, store.SettingLastBackup)
		}
		return err
	})
}

func (db *DB) writeAutoBackup(ctx context.Context, dir string, now time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	base := "beiandesk-" + now.Format(autoBackupLayout)
	path := filepath.Join(dir, base+".db")
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			break
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.db", base, i))
	}
	if err := db.Backup(ctx, path); err != nil {
		if isDamage(err) {
			return "", &DamageError{Path: db.path, Problems: []string{err.Error()}}
		}
		return "", err
	}
	// VACUUM INTO rebuilds every b-tree, so a damaged source usually fails
	// above; checking the copy catches the rest before it can push a good
	// backup out of the retention window.
	if err := CheckBackup(ctx, path); err != nil {
		os.Remove(path)
		return "", &DamageError{Path: db.path, Problems: []string{fmt.Sprintf(msgAutoBackupBad, err)}}
	}
	return path, nil
}

// pruneAutoBackups deletes the automatic backups in dir taken more than
// keepDays calendar days before now (China time), keeping the newest
// minAutoBackups regardless. Only regular files whose names AutoBackup
// makes are candidates.
func pruneAutoBackups(dir string, now time.Time, keepDays int) error {
	if keepDays <= 0 {
		return errors.New(msgAutoBackupKeep)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	type backup struct {
		name string
		t    time.Time
	}
	var list []backup
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if t, ok := autoBackupTime(e.Name()); ok {
			list = append(list, backup{e.Name(), t})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].t.Equal(list[j].t) {
			return list[i].t.After(list[j].t)
		}
		return list[i].name > list[j].name
	})
	y, m, d := now.In(workday.China()).Date()
	cutoff := time.Date(y, m, d-keepDays, 0, 0, 0, 0, workday.China())
	var errs []error
	for i, b := range list {
		if i < minAutoBackups || !b.t.Before(cutoff) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, b.name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
