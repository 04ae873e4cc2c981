//go:build linux

package mail

import (
	"context"
	"slices"
	"strings"
	"testing"

	"beiandesk/store"
	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
)

// startPostgres starts a private PostgreSQL cluster for this test or
// benchmark alone (this package's TestMain is not pgtest's).
func startPostgres(t testing.TB) *pgtest.Cluster {
	t.Helper()
	c, err := pgtest.Start()
	if err != nil {
		if pgtest.Required() {
			t.Fatalf("PostgreSQL: %v", err)
		}
		t.Skipf("PostgreSQL not available: %v", err)
	}
	t.Cleanup(c.Stop)
	return c
}

func openPostgresBook(t testing.TB, c *pgtest.Cluster) store.Book {
	t.Helper()
	db, err := postgres.Open(context.Background(), c.SuperURL(c.NewDatabase(t)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Mail syncs into a book on a server exactly once, as into a file.
func TestSyncIntoPostgres(t *testing.T) {
	ctx := context.Background()
	c := startPostgres(t)
	srv := startMemServer(t, memOptions{})
	admin := srv.admin(t)
	appendMessages(t, admin, "INBOX", nil, testMessage(1), testMessage(2), testMessage(3))
	db := openPostgresBook(t, c)
	st, err := Sync(ctx, db, srv.config(""), nil)
	if err != nil || st.New != 3 {
		t.Fatalf("first sync: %+v %v", st, err)
	}
	appendMessages(t, admin, "INBOX", nil, testMessage(4))
	if st, err = Sync(ctx, db, srv.config(""), nil); err != nil || st.New != 1 || st.Duplicates != 0 {
		t.Fatalf("second sync: %+v %v", st, err)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, 4)) {
		t.Errorf("stored %v", got)
	}
	// The raw bytes come back as they were appended.
	mails, err := db.Mails(ctx, store.MailFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mails {
		r, size, err := db.OpenBlob(ctx, m.RawSHA256)
		if err != nil || size != m.RawSize {
			t.Fatalf("raw of mail %d: %v", m.ID, err)
		}
		r.Close()
	}
}

// BenchmarkSyncPostgres is BenchmarkSync into a book on a local server:
// compare its msg/s with BenchmarkSync's (into SQLite).
func BenchmarkSyncPostgres(b *testing.B) {
	d := benchDovecot(b)
	c := startPostgres(b)
	if _, err := Sync(context.Background(), openPostgresBook(b, c), d.config(), nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := openPostgresBook(b, c)
		b.StartTimer()
		st, err := Sync(context.Background(), db, d.config(), nil)
		if err != nil || st.New != benchMails {
			b.Fatalf("sync: %+v %v", st, err)
		}
	}
	b.ReportMetric(float64(benchMails*b.N)/b.Elapsed().Seconds(), "msg/s")
}

// The database server restarts in the middle of a sync: the sync ends with
// an error the clerk can read, and the next sync stores every mail exactly
// once (the checkpoint only advances with the mail it covers).
func TestSyncPostgresRestartMidway(t *testing.T) {
	ctx := context.Background()
	c := startPostgres(t)
	srv := startMemServer(t, memOptions{})
	admin := srv.admin(t)
	const n = 40
	for i := 1; i <= n; i++ {
		appendMessages(t, admin, "INBOX", nil, testMessage(i))
	}
	db := openPostgresBook(t, c)
	restarted := false
	_, err := Sync(ctx, db, srv.config(""), func(done, total int) {
		if done >= 10 && !restarted {
			restarted = true
			if err := c.Restart(); err != nil {
				t.Error(err)
			}
		}
	})
	if !restarted {
		t.Fatal("the sync never reached the restart")
	}
	if err != nil {
		msg := Describe(err)
		t.Logf("sync across the restart: %s", msg)
		if !strings.Contains(msg, "数据库") && !strings.Contains(msg, "连接") {
			t.Errorf("unclear message %q", msg)
		}
	}
	st, err := Sync(ctx, db, srv.config(""), nil)
	if err != nil {
		t.Fatalf("sync after the restart: %v", err)
	}
	if got := storedMessageIDs(t, db); !slices.Equal(got, wantIDs(1, n)) {
		t.Errorf("after the restart stored %d mails: %v (last sync %+v)", len(got), got, st)
	}
}
