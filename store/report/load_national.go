package report

import (
	"context"
	"database/sql"
	"fmt"

	"beiandesk/store/rules"
)

// nationalAction is one filing cancelled in the national filing system.
type nationalAction struct {
	day    string // YYYY-MM-DD
	scope  rules.Scope
	filing string
	clerk  string
}

const nationalQuery = `SELECT a.case_id, a.day, a.scope, a.filing, a.clerk
	FROM cases c JOIN national_action a ON a.case_id = c.id
	WHERE ` + periodCases + ` ORDER BY a.case_id, a.id`

// loadNational reads what was done in the national filing system for the
// period's cases, in the same read transaction as the cases.
func loadNational(ctx context.Context, tx *sql.Tx, args []any, byID map[int64]*caseRec) error {
	rows, err := tx.QueryContext(ctx, nationalQuery, args...)
	if err != nil {
		return fmt.Errorf("load national actions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a nationalAction
		if err := rows.Scan(&id, &a.day, &a.scope, &a.filing, &a.clerk); err != nil {
			return fmt.Errorf("load national actions: %w", err)
		}
		if r := byID[id]; r != nil {
			r.national = append(r.national, a)
		}
	}
	return rows.Err()
}
