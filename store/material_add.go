package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"beiandesk/store/rules"
)

// AddItem adds a material to a case's checklist beyond the FAQ's list (the
// FAQ's lists end in "等"): it starts missing, so the case can be accepted
// only once it is present, and the history records who added it.
func (db *DB) AddItem(ctx context.Context, id int64, item, clerk string) (*Case, error) {
	now := db.Now()
	item = strings.TrimSpace(item)
	if item == "" {
		return nil, fieldErrf("add", msgItemEmpty)
	}
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Status != rules.StatusReceived && c.Status != rules.StatusReturned {
			return fieldErrf("add", msgCheckClosed, c.Status.Label())
		}
		for _, it := range c.Materials {
			if it.Item == item {
				return fieldErrf("add", msgItemDuplicate, item)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO material (case_id, pos, item, state) VALUES (?,?,?,?)`,
			id, len(c.Materials)+1, item, rules.ItemMissing); err != nil {
			return fmt.Errorf("add material: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, rfc3339(now), id); err != nil {
			return err
		}
		return addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "check",
			note: fmt.Sprintf(msgEventAddItem, item)})
	})
	if err != nil {
		return nil, fmt.Errorf("add item to case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}
