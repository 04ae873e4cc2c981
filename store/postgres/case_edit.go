package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
)

// UpdateCase validates e against the case's own kind and sponsor type,
// applies it and records which fields changed in the history.
func (db *DB) UpdateCase(ctx context.Context, id, version int64, e store.CaseEdit, clerk string) (*store.Case, error) {
	now := db.Now()
	err := db.withTx(ctx, func(tx pgx.Tx) error {
		c, err := getCase(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if err := db.checkVersion(ctx, tx, c, version); err != nil {
			return err
		}
		ed, err := e.Apply(c)
		if err != nil {
			return err
		}
		if len(ed.Changed) == 0 {
			return nil
		}
		in, v := ed.In, ed.Valid
		details, _ := json.Marshal(nonNilMap(in.Details))
		if _, err := tx.Exec(ctx, `UPDATE cases SET sponsor = $1, cert_no = $2, provider = $3, contact = $4,
			phone = $5, note = $6, filings = $7, domains = $8, details = $9, updated_at = $10,
			version = version + 1 WHERE id = $11`,
			in.Sponsor, v.CertNo, in.Provider, in.Contact, v.Phone, in.Note, jsonList(v.Filings),
			jsonList(v.Domains), string(details), rfc3339(now), id); err != nil {
			return fmt.Errorf("update case: %w", err)
		}
		if err := addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "edit",
			note: msgEventEdit + ":" + strings.Join(ed.Changed, "、")}); err != nil {
			return err
		}
		return reindex(ctx, tx, id)
	})
	if err != nil {
		return nil, fmt.Errorf("edit case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}
