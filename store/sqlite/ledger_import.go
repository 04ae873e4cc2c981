package sqlite

import (
	"beiandesk/store"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// ImportLegacyCases brings historic cases in, in one transaction: either
// every valid row is stored or (on an error, a crash or cancellation)
// nothing is. Each row is checked as 登记 checks a new case; a row already
// imported from the same file and sheet, or matching an existing case by
// sponsor, filing number and day of receipt, counts as a duplicate and is
// skipped. Rows failing a check are returned in Invalid and skipped.
func (db *DB) ImportLegacyCases(ctx context.Context, b store.LedgerBatch, clerk string) (*store.LedgerResult, error) {
	if b.FileSHA256 == "" {
		return nil, errors.New("import ledger: no file hash")
	}
	now := db.Now()
	res := &store.LedgerResult{}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	defer tx.Rollback()
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		return nil, err
	}
	ins, err := tx.ExecContext(ctx, `INSERT INTO ledger_import (file_name, file_sha256, sheet, imported_at,
		clerk, rows, imported, duplicates, invalid) VALUES (?,?,?,?,?,?,0,0,0)`,
		b.FileName, b.FileSHA256, b.Sheet, rfc3339(now), clerk, b.Rows)
	if err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	importID, _ := ins.LastInsertId()
	li := &legacyImporter{tx: tx, cal: cal, now: now, clerk: clerk, batch: &b, importID: importID,
		deadlines: map[rules.Kind]int{}}
	for i, lc := range b.Cases {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("import ledger: %w", err)
		}
		id, dup, err := li.importRow(ctx, lc)
		if err := res.Add(lc.Row, id, dup, err); err != nil {
			return nil, err
		}
		if b.Progress != nil {
			b.Progress(i+1, len(b.Cases))
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ledger_import SET imported = ?, duplicates = ?, invalid = ? WHERE id = ?`,
		res.Imported, res.Duplicates, b.Invalid+len(res.Invalid), importID); err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	if b.DryRun {
		return res, nil // the deferred rollback undoes everything
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	return res, nil
}

type legacyImporter struct {
	tx        *sql.Tx
	cal       *workday.Calendar
	now       time.Time
	clerk     string
	batch     *store.LedgerBatch
	importID  int64
	deadlines map[rules.Kind]int
}

// importRow stores one row; dup reports a duplicate, a *store.FieldError an
// invalid row.
func (li *legacyImporter) importRow(ctx context.Context, lc store.LegacyCase) (id int64, dup bool, err error) {
	tx, b := li.tx, li.batch
	var known int64
	err = tx.QueryRowContext(ctx, `SELECT case_id FROM ledger_row WHERE file_sha256 = ? AND sheet = ? AND row = ?`,
		b.FileSHA256, b.Sheet, lc.Row).Scan(&known)
	if err == nil {
		return known, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, err
	}
	lr, err := lc.Check(li.now)
	if err != nil {
		return 0, false, err
	}
	v, sponsor, recv, day, status, at := lr.Valid, lr.Sponsor, lr.Received, lr.Day, lr.Status, lr.At
	if known, err = li.sameCase(ctx, sponsor, workday.Format(day), v.Filings, v.Domains); err != nil {
		return 0, false, err
	}
	if known != 0 {
		return known, true, li.remember(ctx, lc.Row, known)
	}

	n, ok := li.deadlines[v.Kind]
	if !ok {
		if n, err = deadlineDays(ctx, tx, v.Kind); err != nil {
			return 0, false, err
		}
		li.deadlines[v.Kind] = n
	}
	due := ""
	if n > 0 {
		due = workday.Format(li.cal.AddWorkdays(day, n))
	}
	prefix := store.NumberPrefix(v.Kind)
	var seq int
	if err := tx.QueryRowContext(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES (?, ?, 1)
		ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1 RETURNING last`,
		prefix, day.Year()).Scan(&seq); err != nil {
		return 0, false, fmt.Errorf("number: %w", err)
	}
	number := fmt.Sprintf("%s-%d-%04d", prefix, day.Year(), seq)
	details, _ := json.Marshal(v.StoredDetails(lc.Case.Details))
	var closedAt, closedDay any
	if status.Final() {
		closedAt, closedDay = chinaTime(at), workday.Format(workday.DayOf(at))
	}
	r, err := tx.ExecContext(ctx, `INSERT INTO cases (number, kind, channel, status, received_at,
		received_day, clock_day, due, closed_at, closed_day, sponsor_type, applicant, sponsor, cert_no,
		provider, contact, phone, filings, domains, details, note, legacy_no, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		number, v.Kind, v.Channel, status, chinaTime(recv), workday.Format(day), workday.Format(day),
		nullString(due), closedAt, closedDay, v.SponsorType, v.Applicant, sponsor, v.CertNo,
		strings.TrimSpace(lc.Case.Provider), strings.TrimSpace(lc.Case.Contact), v.Phone,
		jsonList(v.Filings), jsonList(v.Domains), string(details), strings.TrimSpace(lc.Case.Note),
		strings.TrimSpace(lc.LegacyNo), rfc3339(li.now), rfc3339(li.now))
	if err != nil {
		return 0, false, fmt.Errorf("insert case: %w", err)
	}
	id, _ = r.LastInsertId()
	itemState := lr.ItemState
	for i, item := range v.Materials() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO material (case_id, pos, item, state, note) VALUES (?,?,?,?,?)`,
			id, i+1, item, itemState, ""); err != nil {
			return 0, false, fmt.Errorf("insert material: %w", err)
		}
	}
	clerk := strings.TrimSpace(lc.Clerk)
	if clerk == "" {
		clerk = li.clerk
	}
	note := store.LedgerEventNote(b.FileName, lc.Row)
	events := []event{{caseID: id, at: recv, recorded: li.now, clerk: clerk, action: "create", to: rules.StatusReceived, note: note}}
	from := rules.StatusReceived
	for _, to := range lr.Path {
		events = append(events, event{caseID: id, at: at, recorded: li.now, clerk: clerk, action: "status",
			from: from, to: to, note: store.LedgerEventShort})
		from = to
	}
	for _, e := range events {
		if err := addEvent(ctx, tx, e); err != nil {
			return 0, false, err
		}
	}
	if err := indexCase(ctx, tx, id); err != nil {
		return 0, false, err
	}
	return id, false, li.remember(ctx, lc.Row, id)
}

