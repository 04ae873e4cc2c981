package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// NationalAction is one filing cancelled in the national filing system
// (备案管理系统) for a case, as the clerk recorded it.
type NationalAction struct {
	Day    string      // YYYY-MM-DD it was done there
	Scope  rules.Scope // subject, site or app
	Filing string      // canonical filing number
	Clerk  string
}

// NationalRecord is what a clerk enters after doing a case's work in the
// national filing system.
type NationalRecord struct {
	Day     string // YYYY-MM-DD; "" means today
	Scope   string
	Filings []string
}

// RecordNational records what was done in the national filing system for an
// accepted deregistration or conflict. 办结 is refused until such a record
// exists (rules.CheckOutcome). Each filing number must fit the scope: the
// holder's number without a suffix for 主体, a site suffix (-1) for 网站,
// an APP or mini-program suffix (-1A, -3X) for APP.
func (db *DB) RecordNational(ctx context.Context, id int64, in NationalRecord, clerk string) (*Case, error) {
	now := db.Now()
	scope, err := rules.ParseScope(in.Scope)
	if err != nil {
		return nil, fieldErr("scope", err)
	}
	day := workday.DayOf(now)
	if s := strings.TrimSpace(in.Day); s != "" {
		if day, err = workday.ParseDate(s); err != nil {
			return nil, fieldErrf("date", msgNationalDate, s)
		}
	}
	if day.After(workday.DayOf(now)) {
		return nil, fieldErrf("date", msgNationalFuture, workday.Format(day))
	}
	if len(in.Filings) == 0 {
		return nil, fieldErrf("filing", msgNationalFilings)
	}
	var filings []string
	for _, s := range in.Filings {
		f, err := validate.ParseFiling(s)
		if err != nil {
			return nil, fieldErr("filing", err)
		}
		if rule := scopeMismatch(scope, f); rule != "" {
			return nil, fieldErrf("filing", msgNationalScope, f.String(), scope.Label(), rule)
		}
		filings = appendUnique(filings, f.String())
	}
	err = db.withTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, id)
		if err != nil {
			return err
		}
		if !rules.NeedsNationalRecord(c.Kind) {
			return fieldErrf("scope", msgNationalKind)
		}
		if c.Status != rules.StatusAccepted {
			return fieldErrf("scope", msgNationalState, c.Status.Label())
		}
		if workday.Format(day) < c.ReceivedDay {
			return fieldErrf("date", msgNationalBefore, workday.Format(day), c.ReceivedDay)
		}
		for _, f := range filings {
			if _, err := tx.ExecContext(ctx, `INSERT INTO national_action (case_id, day, scope, filing, clerk, recorded_at)
				VALUES (?,?,?,?,?,?)`, id, workday.Format(day), scope, f, clerk, rfc3339(now)); err != nil {
				return fmt.Errorf("record national action: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, rfc3339(now), id); err != nil {
			return err
		}
		return addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "national",
			note: fmt.Sprintf(msgEventNational, workday.Format(day), scope.Label(), strings.Join(filings, "、"))})
	})
	if err != nil {
		return nil, fmt.Errorf("record national action for case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}

// scopeMismatch says why f does not fit scope, or "".
func scopeMismatch(scope rules.Scope, f validate.Filing) string {
	switch {
	case scope == rules.ScopeSubject && f.Site != 0:
		return scopeSubjectRule
	case scope == rules.ScopeSite && (f.Site == 0 || f.App || f.Mini):
		return scopeSiteRule
	case scope == rules.ScopeApp && !f.App && !f.Mini:
		return scopeAppRule
	}
	return ""
}

// loadNational fills the national actions of the given cases.
func loadNational(ctx context.Context, q querier, byID map[int64]*Case, ids []any) error {
	rows, err := q.QueryContext(ctx, `SELECT case_id, day, scope, filing, clerk FROM national_action
		WHERE case_id IN (`+placeholders(len(ids))+`) ORDER BY case_id, id`, ids...)
	if err != nil {
		return fmt.Errorf("national actions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var cid int64
		var a NationalAction
		if err := rows.Scan(&cid, &a.Day, &a.Scope, &a.Filing, &a.Clerk); err != nil {
			return err
		}
		byID[cid].National = append(byID[cid].National, a)
	}
	return rows.Err()
}
