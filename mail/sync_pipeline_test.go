package mail

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// TestStoreAllCommitsWhileWaiting: when the next message is slow to come
// (a slow server, a busy parser), the mails stored so far are committed
// instead of holding the write lock that the other clerks' desks need.
func TestStoreAllCommitsWhileWaiting(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "beiandesk.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	other, err := sqlite.Open(ctx, path) // another clerk's desk
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	y := &syncer{db: db, cfg: Config{User: "u", Host: "h", Mailbox: "INBOX"}, progress: func(int, int) {}, stats: &Stats{}}
	batch := &fetchedBatch{}
	job := func(n int, last bool) *prepJob {
		sp, err := spoolMessage(ctx, bytes.NewReader(testMessage(n)))
		if err != nil {
			t.Fatal(err)
		}
		j := &prepJob{m: listed{uid: imap.UID(100 + n)}, batch: batch, first: n == 1, last: last, sp: sp, done: make(chan struct{})}
		if j.p, j.err = prepare(ctx, db, sp); j.err != nil {
			t.Fatal(j.err)
		}
		close(j.done)
		return j
	}
	queue := make(chan *prepJob)
	result := make(chan error, 1)
	go func() { result <- y.storeAll(ctx, store.Checkpoint{UIDValidity: 1}, 4, queue) }()
	queue <- job(1, false)
	queue <- job(2, false)

	// The third message is late: the first two must become visible, and
	// the other desk able to write, long before it comes.
	const late = 5 * time.Second
	start := time.Now()
	for {
		n, err := other.CountMails(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if n == 2 {
			break
		}
		if time.Since(start) > late {
			t.Fatalf("after %v the first mails are still uncommitted (%d visible)", late, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := other.SetCheckpoint(ctx, "other@h", "INBOX", store.Checkpoint{UIDValidity: 7}); err != nil {
		t.Fatalf("the other desk could not write while the sync waited: %v", err)
	}
	// The late ones are stored when they come.
	queue <- job(3, false)
	queue <- job(4, true)
	close(queue)
	if err := <-result; err != nil {
		t.Fatal(err)
	}
	if n, _ := other.CountMails(ctx, ""); n != 4 || y.stats.New != 4 {
		t.Errorf("stored %d, stats %+v", n, y.stats)
	}
	cp, ok, err := other.Checkpoint(ctx, y.cfg.Account(), "INBOX")
	if err != nil || !ok || cp.LastUID != 104 {
		t.Errorf("checkpoint %+v %v %v", cp, ok, err)
	}
}
