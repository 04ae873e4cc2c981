package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

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
			return &store.LeaseError{Holder: cur}
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

// LeaseHolder returns who holds the named lease now; ok is false when
// nobody does.
func (db *DB) LeaseHolder(ctx context.Context, name string) (string, bool, error) {
	var holder string
	var exp int64
	err := db.db.QueryRowContext(ctx, `SELECT holder, expires_at FROM lease WHERE name = ?`, name).Scan(&holder, &exp)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("lease %s: %w", name, err)
	case exp <= db.Now().UnixMilli():
		return "", false, nil
	}
	return holder, true, nil
}
