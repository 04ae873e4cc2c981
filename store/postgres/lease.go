package postgres

import (
	"context"
	"fmt"
	"time"
)

// LeaseError tells who holds a lease.
type LeaseError struct{ Holder string }

func (e *LeaseError) Error() string { return fmt.Sprintf(msgLeaseHeld, e.Holder) }

// AcquireLease takes the named lease (one mail sync at a time for the whole
// room). The lease is a session advisory lock on a connection set aside for
// it: a workstation that crashes or loses the network frees it the moment
// the server sees its connection drop, with no expiry to wait for. The ttl
// of the SQLite lease is not needed here. Taking a lease this DB already
// holds succeeds.
func (db *DB) AcquireLease(ctx context.Context, name, holder string, _ time.Duration) error {
	db.leaseMu.Lock()
	defer db.leaseMu.Unlock()
	if c, ok := db.leases[name]; ok {
		// Still ours while the connection lives.
		if err := c.Ping(ctx); err == nil {
			return nil
		}
		c.Release()
		delete(db.leases, name)
	}
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
	}
	var got bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtextextended('beiandesk.lease.' || $1, 0))`, name).Scan(&got); err != nil {
		conn.Release()
		return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
	}
	if !got {
		conn.Release()
		var who string
		if err := db.pool.QueryRow(ctx, `SELECT holder FROM lease WHERE name = $1`, name).Scan(&who); err != nil {
			who = "?"
		}
		return &LeaseError{Holder: who}
	}
	if _, err := conn.Exec(ctx, `INSERT INTO lease (name, holder, since) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, since = excluded.since`,
		name, holder, db.Now().Format(time.RFC3339)); err != nil {
		conn.Exec(ctx, `SELECT pg_advisory_unlock(hashtextextended('beiandesk.lease.' || $1, 0))`, name)
		conn.Release()
		return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
	}
	db.leases[name] = conn
	return nil
}

// ReleaseLease gives the lease up if this DB holds it.
func (db *DB) ReleaseLease(ctx context.Context, name, _ string) error {
	db.leaseMu.Lock()
	defer db.leaseMu.Unlock()
	conn, ok := db.leases[name]
	if !ok {
		return nil
	}
	delete(db.leases, name)
	_, err := conn.Exec(ctx, `SELECT pg_advisory_unlock(hashtextextended('beiandesk.lease.' || $1, 0))`, name)
	if err != nil {
		// A connection in an unknown state must not go back to the pool
		// still holding the lock.
		conn.Conn().Close(ctx)
	}
	conn.Release()
	return nil
}
