package postgres

import (
	"context"
	"strings"
	"testing"

	"beiandesk/store"
)

// The server restarts while a workstation has the book open: the next
// operations carry on over new connections, nothing is lost or doubled, and
// a failure on the way (if the pool handed out a dead connection) is the
// Chinese message about the lost connection, never half a write.
func TestServerRestart(t *testing.T) {
	ctx := context.Background()
	c, url := migratedURL(t)
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.CreateCase(ctx, sampleNew(0), "x"); err != nil {
		t.Fatal(err)
	}
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	made := 1
	for i := 0; i < 5; i++ {
		_, err := db.CreateCase(ctx, sampleNew(0), "x")
		switch {
		case err == nil:
			made++
		case strings.Contains(err.Error(), "连接中断"):
		default:
			t.Fatalf("after restart: %v", err)
		}
	}
	if made < 5 {
		t.Fatalf("only %d of 6 registrations went through after the restart", made)
	}
	n, err := db.CountCases(ctx, store.Filter{})
	if err != nil || n != made {
		t.Fatalf("%d cases stored, %d registered, %v", n, made, err)
	}
	var events int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM event`).Scan(&events); err != nil || events != made {
		t.Fatalf("%d events for %d cases, %v", events, made, err)
	}
}
