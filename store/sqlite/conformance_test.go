package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/storetest"
)

// TestConformance runs the store's conformance suite on SQLite files.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Book {
		db, err := Open(context.Background(), filepath.Join(t.TempDir(), "case.db"))
		if err != nil {
			t.Fatal(err)
		}
		db.Now = now
		t.Cleanup(func() { db.Close() })
		return db
	})
}
