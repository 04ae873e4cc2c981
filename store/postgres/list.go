package postgres

import (
	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"context"
	"fmt"
	"strings"

	"beiandesk/store"
)

// where builds the filter's conditions with numbered parameters.
func where(f store.Filter) (string, []any) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	switch f.Status {
	case "":
	case "open":
		conds = append(conds, "c.status = ANY("+arg(statusCodes(rules.OpenStatuses()))+")")
	default:
		conds = append(conds, "c.status = "+arg(f.Status))
	}
	if f.Kind != "" {
		conds = append(conds, "c.kind = "+arg(f.Kind))
	}
	if f.Channel != "" {
		conds = append(conds, "c.channel = "+arg(f.Channel))
	}
	if f.Month != "" {
		conds = append(conds, "c.received_day >= "+arg(f.Month+"-01")+" AND c.received_day < "+arg(f.Month+"-32"))
	}
	if f.From != "" {
		conds = append(conds, "c.received_day >= "+arg(f.From))
	}
	if f.To != "" {
		conds = append(conds, "c.received_day <= "+arg(f.To))
	}
	if f.DueTo != "" {
		conds = append(conds, "c.due <= "+arg(f.DueTo)+" AND c.status IN ('received','accepted')")
	}
	// A domain is found with and without its "www." (validate.SearchTerm).
	if q := validate.SearchTerm(f.Query); q != "" {
		// The SQLite book matches the same text by substring, case-blind
		// for ASCII: trigram MATCH for three characters and more, LIKE
		// below. ILIKE over the pg_trgm index does both in one.
		conds = append(conds, "c.search ILIKE "+arg("%"+likeEscape(q)+"%"))
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
		// Cases without a deadline come first, as in SQLite.
		return " ORDER BY c.due NULLS FIRST, c.id"
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
	w, args := where(f)
	query := `SELECT ` + caseColumns + ` FROM cases c` + w + orderBy(f)
	if f.Limit > 0 {
		// A page's ids are chosen first, from an index where one covers the
		// filter and the order, so that only the page's rows are read
		// from the table rather than every row that matches.
		query = `SELECT ` + caseColumns + ` FROM cases c WHERE c.id IN (SELECT c.id FROM cases c` + w + orderBy(f) +
			fmt.Sprintf(" LIMIT %d OFFSET %d)", f.Limit, f.Offset) + orderBy(f)
	}
	rows, err := db.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", db.queryErr(err))
	}
	var out []*store.Case
	for rows.Next() {
		c, _, err := scanCase(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list cases: %w", db.queryErr(err))
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", db.queryErr(err))
	}
	if full {
		if err := loadDetails(ctx, db.pool, out); err != nil {
			return nil, db.queryErr(err)
		}
	}
	return out, nil
}

// CountCases counts cases matching f (Limit and Order are ignored).
func (db *DB) CountCases(ctx context.Context, f store.Filter) (int, error) {
	w, args := where(f)
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM cases c`+w, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count cases: %w", db.queryErr(err))
	}
	return n, nil
}