func (li *legacyImporter) remember(ctx context.Context, row int, caseID int64) error {
	_, err := li.tx.ExecContext(ctx, `INSERT INTO ledger_row (file_sha256, sheet, row, case_id, import_id)
		VALUES (?,?,?,?,?)`, li.batch.FileSHA256, li.batch.Sheet, row, caseID, li.importID)
	if err != nil {
		return fmt.Errorf("ledger row: %w", err)
	}
	return nil
}

// sameCase finds a case received on day from the same sponsor about one of
// the same filings (or, when the row names no filing, one of the same
// domains, or neither): the same request written into another ledger file,
// or already registered in the app.
func (li *legacyImporter) sameCase(ctx context.Context, sponsor, day string, filings, domains []string) (int64, error) {
	rows, err := li.tx.QueryContext(ctx, `SELECT id, filings, domains FROM cases WHERE received_day = ? AND sponsor = ?`, day, sponsor)
	if err != nil {
		return 0, fmt.Errorf("duplicates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var fj, dj string
		if err := rows.Scan(&id, &fj, &dj); err != nil {
			return 0, fmt.Errorf("duplicates: %w", err)
		}
		var fs, ds []string
		_ = json.Unmarshal([]byte(fj), &fs)
		_ = json.Unmarshal([]byte(dj), &ds)
		if store.SameLedgerRequest(filings, domains, fs, ds) {
			return id, nil
		}
	}
	return 0, rows.Err()
}
