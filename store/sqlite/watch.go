package sqlite

import (
	"context"
	"time"

	"beiandesk/store"
)

// watchPoll is how often Watch asks SQLite whether the file changed.
const watchPoll = 500 * time.Millisecond

// Watch calls changed, from its own goroutine, soon after the book changes
// (through this process's other connections, or another process, such as a
// second window or the command line), until ctx ends. It polls PRAGMA
// data_version on a connection of its own: a cheap read of a counter that
// moves when any other connection commits.
func (db *DB) Watch(ctx context.Context, changed func()) error {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var last int64
	if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&last); err != nil {
		return err
	}
	t := time.NewTicker(watchPoll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		var v int64
		if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			// A busy moment (another process checkpointing) is no reason
			// to stop following the book: ask again at the next tick.
			continue
		}
		if v != last {
			last = v
			changed()
		}
	}
}

var _ store.Watcher = (*DB)(nil)
