package postgres

import (
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
