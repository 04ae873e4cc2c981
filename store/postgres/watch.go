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
	for {
		// Any failure of the listening connection is treated alike: wait,
		// listen again, and let the screens reload.
		_ = db.listen(ctx, changed)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Second):
		}
		changed()
	}
}

// watchFold is how long Watch waits for more notifications before it calls.
const watchFold = 100 * time.Millisecond

func (db *DB) listen(ctx context.Context, changed func()) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	// A listening connection must not go back to the pool.
	pc := conn.Hijack()
	defer pc.Close(context.WithoutCancel(ctx))
	if _, err := pc.Exec(ctx, `LISTEN beiandesk_changes`); err != nil {
		return err
	}
	for {
		if _, err := pc.WaitForNotification(ctx); err != nil {
			return err
		}
		// Drain what arrives shortly after, then call once.
		for {
			wctx, cancel := context.WithTimeout(ctx, watchFold)
			_, err := pc.WaitForNotification(wctx)
			cancel()
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if wctx.Err() == nil {
					return err
				}
				break
			}
		}
		changed()
	}
}
