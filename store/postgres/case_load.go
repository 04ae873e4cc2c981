package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// getCase loads a case; lock takes its row lock for the rest of the
// transaction, so that two clerks changing one case go one after the other
// and neither overwrites what the other did. The case row and its details
// travel in one batch: one round trip to the server instead of four.
func getCase(ctx context.Context, q querier, id int64, lock bool) (*store.Case, error) {
	b := &pgx.Batch{}
	read := queueCase(b, id, lock)
	if err := q.SendBatch(ctx, b).Close(); err != nil {
		return nil, fmt.Errorf("case %d: %w", id, err)
	}
	return read()
}

// queueCase adds the reads of a case and its details to a batch; the
// function it returns gives the case once the batch has run.
func queueCase(b *pgx.Batch, id int64, lock bool) func() (*store.Case, error) {
	query := `SELECT ` + caseColumns + ` FROM cases c WHERE c.id = $1`
	if lock {
		query += ` FOR UPDATE`
	}
	var c *store.Case
	b.Queue(query, id).QueryRow(func(row pgx.Row) error {
		var err error
		c, _, err = scanCase(row)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		return err
	})
	d := queueDetails(b, []int64{id})
	return func() (*store.Case, error) {
		if c == nil {
			return nil, fmt.Errorf(msgCaseNotFound+": %w", id, store.ErrNotFound)
		}
		d.fill([]*store.Case{c})
		return c, nil
	}
}

// loadDetails fills materials, mail ids and national actions of the given
// cases in one round trip.
func loadDetails(ctx context.Context, q querier, cases []*store.Case) error {
	if len(cases) == 0 {
		return nil
	}
	ids := make([]int64, len(cases))
	for i, c := range cases {
		ids[i] = c.ID
	}
	b := &pgx.Batch{}
	d := queueDetails(b, ids)
	if err := q.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("case details: %w", err)
	}
	d.fill(cases)
	return nil
}

// details collects the rows that belong to cases, keyed by case id, until
// the batch that reads them has run.
type details struct {
	materials map[int64][]rules.Item
	mails     map[int64][]int64
	national  map[int64][]store.NationalAction
}

func queueDetails(b *pgx.Batch, ids []int64) *details {
	d := &details{materials: map[int64][]rules.Item{}, mails: map[int64][]int64{},
		national: map[int64][]store.NationalAction{}}
	b.Queue(`SELECT case_id, item, state, note FROM material WHERE case_id = ANY($1) ORDER BY case_id, pos`,
		ids).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var id int64
			var it rules.Item
			if err := rows.Scan(&id, &it.Item, &it.State, &it.Note); err != nil {
				return fmt.Errorf("materials: %w", err)
			}
			d.materials[id] = append(d.materials[id], it)
		}
		return rows.Err()
	})
	b.Queue(`SELECT case_id, id FROM mail WHERE case_id = ANY($1) ORDER BY id`, ids).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var cid, mid int64
			if err := rows.Scan(&cid, &mid); err != nil {
				return fmt.Errorf("mail ids: %w", err)
			}
			d.mails[cid] = append(d.mails[cid], mid)
		}
		return rows.Err()
	})
	b.Queue(`SELECT case_id, day, scope, filing, clerk FROM national_action WHERE case_id = ANY($1) ORDER BY case_id, id`,
		ids).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var cid int64
			var a store.NationalAction
			if err := rows.Scan(&cid, &a.Day, &a.Scope, &a.Filing, &a.Clerk); err != nil {
				return fmt.Errorf("national actions: %w", err)
			}
			d.national[cid] = append(d.national[cid], a)
		}
		return rows.Err()
	})
	return d
}

func (d *details) fill(cases []*store.Case) {
	for _, c := range cases {
		c.Materials = d.materials[c.ID]
		if c.Materials == nil {
			c.Materials = []rules.Item{}
		}
		c.MailIDs = d.mails[c.ID]
		if c.MailIDs == nil {
			c.MailIDs = []int64{}
		}
		c.National = d.national[c.ID]
	}
}
