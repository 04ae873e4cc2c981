package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
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
		ed, err := e.Apply(c, now)
		if err != nil {
			return err
		}
		if ed.Empty() {
			return nil
		}
		in, v := ed.In, ed.Valid
		var core []string
		if ed.Core != nil {
			if core, err = updateCore(ctx, tx, c, ed); err != nil {
				return err
			}
		}
		details, _ := json.Marshal(nonNilMap(in.Details))
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET sponsor = ?, cert_no = ?, provider = ?, contact = ?,
			phone = ?, note = ?, filings = ?, domains = ?, details = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
			in.Sponsor, v.CertNo, in.Provider, in.Contact, v.Phone, in.Note, jsonList(v.Filings),
			jsonList(v.Domains), string(details), rfc3339(now), id); err != nil {
			return fmt.Errorf("update case: %w", err)
		}
		if err := addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "edit",
			note: ed.EventNote(core)}); err != nil {
			return err
		}
		return indexCase(ctx, tx, id)
	})
	if err != nil {
		return nil, fmt.Errorf("edit case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}

// updateCore stores what a store.CoreEdit changes (ed.Core): kind, channel,
// sponsor type, receipt time and day, clock day, the due date recomputed
// with the book's calendar, and the rebuilt checklist. It returns the
// history notes, the due date's included. The version is bumped by the
// caller's update of the other fields.
func updateCore(ctx context.Context, tx *sql.Tx, c *store.Case, ed *store.Edited) ([]string, error) {
	ch, v := ed.Core, ed.Valid
	due, notes, err := ed.CoreDue(c, func(k rules.Kind, day time.Time) (string, error) {
		return dueDate(ctx, tx, k, day)
	})
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE cases SET kind = ?, channel = ?, sponsor_type = ?, received_at = ?,
		received_day = ?, clock_day = ?, due = ? WHERE id = ?`, v.Kind, v.Channel, v.SponsorType,
		rfc3339(ed.In.ReceivedAt), ch.ReceivedDay, ch.ClockDay, nullString(due), c.ID); err != nil {
		return nil, fmt.Errorf("update case: %w", err)
	}
	if ch.Materials != nil {
		if err := replaceMaterials(ctx, tx, c.ID, ch.Materials); err != nil {
			return nil, err
		}
	}
	return notes, nil
}

// replaceMaterials stores items as the case's checklist, keeping who
// checked an item and when for every item whose text stays.
func replaceMaterials(ctx context.Context, tx *sql.Tx, caseID int64, items []rules.Item) error {
	type checked struct {
		at sql.NullString
		by string
	}
	kept := map[string]checked{}
	rows, err := tx.QueryContext(ctx, `SELECT item, checked_at, checked_by FROM material WHERE case_id = ?`, caseID)
	if err != nil {
		return fmt.Errorf("materials: %w", err)
	}
	for rows.Next() {
		var item string
		var k checked
		if err := rows.Scan(&item, &k.at, &k.by); err != nil {
			rows.Close()
			return fmt.Errorf("materials: %w", err)
		}
		kept[item] = k
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("materials: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM material WHERE case_id = ?`, caseID); err != nil {
		return fmt.Errorf("materials: %w", err)
	}
	for i, it := range items {
		k := kept[it.Item]
		if _, err := tx.ExecContext(ctx, `INSERT INTO material (case_id, pos, item, state, note, checked_at, checked_by)
			VALUES (?,?,?,?,?,?,?)`, caseID, i+1, it.Item, string(it.State), it.Note, k.at, k.by); err != nil {
			return fmt.Errorf("materials: %w", err)
		}
	}
	return nil
}
