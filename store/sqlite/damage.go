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
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrDamaged is matched (errors.Is) by the error of Check and AutoBackup
// when SQLite reports the database file as damaged.
var ErrDamaged = errors.New(msgDamaged)

// DamageError says what PRAGMA quick_check (or the attempt to read the file)
// found wrong. It unwraps to ErrDamaged.
type DamageError struct {
	Path     string
	Problems []string
}

func (e *DamageError) Error() string {
	return fmt.Sprintf(msgDamagedDetail, msgDamaged, strings.Join(e.Problems, "; "))
}

func (e *DamageError) Unwrap() error { return ErrDamaged }

// Health is the result of Check.
type Health struct {
	Path string
	// Problems holds what quick_check reported; it is empty when the file is
	// sound (or does not exist yet).
	Problems []string
	// Backups are the good backups found in BackupDir(Path), newest first,
	// each accepted by CheckBackup. Check fills it only for a damaged file,
	// and stops after checkBackupLimit good ones.
	Backups []BackupInfo
}

// OK reports whether the file was found sound.
func (h *Health) OK() bool { return len(h.Problems) == 0 }

// checkBackupLimit bounds the work Check does for a damaged file: each
// backup costs a full read of it, and the window offers the newest one.
const checkBackupLimit = 3

// Check runs PRAGMA quick_check on the database file at path before anything
// opens it for writing. A missing file is sound (Open creates it). A damaged
// one gives a Health listing the good backups and an error matching
// ErrDamaged; other errors (permissions, I/O) are returned as they are.
//
// The window calls it at start. On ErrDamaged it can offer to restore
// h.Backups[0]: SetAside(path), then Restore(ctx, h.Backups[0].Path, path).
// quick_check reads the whole file, so it takes about as long as reading the
// file from disk.
func Check(ctx context.Context, path string) (*Health, error) {
	h := &Health{Path: path}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return h, nil
	}
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf(msgNotAFile, path)
	}
	problems, err := quickCheckFile(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	if len(problems) == 0 {
		return h, nil
	}
	h.Problems = problems
	backups, err := GoodBackups(ctx, BackupDir(path), checkBackupLimit)
	if err != nil {
		return h, errors.Join(&DamageError{Path: path, Problems: problems}, err)
	}
	h.Backups = backups
	return h, &DamageError{Path: path, Problems: problems}
}

// quickCheckFile returns quick_check's complaints about the file at path.
// It opens the file read-only, so that neither recovery nor the checkpoint
// SQLite runs on close writes into a file that may be damaged.
func quickCheckFile(ctx context.Context, path string) ([]string, error) {
	sqldb, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return nil, err
	}
	defer sqldb.Close()
	rows, err := sqldb.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return damageOrErr(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return damageOrErr(err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return damageOrErr(err)
	}
	return problems, nil
}

func readOnlyDSN(path string) string {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(10000)")
	return fileURI(path, q)
}

// damageOrErr turns SQLite's "malformed" and "not a database" errors into a
// problem report and passes every other error on.
func damageOrErr(err error) ([]string, error) {
	if isDamage(err) {
		return []string{err.Error()}, nil
	}
	return nil, err
}

