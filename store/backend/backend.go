// Package backend opens the case book a target names: a postgres:// or
// postgresql:// URL is a book on a PostgreSQL server, anything else the
// path of a SQLite file. The window and the command line open every book
// through Open, so they never name an implementation.
package backend

import (
	"context"
	"path/filepath"
	"strings"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// IsServer reports whether target names a book on a server (a postgres://
// or postgresql:// URL) rather than a file.
func IsServer(target string) bool {
	t := strings.ToLower(strings.TrimSpace(target))
	return strings.HasPrefix(t, "postgres://") || strings.HasPrefix(t, "postgresql://")
}

// Open opens the book target names, creating a SQLite file (and its
// folder) when needed.
func Open(ctx context.Context, target string) (store.Book, error) {
	if IsServer(target) {
		return openServer(ctx, target)
	}
	return sqlite.Open(ctx, target)
}

// openServer opens a book on a PostgreSQL server.
func openServer(ctx context.Context, url string) (store.Book, error) {
	db, err := openServerURL(ctx, url)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// LocalFile is the data folder's own case book file, whatever 设置 → 数据
// chose: the book a clerk falls back to when the server cannot be reached.
func LocalFile() (string, error) {
	dir, err := sqlite.DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "beiandesk.db"), nil
}
