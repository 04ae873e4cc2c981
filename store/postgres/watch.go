package postgres

import (
	"context"
	"time"
)

// Watch calls changed, from its own goroutine, soon after anyone changes
// the book (a case, its history or materials, a mail, the calendar, a
// setting), until ctx ends. It listens on the channel the tables' triggers
// notify. When the connection drops it reconnects and calls changed once,
// since changes may have been missed meanwhile. Notifications arriving
// close together are folded into one call.
func (db *DB) Watch(ctx context.Context, changed func()) error {
	wait := time.Second
	for reconnect := false; ; reconnect = true {
		// Any failure of the listening connection is treated alike: wait,
		// listen again, and once listening let the screens reload. While
		// the server is down nothing is called, so the screens are not
		// reloaded into errors every second.
		if db.listen(ctx, changed, reconnect) {
			wait = time.Second
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		wait = min(2*wait, 10*time.Second)
	}
}

// watchFold is how long Watch waits for more notifications before it calls.
const watchFold = 100 * time.Millisecond

// listen waits for notifications on a connection of its own until it
// fails or ctx ends; it reports whether it got to listen at all.
func (db *DB) listen(ctx context.Context, changed func(), reconnect bool) bool {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return false
	}
	// A listening connection must not go back to the pool.
	pc := conn.Hijack()
	defer pc.Close(context.WithoutCancel(ctx))
	if _, err := pc.Exec(ctx, `LISTEN beiandesk_changes`); err != nil {
		return false
	}
	if reconnect {
		changed()
	}
	for {
		if _, err := pc.WaitForNotification(ctx); err != nil {
			return true
		}
		// Drain what arrives shortly after, then call once.
		for {
			wctx, cancel := context.WithTimeout(ctx, watchFold)
			_, err := pc.WaitForNotification(wctx)
			cancel()
			if err != nil {
				if ctx.Err() != nil || wctx.Err() == nil {
					return true
				}
				break
			}
		}
		changed()
	}
}
