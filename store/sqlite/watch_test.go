package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/storetest"
)

// Live changes on a file: a second handle (another window, the command
// line) writes, the first one's watcher hears of it.
func TestWatch(t *testing.T) {
	storetest.RunWatch(t, func(t *testing.T, now func() time.Time) store.Book {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "case.db"))
		if err != nil {
			t.Fatal(err)
		}
		db.Now = now
		t.Cleanup(func() { db.Close() })
		return db
	}, func(t *testing.T, first store.Book) store.Book {
		db, err := Open(context.Background(), first.Location())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
