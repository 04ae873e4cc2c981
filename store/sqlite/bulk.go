package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"beiandesk/store"
)

// ImportCases stores whole cases with their history in one transaction,
// as given: sample data and copies of another book. Prepared statements
// keep 100k cases to seconds.
func (db *DB) ImportCases(ctx context.Context, recs []store.CaseRecord) ([]int64, error) {
	ids := make([]int64, 0, len(recs))
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		ins, err := prepareImport(ctx, tx)
		if err != nil {
			return err
		}
		defer ins.close()
		for i := range recs {
			id, err := ins.add(ctx, tx, &recs[i])
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		if len(recs) >= analyzeAfter {
			// A book filled at once has no statistics yet, and the query
			// planner needs them to pick the right index at 100k cases.
			if _, err := tx.ExecContext(ctx, `ANALYZE`); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("import cases: %w", err)
	}
	return ids, nil
}

// analyzeAfter is the size of an import after which ImportCases refreshes
// the planner's statistics.
const analyzeAfter = 10_000

type importStmts struct {
	cas, mat, ev, nat, fts, seq *sql.Stmt
}

func prepareImport(ctx context.Context, tx *sql.Tx) (*importStmts, error) {
	var s importStmts
	var err error
	prep := func(dst **sql.Stmt, q string) {
		if err == nil {
			*dst, err = tx.PrepareContext(ctx, q)
		}
	}
	prep(&s.cas, `INSERT INTO cases (number, kind, channel, status, received_at, received_day, clock_day, due,
		closed_at, closed_day, sponsor_type, applicant, sponsor, cert_no, provider, contact, phone, filings,
		domains, details, note, created_at, updated_at, version, legacy_no) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	prep(&s.mat, `INSERT INTO material (case_id, pos, item, state, note) VALUES (?,?,?,?,?)`)
	prep(&s.ev, `INSERT INTO event (case_id, at, recorded_at, clerk, action, from_status, to_status, note)
		VALUES (?,?,?,?,?,?,?,?)`)
	prep(&s.nat, `INSERT INTO national_action (case_id, day, scope, filing, clerk, recorded_at) VALUES (?,?,?,?,?,?)`)
	prep(&s.fts, `INSERT INTO case_fts (rowid, body) VALUES (?, ?)`)
	prep(&s.seq, `INSERT INTO case_seq (prefix, year, last) VALUES (?, ?, ?)
		ON CONFLICT (prefix, year) DO UPDATE SET last = max(last, excluded.last) RETURNING last`)
	if err != nil {
		s.close()
		return nil, err
	}
	return &s, nil
}

func (s *importStmts) close() {
	for _, st := range []*sql.Stmt{s.cas, s.mat, s.ev, s.nat, s.fts, s.seq} {
		if st != nil {
			st.Close()
		}
	}
}

func (s *importStmts) add(ctx context.Context, tx *sql.Tx, r *store.CaseRecord) (int64, error) {
	c, year := r.Filled()
	if c.Number == "" {
		// The next number of the kind and year, as CreateCase gives it.
		var seq int
		if err := tx.QueryRowContext(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES (?, ?, 1)
			ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
			store.NumberPrefix(c.Kind), year).Scan(&seq); err != nil {
			return 0, fmt.Errorf("number: %w", err)
		}
		c.Number = store.CaseNumber(c.Kind, year, seq)
	} else if p, y, n, ok := store.SplitCaseNumber(c.Number); ok {
		// Later numbers of that year must not collide with this one.
		var last int
		if err := s.seq.QueryRowContext(ctx, p, y, n).Scan(&last); err != nil {
			return 0, fmt.Errorf("number %s: %w", c.Number, err)
		}
	}
	var closedAt any
	if c.ClosedAt != nil {
		closedAt = chinaTime(*c.ClosedAt)
	}
	details, _ := json.Marshal(nonNilMap(c.Details))
	res, err := s.cas.ExecContext(ctx, c.Number, c.Kind, c.Channel, c.Status, rfc3339(c.ReceivedAt), c.ReceivedDay,
		c.ClockDay, nullString(c.Due), closedAt, nullString(c.ClosedDay), c.SponsorType, c.Applicant, c.Sponsor,
		c.CertNo, c.Provider, c.Contact, c.Phone, jsonList(c.Filings), jsonList(c.Domains), string(details),
		c.Note, rfc3339(c.CreatedAt), rfc3339(c.UpdatedAt), max(c.Version, 1), c.LegacyNo)
	if err != nil {
		return 0, fmt.Errorf("case %s: %w", c.Number, err)
	}
	id, _ := res.LastInsertId()
	for i, it := range c.Materials {
		if _, err := s.mat.ExecContext(ctx, id, i+1, it.Item, it.State, it.Note); err != nil {
			return 0, fmt.Errorf("case %s: material: %w", c.Number, err)
		}
	}
	for _, e := range r.Events {
		if _, err := s.ev.ExecContext(ctx, id, chinaTime(e.At), chinaTime(e.Recorded()), e.Clerk, e.Action, e.From, e.To, e.Note); err != nil {
			return 0, fmt.Errorf("case %s: event: %w", c.Number, err)
		}
	}
	// The national record has no time of its own in Case: the case's last
	// change stands for it.
	for _, a := range c.National {
		if _, err := s.nat.ExecContext(ctx, id, a.Day, a.Scope, a.Filing, a.Clerk, rfc3339(c.UpdatedAt)); err != nil {
			return 0, fmt.Errorf("case %s: national action: %w", c.Number, err)
		}
	}
	if _, err := s.fts.ExecContext(ctx, id, c.SearchText()); err != nil {
		return 0, fmt.Errorf("case %s: index: %w", c.Number, err)
	}
	return id, nil
}
