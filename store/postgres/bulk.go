package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
)

// ImportCases stores whole cases with their history in one transaction, as
// given: sample data and copies of another book. Rows go in with COPY, so
// 100k cases take seconds. While a chief or the owner imports, the history
// keeps the clerks it names; anyone else's import records their own name.
func (db *DB) ImportCases(ctx context.Context, recs []store.CaseRecord) ([]int64, error) {
	var ids []int64
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var err error
		ids, err = db.importCases(ctx, tx, recs)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("import cases: %w", db.queryErr(err))
	}
	return ids, nil
}

func (db *DB) importCases(ctx context.Context, tx pgx.Tx, recs []store.CaseRecord) ([]int64, error) {
	if len(recs) == 0 {
		return []int64{}, nil
	}
	if _, err := tx.Exec(ctx, `SET LOCAL beiandesk.copy = 'on'`); err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(recs))
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('cases', 'id')) FROM generate_series(1, $1)`, len(recs))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	cases := make([]store.Case, len(recs))
	// Numbers: a given one raises its year's counter, an empty one takes
	// the next numbers, one statement per kind and year.
	type key struct {
		prefix string
		year   int
	}
	need := map[key][]int{}
	highest := map[key]int{}
	for i := range recs {
		c, year := recs[i].Filled()
		if c.Number == "" {
			k := key{store.NumberPrefix(c.Kind), year}
			need[k] = append(need[k], i)
		} else if p, y, n, ok := store.SplitCaseNumber(c.Number); ok {
			k := key{p, y}
			highest[k] = max(highest[k], n)
		}
		cases[i] = c
	}
	for k, n := range highest {
		if _, err := tx.Exec(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES ($1, $2, $3)
			ON CONFLICT (prefix, year) DO UPDATE SET last = greatest(case_seq.last, excluded.last)`, k.prefix, k.year, n); err != nil {
			return nil, fmt.Errorf("number: %w", err)
		}
	}
	for k, idx := range need {
		var last int
		if err := tx.QueryRow(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES ($1, $2, $3)
			ON CONFLICT (prefix, year) DO UPDATE SET last = case_seq.last + excluded.last RETURNING last`,
			k.prefix, k.year, len(idx)).Scan(&last); err != nil {
			return nil, fmt.Errorf("number: %w", err)
		}
		first := last - len(idx) + 1
		for j, i := range idx {
			cases[i].Number = fmt.Sprintf("%s-%d-%04d", k.prefix, k.year, first+j)
		}
	}
	caseRows := make([][]any, len(cases))
	var matRows, evRows, natRows [][]any
	for i := range cases {
		c := &cases[i]
		var closedAt any
		if c.ClosedAt != nil {
			closedAt = chinaTime(*c.ClosedAt)
		}
		details, _ := json.Marshal(nonNilMap(c.Details))
		caseRows[i] = []any{ids[i], c.Number, string(c.Kind), string(c.Channel), string(c.Status), rfc3339(c.ReceivedAt),
			c.ReceivedDay, c.ClockDay, nullString(c.Due), closedAt, nullString(c.ClosedDay), string(c.SponsorType),
			string(c.Applicant), c.Sponsor, c.CertNo, c.Provider, c.Contact, c.Phone, jsonList(c.Filings),
			jsonList(c.Domains), string(details), c.Note, rfc3339(c.CreatedAt), rfc3339(c.UpdatedAt), c.SearchText(), max(c.Version, 1),
			c.LegacyNo}
		for j, it := range c.Materials {
			matRows = append(matRows, []any{ids[i], j + 1, it.Item, string(it.State), it.Note})
		}
		for _, e := range recs[i].Events {
			evRows = append(evRows, []any{ids[i], chinaTime(e.At), chinaTime(e.Recorded()), e.Clerk, e.Action,
				string(e.From), string(e.To), e.Note})
		}
		// The national record has no time of its own in Case: the case's
		// last change stands for it, as in the SQLite book.
		for _, a := range c.National {
			natRows = append(natRows, []any{ids[i], a.Day, string(a.Scope), a.Filing, a.Clerk, rfc3339(c.UpdatedAt)})
		}
	}
	if err := db.insertRows(ctx, tx, "cases", []string{"id", "number", "kind", "channel", "status",
		"received_at", "received_day", "clock_day", "due", "closed_at", "closed_day", "sponsor_type", "applicant",
		"sponsor", "cert_no", "provider", "contact", "phone", "filings", "domains", "details", "note",
		"created_at", "updated_at", "search", "version", "legacy_no"}, caseRows); err != nil {
		return nil, fmt.Errorf("cases: %w", err)
	}
	if err := db.insertRows(ctx, tx, "material", []string{"case_id", "pos", "item", "state", "note"}, matRows); err != nil {
		return nil, fmt.Errorf("materials: %w", err)
	}
	if err := db.insertRows(ctx, tx, "event", []string{"case_id", "at", "recorded_at", "clerk", "action",
		"from_status", "to_status", "note"}, evRows); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	if err := db.insertRows(ctx, tx, "national_action", []string{"case_id", "day", "scope", "filing", "clerk",
		"recorded_at"}, natRows); err != nil {
		return nil, fmt.Errorf("national actions: %w", err)
	}
	if len(recs) >= 10_000 {
		// A book filled at once has no statistics yet.
		if _, err := tx.Exec(ctx, `ANALYZE cases, material, event`); err != nil {
			return nil, err
		}
	}
	return ids, nil
}
