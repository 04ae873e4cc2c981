package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"beiandesk/store/safefile"
	"beiandesk/store/workday"
)

// CheckBackup opens the file at path read-only and reports whether it is a
// sound case book this program can open: SQLite's quick_check passes, it
// has the case table, and its schema is not newer than this program's.
func CheckBackup(ctx context.Context, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf(msgBackupUnreadable, path, causeZh(err))
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf(msgBackupNotFile, path)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	sqldb, err := sql.Open("sqlite", fileURI(path, q))
	if err != nil {
		return fmt.Errorf(msgBackupUnreadable, path, causeZh(err))
	}
	defer sqldb.Close()
	db := &DB{db: sqldb, path: path, Now: time.Now}
	if err := db.QuickCheck(ctx); err != nil {
		return fmt.Errorf(msgBackupDamaged, path, causeZh(err))
	}
	var version, tables int
	if err := sqldb.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf(msgBackupDamaged, path, causeZh(err))
	}
	if err := sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cases'`).Scan(&tables); err != nil {
		return fmt.Errorf(msgBackupDamaged, path, causeZh(err))
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	if version < 1 || tables == 0 {
		return fmt.Errorf(msgBackupNotCaseBook, path)
	}
	if version > len(names) {
		return fmt.Errorf(msgBackupTooNew, path, version, len(names))
	}
	return nil
}

// Restore replaces the database file at dbPath with a copy of the backup at
// backupPath, after checking the backup with CheckBackup. The database must
// be closed by every connection of this process first. The current file is
// never overwritten: it is kept beside it as dbPath+".before-restore-<time>"
// (with its -wal file, if any), and moved back if the restore fails.
func Restore(ctx context.Context, backupPath, dbPath string) error {
	src, err := filepath.Abs(backupPath)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dbPath)
	if err != nil {
		return err
	}
	if src == dst {
		return fmt.Errorf(msgRestoreSame, backupPath)
	}
	if err := CheckBackup(ctx, src); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	// The copy is made by SQLite from the backup opened read-only, not by
	// copying its bytes: commits that are still only in the backup's -wal
	// are what the preview counted, so they must come along.
	part := safefile.TempName(dst)
	if err := vacuumInto(ctx, src, part); err != nil {
		os.Remove(part)
		os.Remove(part + "-journal")
		return fmt.Errorf("restore: %w", err)
	}
	kept, err := keepAside(dst, time.Now())
	if err != nil {
		os.Remove(part)
		return fmt.Errorf("restore: %w", err)
	}
	if err := os.Rename(part, dst); err != nil {
		os.Remove(part)
		if kept != "" {
			_ = moveBack(kept, dst)
		}
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

// RestoreKeptName is the name Restore gives the replaced database file when
// it restores at the time t; a numbered suffix is added if that name exists.
// The time is China time, like the automatic backups' names, whatever zone
// the process runs in.
func RestoreKeptName(dbPath string, t time.Time) string {
	return dbPath + ".before-restore-" + t.In(workday.China()).Format("20060102-150405")
}

// keepAside renames path (and its -wal and -shm files) to a free
// ".before-restore-<time>" name and returns that name, or "" when there was
// no file at path.
func keepAside(path string, now time.Time) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	base := RestoreKeptName(path, now)
	kept := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(kept); errors.Is(err, fs.ErrNotExist) {
			break
		}
		kept = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, kept); err != nil {
		return "", err
	}
	for _, sfx := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + sfx); err == nil {
			if err := os.Rename(path+sfx, kept+sfx); err != nil {
				_ = moveBack(kept, path)
				return "", err
			}
		}
	}
	return kept, nil
}

func moveBack(kept, path string) error {
	for _, sfx := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(kept + sfx); err == nil {
			_ = os.Rename(kept+sfx, path+sfx)
		}
	}
	return os.Rename(kept, path)
}

// vacuumInto writes a compact copy of the database at src, read through
// its -wal, to the new file dst, and syncs it.
func vacuumInto(ctx context.Context, src, dst string) error {
	sqldb, err := sql.Open("sqlite", readOnlyDSN(src))
	if err != nil {
		return err
	}
	defer sqldb.Close()
	if _, err := sqldb.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Chinese messages of Restore and CheckBackup (kept here rather than in zh.go
// so that this file stands alone).
const (
	msgBackupUnreadable  = "无法读取备份文件 %s:%v"
	msgBackupNotFile     = "%s 不是文件"
	msgBackupDamaged     = "备份文件 %s 已损坏:%v"
	msgBackupNotCaseBook = "%s 不是备案受理台的数据库备份"
	msgBackupTooNew      = "备份文件 %s 的数据库版本(%d)比本程序(%d)新,请先升级备案受理台"
	msgRestoreSame       = "不能用正在使用的数据库文件 %s 恢复自身"
)
