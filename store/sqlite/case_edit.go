package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"beiandesk/store"
)

// UpdateCase validates e against the case's own kind and sponsor type,
// applies it and records which fields changed in the history. Every case can
// be corrected, closed ones too: the history shows what was changed and by whom.
func (db *DB) UpdateCase(ctx context.Context, id, version int64, e store.CaseEdit, clerk string) (*store.Case, error) {
	now := db.Now()
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, id)
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
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET sponsor = ?, cert_no = ?, provider = ?, contact = ?,
			phone = ?, note = ?, filings = ?, domains = ?, details = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
			in.Sponsor, v.CertNo, in.Provider, in.Contact, v.Phone, in.Note, jsonList(v.Filings),
			jsonList(v.Domains), string(details), rfc3339(now), id); err != nil {
			return fmt.Errorf("update case: %w", err)
		}
		if err := addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "edit",
			note: msgEventEdit + ":" + strings.Join(ed.Changed, "、")}); err != nil {
			return err
		}
		return indexCase(ctx, tx, id)
	})
	if err != nil {
		return nil, fmt.Errorf("edit case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}
