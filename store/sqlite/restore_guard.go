package sqlite

// Safeguards around Restore (restore.go): making sure nobody has the
// database open before its file is replaced, and finding the files that
// Restore and SetAside kept.

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

// ErrInUse is matched (errors.Is) by EnsureClosed's error when another
// connection, in this process or another, has the database open.
var ErrInUse = errors.New("database in use")

// InUseError names the database that is still open somewhere.
type InUseError struct{ Path string }

func (e *InUseError) Error() string { return fmt.Sprintf(msgInUse, e.Path) }
func (e *InUseError) Unwrap() error { return ErrInUse }

// EnsureClosed checks that no connection has the database at dbPath open,
// and folds its write-ahead log into the main file, so that the file can be
// moved or replaced as one piece. Call it right before Restore or SetAside.
// A missing file is fine; so is a damaged one, which is left untouched
// (Restore and SetAside move its -wal and -shm along with it).
//
// In WAL mode every open connection holds a shared lock on the database
// file for as long as it is open, so the exclusive lock asked for here is
// refused exactly while a window, a command or a forgotten *DB has it open.
func EnsureClosed(ctx context.Context, dbPath string) error {
	if _, err := os.Stat(dbPath); errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("ensure closed %s: %w", dbPath, err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(2000)")
	q.Add("_pragma", "locking_mode(EXCLUSIVE)")
	sqldb, err := sql.Open("sqlite", fileURI(dbPath, q))
	if err != nil {
		return fmt.Errorf("ensure closed %s: %w", dbPath, err)
	}
	defer sqldb.Close()
	sqldb.SetMaxOpenConns(1)
	var n int
	err = sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n)
	switch {
	case isBusy(err):
		return &InUseError{Path: dbPath}
	case isDamage(err):
		return nil
	case err != nil:
		return fmt.Errorf("ensure closed %s: %w", dbPath, err)
	}
	var busy, logFrames, checkpointed int
	err = sqldb.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &checkpointed)
	switch {
	case err == nil && busy != 0, isBusy(err):
		return &InUseError{Path: dbPath}
	case err != nil && !isDamage(err):
		return fmt.Errorf("ensure closed %s: %w", dbPath, err)
	}
	// Closing the only connection deletes the emptied -wal and the -shm.
	if err := sqldb.Close(); err != nil {
		return fmt.Errorf("ensure closed %s: %w", dbPath, err)
	}
	return nil
}

func isBusy(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}

// Kept file reasons.
const (
	KeptBeforeRestore = "before-restore" // the file Restore replaced
	KeptDamaged       = "damaged"        // a file SetAside moved away
)

// KeptFile is a database file kept beside dbPath by Restore or SetAside.
type KeptFile struct {
	Path   string
	Reason string    // KeptBeforeRestore or KeptDamaged
	Time   time.Time // when it was kept, from its name (local time)
}

// KeptFiles lists the files kept beside dbPath, newest first. Their -wal
// and -shm companions are not listed; they go with the file.
func KeptFiles(dbPath string) ([]KeptFile, error) {
	dir, base := filepath.Split(dbPath)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("kept files: %w", err)
	}
	var kept []KeptFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasSuffix(name, "-wal") || strings.HasSuffix(name, "-shm") {
			continue
		}
		for _, reason := range []string{KeptBeforeRestore, KeptDamaged} {
			rest, ok := strings.CutPrefix(name, base+"."+reason+"-")
			if !ok || len(rest) < len(autoBackupLayout) {
				continue
			}
			t, err := time.ParseInLocation(autoBackupLayout, rest[:len(autoBackupLayout)], time.Local)
			if err != nil {
				continue
			}
			kept = append(kept, KeptFile{Path: filepath.Join(dir, name), Reason: reason, Time: t})
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.After(b.Time)
		}
		// Same second: "-10" was kept after "-9", which was kept after no suffix.
		if len(a.Path) != len(b.Path) {
			return len(a.Path) > len(b.Path)
		}
		return a.Path > b.Path
	})
	return kept, nil
}
