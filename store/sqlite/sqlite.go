// Package sqlite keeps the case book in one SQLite file: cases, their
// history, mails with their attachments, settings and the holiday calendar.
// It implements store.Book. The operations on the file itself (backup to a
// file, restore, damage check, automatic backup, setting a damaged file
// aside, the default location) are this package's own: a book on a server
// has none of them, except Backup (store.Backuper).
package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"beiandesk/store/safefile"
	"beiandesk/store/workday"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DB is an open case book.
type DB struct {
	db   *sql.DB
	path string

	// lookup is the dedup lookup, prepared once: a sync asks it for every
	// mail before parsing it, and preparing cost more than the query.
	lookupOnce sync.Once
	lookup     *sql.Stmt
	lookupErr  error

	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open: empty database path")
	}
	// Path() and the backups folder beside it must not move with the
	// working directory.
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	path = abs
	if err := checkLocal(path); err != nil {
		return nil, err
	}
	// Temporary files of a killed export, backup or restore go at the next
	// start (only this program's own, see safefile.CleanStale).
	_, _ = safefile.CleanStale(filepath.Dir(path))
	_, _ = safefile.CleanStale(BackupDir(path))
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		if err := create(ctx, path); err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db := &DB{db: sqldb, path: path, Now: time.Now}
	if err := db.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// dsn sets the pragmas on every pooled connection (db.Exec would reach only
// one) and makes every transaction take the write lock up front, so that
// read-then-write transactions from two processes wait instead of failing
// with SQLITE_BUSY.
func dsn(path string) string {
	q := url.Values{}
	// cache_size: 4 MiB per connection (the default is 2 MiB), so that lists
	// and searches keep their speed with 16 KiB pages (see pageSize). 16 MiB
	// made no list faster and a sync slower by a fifth.
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)", "cache_size(-4096)"} {
		q.Add("_pragma", p)
	}
	q.Set("_time_format", "sqlite")
	q.Set("_txlock", "immediate")
	return fileURI(path, q)
}

// fileURI is the SQLite URI of the file at path with the query q. The path
// is made absolute first: in a URI a relative path would be read as the
// authority ("file://case.db").
func fileURI(path string, q url.Values) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	u := url.URL{Scheme: "file", Path: path}
	return u.String() + "?" + q.Encode()
}

// Path returns the database file name.
func (db *DB) Path() string { return db.path }

// Close closes the database.
func (db *DB) Close() error { return db.db.Close() }

// Location is the database file name (store.Book).
func (db *DB) Location() string { return db.path }

var (
	_ store.Book           = (*DB)(nil)
	_ store.Backuper       = (*DB)(nil)
	_ store.BackupReplacer = (*DB)(nil)
)

func (db *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var version int
	if err := db.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(names) {
		return fmt.Errorf("数据库版本(%d)比本程序(%d)新,请升级备案受理台", version, len(names))
	}
	if version == len(names) {
		return nil
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	// Re-read inside the write lock: another process may have migrated meanwhile.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	for i := version; i < len(names); i++ {
		buf, err := migrationFS.ReadFile(names[i])
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
			return fmt.Errorf("migration %s: %w", names[i], err)
		}
	}
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(len(names))); err != nil {
		return fmt.Errorf("set schema version: %w", err)
	}
	return tx.Commit()
}

// withTx runs fn in a write transaction.
func (db *DB) withTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// QuickCheck runs PRAGMA quick_check and returns an error describing the
// damage when the file is not sound.
func (db *DB) QuickCheck(ctx context.Context) error {
	rows, err := db.db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return fmt.Errorf("quick_check: %w", err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("quick_check: %w", err)
		}
		if s != "ok" {
			msgs = append(msgs, s)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quick_check: %w", err)
	}
	if len(msgs) > 0 {
		return &DamageError{Path: db.path, Problems: msgs}
	}
	return nil
}

func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// chinaTime formats t in the desk's zone, so that stored times compare
// correctly as text whatever offset the clerk typed.
func chinaTime(t time.Time) string { return t.In(workday.China()).Format(time.RFC3339) }
