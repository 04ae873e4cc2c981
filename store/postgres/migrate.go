package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"github.com/jackc/pgx/v5"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// migrationLock is the advisory lock key under which migrations run, so that
// two workstations starting at once on a new book do not both create it.
const migrationLock int64 = 0x6265_6961_6e64_0001

func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migration/[0-9]*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// migrate brings the schema up to date in one transaction under an advisory
// lock; a workstation that waited for the lock finds the work done. A login
// that may not create tables gets a message saying who must do it.
func (db *DB) migrate(ctx context.Context) error {
	names, err := migrations()
	if err != nil {
		return err
	}
	version, err := db.schemaVersion(ctx, db.pool)
	if err != nil {
		return err
	}
	if version > len(names) {
		return fmt.Errorf(msgNewerSchema, version, len(names))
	}
	if version == len(names) {
		return nil
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return db.queryErr(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return db.queryErr(err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS beiandesk_schema (
		version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		if isPermission(err) {
			return fmt.Errorf(msgNoSchema, db.name)
		}
		return db.queryErr(err)
	}
	// Re-read under the lock: another workstation may have migrated meanwhile.
	if version, err = db.schemaVersion(ctx, tx); err != nil {
		return err
	}
	for i := version; i < len(names); i++ {
		buf, err := migrationFS.ReadFile(names[i])
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(buf)); err != nil {
			if isPermission(err) {
				return fmt.Errorf(msgNoSchema, db.name)
			}
			return fmt.Errorf("migration %s: %w", names[i], err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO beiandesk_schema (version, name) VALUES ($1, $2)`, i+1, names[i]); err != nil {
			return fmt.Errorf("migration %s: %w", names[i], err)
		}
	}
	// Tables of a new migration get their grants if the clerks' roles exist.
	var roles bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'beiandesk_chief')`).Scan(&roles); err != nil {
		return db.queryErr(err)
	}
	if roles {
		if err := grantRoles(ctx, tx); err != nil {
			return err
		}
	}
	return db.queryErr(tx.Commit(ctx))
}

type queryRower interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func (db *DB) schemaVersion(ctx context.Context, q queryRower) (int, error) {
	var exists bool
	if err := q.QueryRow(ctx, `SELECT to_regclass('public.beiandesk_schema') IS NOT NULL`).Scan(&exists); err != nil {
		return 0, db.queryErr(err)
	}
	if !exists {
		return 0, nil
	}
	var v int
	err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM beiandesk_schema`).Scan(&v)
	if isPermission(err) {
		return 0, fmt.Errorf(msgNotClerk, db.user)
	}
	return v, db.queryErr(err)
}

// grantRoles creates the clerks' group roles when missing and grants them
// their rights on every table.
func grantRoles(ctx context.Context, tx pgx.Tx) error {
	buf, err := migrationFS.ReadFile("migration/roles.sql")
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, string(buf)); err != nil {
		return fmt.Errorf("grant roles: %w", err)
	}
	return nil
}

var errNoRows = pgx.ErrNoRows

func isNoRows(err error) bool { return errors.Is(err, errNoRows) }
