package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ErrLeaseHeld means another process holds the lease.
var ErrLeaseHeld = errors.New("lease held")

// LeaseError tells who holds a lease.
type LeaseError struct{ Holder string }

func (e *LeaseError) Error() string { return fmt.Sprintf(msgLeaseHeld, e.Holder) }
func (e *LeaseError) Unwrap() error { return ErrLeaseHeld }

// AcquireLease takes the named lease for ttl, or renews it when holder
// already has it. It fails with *LeaseError while another holder's lease is
// unexpired. A crashed holder's lease simply runs out.
func (db *DB) AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) error {
	now := db.Now()
	return db.withTx(ctx, func(tx *sql.Tx) error {
		var cur string
		var exp int64
		err := tx.QueryRowContext(ctx, `SELECT holder, expires_at FROM lease WHERE name = ?`, name).Scan(&cur, &exp)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("lease %s: %w", name, err)
		case cur != holder && exp > now.UnixMilli():
			return &LeaseError{Holder: cur}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO lease (name, holder, expires_at) VALUES (?,?,?)
			ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`,
			name, holder, now.Add(ttl).UnixMilli())
		if err != nil {
			return fmt.Errorf("lease %s: %w", name, err)
		}
		return nil
	})
}

// ReleaseLease gives the lease up if holder has it.
func (db *DB) ReleaseLease(ctx context.Context, name, holder string) error {
	_, err := db.db.ExecContext(ctx, `DELETE FROM lease WHERE name = ? AND holder = ?`, name, holder)
	if err != nil {
		return fmt.Errorf("release lease %s: %w", name, err)
	}
	return nil
}
