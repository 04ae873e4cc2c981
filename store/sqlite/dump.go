package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"beiandesk/store/bookcopy"
)

// copyOrder is the primary-key order each copied table is read in; it is
// also the list of tables a copy may name.
var copyOrder = map[string]string{
	"setting":         "key",
	"case_seq":        "prefix, year",
	"cases":           "id",
	"material":        "case_id, pos",
	"event":           "id",
	"national_action": "id",
	"holiday_year":    "year",
	"holiday_day":     "day",
	"blob":            "id",
	"blob_chunk":      "blob_id, seq",
	"blob_slice":      "blob_id",
	"mail":            "id",
	"mail_attachment": "mail_id, pos",
	"case_file":       "case_id, pos",
	"imap_state":      "account, mailbox",
	"outbox":          "id",
	"ledger_import":   "id",
	"ledger_row":      "file_sha256, sheet, row",
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// DumpTables reads the whole book inside one read transaction (one WAL
// snapshot), so a copy taken while the window writes is consistent.
func (db *DB) DumpTables(ctx context.Context, fn func(read func(table string, cols []string, emit func(row []any) error) error) error) error {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(func(table string, cols []string, emit func([]any) error) error {
		order, ok := copyOrder[table]
		if !ok {
			return fmt.Errorf("copy: unknown table %q", table)
		}
		q := make([]string, len(cols))
		for i, c := range cols {
			q[i] = quoteIdent(c)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+strings.Join(q, ", ")+` FROM `+quoteIdent(table)+` ORDER BY `+order)
		if err != nil {
			return err
		}
		defer rows.Close()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			row := make([]any, len(vals))
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					// The driver may reuse the buffer for the next row.
					v = append([]byte(nil), b...)
				}
				row[i] = v
			}
			if err := emit(row); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// LoadTables fills an empty book in one transaction and rebuilds the search
// index of the cases it copied. A book that holds anything is refused.
func (db *DB) LoadTables(ctx context.Context, fn func(write func(table string, cols []string, rows func(emit func(row []any) error) error) error) error) error {
	return db.withTx(ctx, func(tx *sql.Tx) error {
		var used bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM mail)
			OR EXISTS (SELECT 1 FROM blob) OR EXISTS (SELECT 1 FROM event) OR EXISTS (SELECT 1 FROM setting)
			OR EXISTS (SELECT 1 FROM holiday_year) OR EXISTS (SELECT 1 FROM holiday_day)
			OR EXISTS (SELECT 1 FROM imap_state) OR EXISTS (SELECT 1 FROM case_seq)
			OR EXISTS (SELECT 1 FROM outbox) OR EXISTS (SELECT 1 FROM ledger_import)`).Scan(&used); err != nil {
			return err
		}
		if used {
			return bookcopy.ErrNotEmpty
		}
		err := fn(func(table string, cols []string, rows func(emit func([]any) error) error) error {
			if _, ok := copyOrder[table]; !ok {
				return fmt.Errorf("copy: unknown table %q", table)
			}
			q := make([]string, len(cols))
			for i, c := range cols {
				q[i] = quoteIdent(c)
			}
			stmt, err := tx.PrepareContext(ctx, `INSERT INTO `+quoteIdent(table)+` (`+strings.Join(q, ", ")+
				`) VALUES (`+placeholders(len(cols))+`)`)
			if err != nil {
				return err
			}
			defer stmt.Close()
			return rows(func(row []any) error {
				_, err := stmt.ExecContext(ctx, row...)
				return err
			})
		})
		if err != nil {
			return err
		}
		// The search index follows the copied cases.
		rows, err := tx.QueryContext(ctx, `SELECT `+caseColumns+` FROM cases c ORDER BY c.id`)
		if err != nil {
			return err
		}
		var bodies []struct {
			id   int64
			body string
		}
		for rows.Next() {
			c, err := scanCase(rows)
			if err != nil {
				rows.Close()
				return err
			}
			bodies = append(bodies, struct {
				id   int64
				body string
			}{c.ID, c.SearchText()})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO case_fts (rowid, body) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, b := range bodies {
			if _, err := ins.ExecContext(ctx, b.id, b.body); err != nil {
				return err
			}
		}
		if len(bodies) >= 10_000 {
			_, err = tx.ExecContext(ctx, `ANALYZE`)
		}
		return err
	})
}
