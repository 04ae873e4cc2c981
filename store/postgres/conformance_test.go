package postgres

import (
	"context"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/storetest"
)

// The conformance suite every back end passes.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T, now func() time.Time) store.Book {
		db := openTest(t)
		db.Now = now
		return db
	})
}

// Live changes between two workstations on one server.
func TestConformanceWatch(t *testing.T) {
	urls := map[store.Book]string{}
	storetest.RunWatch(t, func(t *testing.T, now func() time.Time) store.Book {
		_, url := migratedURL(t)
		db, err := Open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		db.Now = now
		urls[db] = url
		return db
	}, func(t *testing.T, first store.Book) store.Book {
		db, err := Open(context.Background(), urls[first])
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	})
}
