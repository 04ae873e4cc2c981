package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// Setting returns a setting, or def when unset.
func (db *DB) Setting(ctx context.Context, key, def string) (string, error) {
	return getSetting(ctx, db.db, key, def)
}

func getSetting(ctx context.Context, q querier, key, def string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM setting WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return "", fmt.Errorf("setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting stores a setting.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	return nil
}

func deadlineDays(ctx context.Context, q querier, k rules.Kind) (int, error) {
	v, err := getSetting(ctx, q, store.DeadlineKey(k), "")
	if err != nil {
		return 0, err
	}
	return store.DeadlineDaysOf(k, v), nil
}

// DeadlineDays returns the working days allowed for a kind.
func (db *DB) DeadlineDays(ctx context.Context, k rules.Kind) (int, error) {
	return deadlineDays(ctx, db.db, k)
}

// SetDeadlineDays changes the working days allowed for a kind; it applies to
// clocks started from now on.
func (db *DB) SetDeadlineDays(ctx context.Context, k rules.Kind, n int) error {
	if err := store.CheckDeadlineDays(n); err != nil {
		return err
	}
	return db.SetSetting(ctx, store.DeadlineKey(k), strconv.Itoa(n))
}
