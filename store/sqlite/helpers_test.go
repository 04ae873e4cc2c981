package sqlite

import (
	"testing"

	"beiandesk/store"
	"beiandesk/store/storetest"
)

func sampleCase() store.NewCase { return storetest.SampleCase() }

func mustCreate(t testing.TB, db store.Book, in store.NewCase) *store.Case {
	t.Helper()
	return storetest.MustCreate(t, db, in)
}