func isDamage(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// BackupInfo describes a backup that CheckBackup accepts.
type BackupInfo struct {
	Path string
	// Time is when the backup was taken: from the name of an automatic
	// backup, else the file's modification time.
	Time time.Time
	Size int64
	// Counts let the clerk judge what a restore would bring back.
	Cases, Mails, Files int
	// LastChange is the newest entry of the case history, zero when empty.
	LastChange    time.Time
	SchemaVersion int
}

// InspectBackup checks the file at path with CheckBackup and describes it.
func InspectBackup(ctx context.Context, path string) (*BackupInfo, error) {
	if err := CheckBackup(ctx, path); err != nil {
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w", path, err)
	}
	bi := &BackupInfo{Path: path, Size: st.Size(), Time: st.ModTime()}
	if t, ok := autoBackupTime(filepath.Base(path)); ok {
		bi.Time = t
	}
	sqldb, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w", path, err)
	}
	defer sqldb.Close()
	var last sql.NullString
	err = sqldb.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM mail),
		(SELECT count(*) FROM mail_attachment) + (SELECT count(*) FROM case_file),
		(SELECT max(recorded_at) FROM event)`).Scan(&bi.Cases, &bi.Mails, &bi.Files, &last)
	if err == nil {
		err = sqldb.QueryRowContext(ctx, "PRAGMA user_version").Scan(&bi.SchemaVersion)
	}
	if err != nil {
		return nil, fmt.Errorf("inspect %s: %w", path, err)
	}
	if last.Valid {
		bi.LastChange, _ = time.Parse(time.RFC3339, last.String)
	}
	return bi, nil
}

// GoodBackups lists the backups in dir that CheckBackup accepts, newest
// first. Every *.db file there counts, automatic or saved by a clerk; files
// that fail the check are left out. A positive limit stops the search after
// that many good ones. A missing dir has none.
func GoodBackups(ctx context.Context, dir string, limit int) ([]BackupInfo, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	type candidate struct {
		path string
		t    time.Time
	}
	var cands []candidate
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(e.Name()), ".db") {
			continue
		}
		c := candidate{path: filepath.Join(dir, e.Name())}
		if t, ok := autoBackupTime(e.Name()); ok {
			c.t = t
		} else if info, err := e.Info(); err == nil {
			c.t = info.ModTime()
		} else {
			continue
		}
		cands = append(cands, c)
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if !cands[i].t.Equal(cands[j].t) {
			return cands[i].t.After(cands[j].t)
		}
		return cands[i].path > cands[j].path
	})
	var good []BackupInfo
	for _, c := range cands {
		if err := ctx.Err(); err != nil {
			return good, err
		}
		bi, err := InspectBackup(ctx, c.path)
		if err != nil {
			continue
		}
		good = append(good, *bi)
		if limit > 0 && len(good) == limit {
			break
		}
	}
	return good, nil
}

// SetAside moves a damaged database file, with its -wal and -shm files, to
// path+".damaged-YYYYMMDD-HHMMSS" (a numbered suffix is added rather than
// replace an existing file) and returns the new name. The database must be
// closed. The file is kept for whoever wants to salvage it; nothing here
// deletes it.
func SetAside(path string) (string, error) {
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf(msgSetAsideMissing, path)
	} else if err != nil {
		return "", fmt.Errorf("set aside %s: %w", path, err)
	}
	aside, err := moveAside(path, ".damaged-", clock())
	if err != nil {
		return "", fmt.Errorf("set aside %s: %w", path, err)
	}
	return aside, nil
}

// clock is the time SetAside names files after; local time like Restore's
// ".before-restore-" names (the desk's machines run on China time).
var clock = time.Now

// moveAside renames path and its -wal and -shm files to the first free name
// of path+tag+time (then -2, -3, …), all three names checked, and moves
// them back if one of the renames fails.
func moveAside(path, tag string, now time.Time) (string, error) {
	base := path + tag + now.Format("20060102-150405")
	aside := base
	for i := 2; ; i++ {
		free := true
		for _, sfx := range []string{"", "-wal", "-shm"} {
			if _, err := os.Lstat(aside + sfx); !errors.Is(err, fs.ErrNotExist) {
				free = false
				break
			}
		}
		if free {
			break
		}
		aside = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, aside); err != nil {
		return "", err
	}
	var moved []string
	for _, sfx := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + sfx); err != nil {
			continue
		}
		if err := os.Rename(path+sfx, aside+sfx); err != nil {
			for _, m := range moved {
				_ = os.Rename(aside+m, path+m)
			}
			_ = os.Rename(aside, path)
			return "", err
		}
		moved = append(moved, sfx)
	}
	syncDir(filepath.Dir(path))
	return aside, nil
}

// syncDir makes renames in dir durable where the system allows it (Windows
// cannot open a folder for syncing; there the rename is already durable
// enough for NTFS).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
