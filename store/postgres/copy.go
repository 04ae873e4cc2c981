package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/bookcopy"
)

// copyOrder is the primary-key order each copied table is read in; it is
// also the list of tables a copy may name. Text keys sort byte by byte, as
// in SQLite.
var copyOrder = map[string]string{
	"setting":         `key COLLATE "C"`,
	"case_seq":        `prefix COLLATE "C", year`,
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
	"imap_state":      `account COLLATE "C", mailbox COLLATE "C"`,
	"outbox":          "id",
	"ledger_import":   "id",
	"ledger_row":      `file_sha256 COLLATE "C", sheet COLLATE "C", "row"`,
}

func copySelect(table string, cols []string) (string, error) {
	order, ok := copyOrder[table]
	if !ok {
		return "", fmt.Errorf("copy: unknown table %q", table)
	}
	ids := make([]string, len(cols))
	for i, c := range cols {
		ids[i] = pgx.Identifier{c}.Sanitize()
	}
	return `SELECT ` + strings.Join(ids, ", ") + ` FROM ` + pgx.Identifier{table}.Sanitize() + ` ORDER BY ` + order, nil
}

// DumpTables reads the whole book in one repeatable-read snapshot, so a
// copy taken while clerks work is consistent.
func (db *DB) DumpTables(ctx context.Context, fn func(read func(table string, cols []string, emit func(row []any) error) error) error) error {
	err := pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		return fn(func(table string, cols []string, emit func([]any) error) error {
			q, err := copySelect(table, cols)
			if err != nil {
				return err
			}
			rows, err := tx.Query(ctx, q)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				vals, err := rows.Values()
				if err != nil {
					return err
				}
				if err := emit(vals); err != nil {
					return err
				}
			}
			return rows.Err()
		})
	})
	return db.queryErr(err)
}

// copyBatch bounds the rows held in memory before they go to the server.
const (
	copyBatchRows  = 2000
	copyBatchBytes = 8 << 20
)

// LoadTables fills an empty book in one transaction. Only a chief or the
// owner may: the history keeps the clerk names of the source. A book that
// holds anything is refused.
func (db *DB) LoadTables(ctx context.Context, fn func(write func(table string, cols []string, rows func(emit func(row []any) error) error) error) error) error {
	if !db.chief {
		return errors.New(msgChiefOnly)
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL beiandesk.copy = 'on'`); err != nil {
			return err
		}
		// "Copied" must mean on disk, whatever the server's default; and
		// the VACUUM below can mark pages all-visible only once the
		// commit is flushed.
		if _, err := tx.Exec(ctx, `SET LOCAL synchronous_commit = on`); err != nil {
			return err
		}
		var used bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM mail)
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
			target := cols
			search := table == "cases"
			if search {
				target = append(append([]string{}, cols...), "search")
			}
			var batch [][]any
			var size int
			flush := func() error {
				if len(batch) == 0 {
					return nil
				}
				err := db.insertRows(ctx, tx, table, target, batch)
				batch, size = batch[:0], 0
				return err
			}
			err := rows(func(row []any) error {
				r := append([]any{}, row...)
				if search {
					r = append(r, searchText(cols, row))
				}
				for _, v := range r {
					switch x := v.(type) {
					case string:
						size += len(x)
					case []byte:
						size += len(x)
					}
				}
				batch = append(batch, r)
				if len(batch) >= copyBatchRows || size >= copyBatchBytes {
					return flush()
				}
				return nil
			})
			if err != nil {
				return err
			}
			return flush()
		})
		if err != nil {
			return err
		}
		// The next ids follow the copied ones.
		for _, t := range []string{"cases", "event", "national_action", "blob", "mail", "outbox", "ledger_import"} {
			if _, err := tx.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'),
				coalesce((SELECT max(id) FROM %s), 0) + 1, false)`, t, t)); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, `ANALYZE`)
		return err
	})
	if err == bookcopy.ErrNotEmpty {
		return err
	}
	if err != nil {
		return db.queryErr(err)
	}
	// A list page is chosen by an index-only scan, which reads the table
	// anyway until the visibility map is set: autovacuum would set it in a
	// while, this sets it now. The copy is committed, so a VACUUM refused
	// (the server skips tables the login does not own) loses nothing.
	_, _ = db.pool.Exec(ctx, `VACUUM (ANALYZE) cases, material, event, mail, national_action`)
	return nil
}

// searchText is a copied case's search text, from its row.
func searchText(cols []string, row []any) string {
	var c store.Case
	get := func(name string) string {
		for i, n := range cols {
			if n == name {
				s, _ := row[i].(string)
				return s
			}
		}
		return ""
	}
	c.Number, c.Sponsor, c.CertNo = get("number"), get("sponsor"), get("cert_no")
	c.Provider, c.Contact, c.Phone = get("provider"), get("contact"), get("phone")
	c.LegacyNo = get("legacy_no")
	_ = json.Unmarshal([]byte(get("filings")), &c.Filings)
	_ = json.Unmarshal([]byte(get("domains")), &c.Domains)
	return c.SearchText()
}
