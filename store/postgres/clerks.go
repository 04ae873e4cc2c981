package postgres

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// ClerkInfo is one login that may work on the book.
type ClerkInfo struct {
	Role    string `json:"role"`
	Name    string `json:"name"`
	Chief   bool   `json:"chief"`
	AddedAt string `json:"added_at"`
}

var roleName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,62}$`)

// AddClerk lets the login role work on the book under the display name
// name, as a chief when chief is set (calendar edits, copying a book in). The
// tables are created first when needed (Open did that), the group roles and
// their grants when missing. A role that does not exist yet is created with
// LOGIN and no password: the IT department sets one (ALTER ROLE … PASSWORD)
// or lets the server authenticate it otherwise (pg_hba.conf). Adding a clerk
// again changes the name and the chief flag; the history keeps the names it
// recorded. Only the owner of the book may do this.
func (db *DB) AddClerk(ctx context.Context, role, name string, chief bool) (*ClerkInfo, error) {
	if !db.owner {
		return nil, fmt.Errorf(msgOwnerOnly, db.user)
	}
	if !roleName.MatchString(role) {
		return nil, fmt.Errorf(msgClerkRole, role)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New(msgClerkName)
	}
	info := &ClerkInfo{Role: role, Name: name, Chief: chief, AddedAt: db.Now().Format(time.RFC3339)}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// Two owners adding clerks at once would race on the role catalogue.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return err
		}
		if err := grantRoles(ctx, tx); err != nil {
			if isPermission(err) {
				return fmt.Errorf(msgNoCreateRole, db.user, "beiandesk_clerk")
			}
			return err
		}
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, role).Scan(&exists); err != nil {
			return err
		}
		id := pgx.Identifier{role}.Sanitize()
		if !exists {
			if _, err := tx.Exec(ctx, `CREATE ROLE `+id+` LOGIN`); err != nil {
				if isPermission(err) {
					return fmt.Errorf(msgNoCreateRole, db.user, role)
				}
				return err
			}
		}
		groups := "beiandesk_clerk"
		if chief {
			groups += ", beiandesk_chief"
		}
		if _, err := tx.Exec(ctx, `GRANT `+groups+` TO `+id); err != nil {
			if isPermission(err) {
				return fmt.Errorf(msgNoCreateRole, db.user, role)
			}
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO clerk (role, name, chief, added_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (role) DO UPDATE SET name = excluded.name, chief = excluded.chief`,
			role, name, chief, info.AddedAt)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("clerks add %s: %w", role, db.queryErr(err))
	}
	return info, nil
}

// Clerks lists the clerks of the book by role.
func (db *DB) Clerks(ctx context.Context) ([]ClerkInfo, error) {
	rows, err := db.pool.Query(ctx, `SELECT role, name, chief, added_at FROM clerk ORDER BY role`)
	if err != nil {
		return nil, fmt.Errorf("clerks: %w", db.queryErr(err))
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (ClerkInfo, error) {
		var c ClerkInfo
		err := r.Scan(&c.Role, &c.Name, &c.Chief, &c.AddedAt)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("clerks: %w", db.queryErr(err))
	}
	if out == nil {
		out = []ClerkInfo{}
	}
	return out, nil
}

// RemoveClerk takes the role off the book: from then on it reads nothing
// here. The history keeps the name it recorded for that clerk. The role and
// its membership of the server-wide group roles stay, since another book on
// the same server may use them; row security is what shuts it out.
func (db *DB) RemoveClerk(ctx context.Context, role string) error {
	if !db.owner {
		return fmt.Errorf(msgOwnerOnly, db.user)
	}
	tag, err := db.pool.Exec(ctx, `DELETE FROM clerk WHERE role = $1`, role)
	if err != nil {
		return fmt.Errorf("clerks remove %s: %w", role, db.queryErr(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf(msgClerkNotFound, role)
	}
	return nil
}
