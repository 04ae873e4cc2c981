package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"beiandesk/store/safefile"
)

// Backup writes a consistent copy of the database to path while other
// connections may keep writing. It refuses to overwrite an existing file
// (and any database file, the open one's -wal and -shm included) and never
// leaves a partial file at path.
func (db *DB) Backup(ctx context.Context, path string) error {
	return db.BackupTo(ctx, path, false)
}

// BackupTo is Backup; with replace an existing file that is not a database
// is replaced once the copy is complete (the window asks the clerk first).
func (db *DB) BackupTo(ctx context.Context, path string, replace bool) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	if !replace {
		if _, err := os.Stat(abs); err == nil {
			if cerr := safefile.CheckTarget(abs, db.path); cerr != nil {
				return fieldErr("out", cerr)
			}
			return fieldErrf("out", msgBackupExists, path)
		}
	}
	if st, err := os.Stat(filepath.Dir(abs)); err != nil || !st.IsDir() {
		return fieldErrf("out", msgBackupNoDir, filepath.Dir(abs))
	}
	// VACUUM INTO reads one snapshot of the WAL database, so concurrent
	// writers neither block it nor tear it.
	err = safefile.Write(ctx, abs, safefile.Options{Replace: replace, Protect: []string{db.path}, Perm: 0o600},
		func(tmp string) error {
			_, err := db.db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
			return err
		})
	var se *safefile.Error
	if errors.As(err, &se) {
		return fieldErr("out", err)
	}
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return nil
}
