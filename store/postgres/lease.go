package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"beiandesk/store"
)

const leaseKey = `hashtextextended('beiandesk.lease.' || $1, 0)`

// AcquireLease takes the named lease for ttl, or renews it when holder
// already has it; it fails with *store.LeaseError while another holder has
// it. Between workstations the lease is a session advisory lock on a
// connection set aside for it: a workstation that crashes or loses the
// network frees it the moment the server sees its connection drop, without
// waiting for the expiry. Within one workstation (several holders on this
// DB) the holder and expiry in the lease table decide, as in SQLite.
func (db *DB) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) error {
	db.leaseMu.Lock()
	defer db.leaseMu.Unlock()
	conn, ok := db.leases[name]
	if ok {
		if err := conn.Ping(ctx); err != nil {
			// The lock went with the connection: start over.
			conn.Release()
			delete(db.leases, name)
			ok = false
		}
	}
	if !ok {
		var err error
		conn, err = db.pool.Acquire(ctx)
		if err != nil {
			return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
		}
		var got bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(`+leaseKey+`)`, name).Scan(&got); err != nil {
			conn.Release()
			return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
		}
		if !got {
			conn.Release()
			who, _, err := db.leaseRow(ctx, db.pool, name)
			if err != nil || who == "" {
				who = "?"
			}
			return &store.LeaseError{Holder: who}
		}
		db.leases[name] = conn
		// Whoever the table names lost the lock with its connection.
		if _, err := conn.Exec(ctx, `DELETE FROM lease WHERE name = $1`, name); err != nil {
			db.dropLease(ctx, name)
			return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
		}
	}
	now := db.Now()
	cur, exp, err := db.leaseRow(ctx, conn, name)
	if err != nil {
		return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
	}
	if cur != "" && cur != holder && exp > now.UnixMilli() {
		return &store.LeaseError{Holder: cur}
	}
	if _, err := conn.Exec(ctx, `INSERT INTO lease (name, holder, expires_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`,
		name, holder, now.Add(ttl).UnixMilli()); err != nil {
		return fmt.Errorf("lease %s: %w", name, db.queryErr(err))
	}
	return nil
}

func (db *DB) leaseRow(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, name string) (string, int64, error) {
	var holder string
	var exp int64
	err := q.QueryRow(ctx, `SELECT holder, expires_at FROM lease WHERE name = $1`, name).Scan(&holder, &exp)
	if isNoRows(err) {
		return "", 0, nil
	}
	return holder, exp, err
}

// dropLease unlocks and returns the lease's connection; the caller holds
// leaseMu.
func (db *DB) dropLease(ctx context.Context, name string) {
	conn, ok := db.leases[name]
	if !ok {
		return
	}
	delete(db.leases, name)
	unlock(ctx, conn, name)
}

func unlock(ctx context.Context, conn *pgxpool.Conn, name string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock(`+leaseKey+`)`, name); err != nil {
		// A connection in an unknown state must not go back to the pool
		// still holding the lock.
		conn.Conn().Close(ctx)
	}
	conn.Release()
}

// ReleaseLease gives the lease up if holder has it.
func (db *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	db.leaseMu.Lock()
	defer db.leaseMu.Unlock()
	conn, ok := db.leases[name]
	if !ok {
		return nil
	}
	tag, err := conn.Exec(ctx, `DELETE FROM lease WHERE name = $1 AND holder = $2`, name, holder)
	if err != nil {
		db.dropLease(ctx, name)
		return fmt.Errorf("release lease %s: %w", name, db.queryErr(err))
	}
	if tag.RowsAffected() == 1 {
		db.dropLease(ctx, name)
	}
	return nil
}

// LeaseHolder returns who holds the named lease now: the holder in the
// table while its lease is unexpired and its workstation's session holds
// the lock.
func (db *DB) LeaseHolder(ctx context.Context, name string) (string, bool, error) {
	var holder string
	var exp int64
	err := db.pool.QueryRow(ctx, `SELECT holder, expires_at FROM lease WHERE name = $1
		AND EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
			AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
			AND ((classid::bigint << 32) | objid::bigint) = `+leaseKey+`)`, name).Scan(&holder, &exp)
	if isNoRows(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("lease %s: %w", name, db.queryErr(err))
	}
	if exp <= db.Now().UnixMilli() {
		return "", false, nil
	}
	return holder, true, nil
}
