package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
