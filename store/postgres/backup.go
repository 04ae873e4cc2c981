package postgres

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"beiandesk/store/bookcopy"
	"beiandesk/store/sqlite"
)

// Backup writes the whole shared book as one portable SQLite file at path,
// which opens with --db path: a consistent snapshot (one repeatable-read
// transaction) copied and verified like "copy". It refuses an existing path
// and never leaves a partial file.
func (db *DB) Backup(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf(msgBackupExists, path)
	}
	if st, err := os.Stat(filepath.Dir(abs)); err != nil || !st.IsDir() {
		return fmt.Errorf(msgBackupNoDir, filepath.Dir(abs))
	}
	tmp := abs + ".part"
	removeTmp := func() {
		for _, s := range []string{"", "-wal", "-shm"} {
			os.Remove(tmp + s)
		}
	}
	removeTmp()
	dst, err := sqlite.Open(ctx, tmp)
	if err != nil {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	_, err = bookcopy.Copy(ctx, db, dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		removeTmp()
		return fmt.Errorf("backup %s: %w", path, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		removeTmp()
		return fmt.Errorf("backup %s: %w", path, err)
	}
	return nil
}
