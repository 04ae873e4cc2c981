package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

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

func deadlineKey(k rules.Kind) string { return "deadline." + string(k) }

func deadlineDays(ctx context.Context, q querier, k rules.Kind) (int, error) {
	v, err := getSetting(ctx, q, deadlineKey(k), "")
	if err != nil {
		return 0, err
	}
	if v == "" {
		return rules.DefaultDeadlineDays(k), nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return rules.DefaultDeadlineDays(k), nil
	}
	return n, nil
}

// DeadlineDays returns the working days allowed for a kind.
func (db *DB) DeadlineDays(ctx context.Context, k rules.Kind) (int, error) {
	return deadlineDays(ctx, db.db, k)
}

// SetDeadlineDays changes the working days allowed for a kind; it applies to
// clocks started from now on.
func (db *DB) SetDeadlineDays(ctx context.Context, k rules.Kind, n int) error {
	if n < 0 || n > 60 {
		return fieldErrf("days", msgDeadlineDays)
	}
	return db.SetSetting(ctx, deadlineKey(k), strconv.Itoa(n))
}
