package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"time"

	"beiandesk/store/safefile"
)

// create makes a new book at path whole or not at all: the schema is
// written into a temporary file beside it, which then takes the name only
// if nothing else has. A process killed while creating a book therefore
// leaves no empty or half-made file under the clerk's name (CheckFile
// refuses an empty file named explicitly), only a temporary file that the
// next start cleans up (safefile.CleanStale).
func create(ctx context.Context, path string) error {
	tmp := safefile.TempName(path)
	if err := setPageSize(ctx, tmp); err != nil {
		safefile.RemoveWithCompanions(tmp)
		return fmt.Errorf("create %s: %w", path, err)
	}
	sqldb, err := sql.Open("sqlite", dsn(tmp))
	if err != nil {
		return err
	}
	db := &DB{db: sqldb, path: tmp, Now: time.Now}
	err = db.migrate(ctx)
	// Closing the last connection checkpoints the WAL into the file and
	// removes it, so the file alone holds the schema.
	if cerr := sqldb.Close(); err == nil {
		err = cerr
	}
	defer safefile.RemoveWithCompanions(tmp)
	if err != nil {
		return err
	}
	if f, err := os.Open(tmp); err == nil {
		_ = f.Sync()
		f.Close()
	}
	// A link fails if path exists: another process made the book first,
	// and that one is opened instead. Where links are not supported (FAT,
	// some shares), a rename does.
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, fs.ErrExist) {
		if rerr := os.Rename(tmp, path); rerr != nil {
			return fmt.Errorf("create %s: %w", path, rerr)
		}
	}
	return nil
}

// pageSize is the page size of a new book. A sync writes every mail, raw
// and its attachments, through the WAL and then into the book, and SQLite's
// work is per page: with 16 KiB pages a sync of 2,000 mails spent a third
// less time committing than with the default 4 KiB (issue 11). The larger
// pages need the larger page cache of dsn to keep lists and searches as
// fast. A book made earlier keeps its 4 KiB pages: in WAL mode only a
// VACUUM outside WAL could change them.
const pageSize = 16384

// setPageSize gives the empty file at path its page size. It must come
// before WAL mode, which fixes the page size once set, so it cannot be one
// of dsn's pragmas (modernc.org/sqlite may apply those in any order).
func setPageSize(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", fileURI(path, nil))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, "PRAGMA page_size = "+strconv.Itoa(pageSize)); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "PRAGMA journal_mode = WAL")
	return err
}
