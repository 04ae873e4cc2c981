package sqlite

import (
	"beiandesk/store"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"
)

func where(f store.Filter) (string, []any) {
	var conds []string
	var args []any
	switch f.Status {
	case "":
	case "open":
		conds = append(conds, "c.status IN ('received','returned','accepted')")
	default:
		conds = append(conds, "c.status = ?")
		args = append(args, f.Status)
	}
	if f.Kind != "" {
		conds = append(conds, "c.kind = ?")
		args = append(args, f.Kind)
	}
	if f.Channel != "" {
		conds = append(conds, "c.channel = ?")
		args = append(args, f.Channel)
	}
	if f.Month != "" {
		// A range keeps the received_day index usable.
		conds = append(conds, "c.received_day >= ? AND c.received_day < ?")
		args = append(args, f.Month+"-01", f.Month+"-32")
	}
	if f.From != "" {
		conds = append(conds, "c.received_day >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		conds = append(conds, "c.received_day <= ?")
		args = append(args, f.To)
	}
	if f.DueTo != "" {
		conds = append(conds, "c.due <= ? AND c.status IN ('received','accepted')")
		args = append(args, f.DueTo)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// The trigram index serves terms of three or more characters; shorter
		// ones fall back to a scan with LIKE, which FTS5 also accepts.
		if utf8.RuneCountInString(q) >= 3 {
			conds = append(conds, "c.id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)")
			args = append(args, `"`+strings.ReplaceAll(q, `"`, `""`)+`"`)
		} else {
			conds = append(conds, "c.id IN (SELECT rowid FROM case_fts WHERE body LIKE ? ESCAPE '\\')")
			args = append(args, "%"+likeEscape(q)+"%")
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

func orderBy(f store.Filter) string {
	switch f.Order {
	case "due":
		// Cases without a deadline (NULL, kind other) come first. Over the
		// whole book, walking the due index is fastest; within a period the
		// status/receipt index narrows first, and "+" keeps SQLite from
		// walking the due index instead.
		if f.Month != "" || f.From != "" || f.To != "" {
			return " ORDER BY +c.due, c.id"
		}
		return " ORDER BY c.due, c.id"
	case "received":
		return " ORDER BY c.received_at, c.id"
	case "-id":
		return " ORDER BY c.id DESC"
	case "-received":
		return " ORDER BY c.received_day DESC, c.id DESC"
	default:
		return " ORDER BY c.id"
	}
}

// Cases lists cases matching f, with materials and mail ids when full is set.
func (db *DB) Cases(ctx context.Context, f store.Filter, full bool) ([]*store.Case, error) {
	where, args := where(f)
	query := `SELECT ` + caseColumns + ` FROM cases c` + where + orderBy(f)
	if f.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
	}
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	var out []*store.Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list cases: %w", err)
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	if full {
		if err := loadDetails(ctx, db.db, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// CountCases counts cases matching f (Limit and Order are ignored).
func (db *DB) CountCases(ctx context.Context, f store.Filter) (int, error) {
	where, args := where(f)
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM cases c`+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count cases: %w", err)
	}
	return n, nil
}
