package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// RecordNational records what was done in the national filing system for an
// accepted deregistration or conflict (store.NationalRecord.Normalize says
// what is checked). 办结 is refused until such a record exists. The row's
// clerk, like the history's, is set by the server from the login.
func (db *DB) RecordNational(ctx context.Context, id, version int64, in store.NationalRecord, clerk string) (*store.Case, error) {
	now := db.Now()
	v, err := in.Normalize(now)
	if err != nil {
		return nil, err
	}
	err = db.withTx(ctx, func(tx pgx.Tx) error {
		c, err := getCase(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if err := db.checkVersion(ctx, tx, c, version); err != nil {
			return err
		}
		if err := v.CheckCase(c); err != nil {
			return err
		}
		for _, f := range v.Filings {
			if _, err := tx.Exec(ctx, `INSERT INTO national_action (case_id, day, scope, filing, clerk, recorded_at)
				VALUES ($1,$2,$3,$4,$5,$6)`, id, workday.Format(v.Day), v.Scope, f, clerk, rfc3339(now)); err != nil {
				return fmt.Errorf("record national action: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE cases SET updated_at = $1, version = version + 1 WHERE id = $2`, rfc3339(now), id); err != nil {
			return err
		}
		return addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "national",
			note: v.EventNote()})
	})
	if err != nil {
		return nil, fmt.Errorf("record national action for case %d: %w", id, db.queryErr(err))
	}
	return db.Case(ctx, id)
}

// AddItem adds a material to a case's checklist beyond the FAQ's list (the
// FAQ's lists end in "等"): it starts missing, so the case can be accepted
// only once it is present, and the history records who added it.
func (db *DB) AddItem(ctx context.Context, id, version int64, item, clerk string) (*store.Case, error) {
	now := db.Now()
	err := db.withTx(ctx, func(tx pgx.Tx) error {
		c, err := getCase(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if err := db.checkVersion(ctx, tx, c, version); err != nil {
			return err
		}
		name, err := store.CheckAddItem(c, item)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO material (case_id, pos, item, state) VALUES ($1,$2,$3,$4)`,
			id, len(c.Materials)+1, name, rules.ItemMissing); err != nil {
			return fmt.Errorf("add material: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE cases SET updated_at = $1, version = version + 1 WHERE id = $2`, rfc3339(now), id); err != nil {
			return err
		}
		return addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "check",
			note: store.AddItemNote(name)})
	})
	if err != nil {
		return nil, fmt.Errorf("add item to case %d: %w", id, db.queryErr(err))
	}
	return db.Case(ctx, id)
}
