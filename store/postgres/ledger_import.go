package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// ledgerLock is the advisory lock key that makes imports of a ledger go one
// after the other: two workstations importing the same file at once would
// otherwise both miss each other's rows and collide on them.
const ledgerLock int64 = 0x6265_6961_6e64_0015

// ImportLegacyCases brings historic cases in, in one transaction: either
// every valid row is stored or (on an error, a lost connection or
// cancellation) nothing is. Each row is checked as 登记 checks a new case; a
// row already imported from the same file and sheet, or matching an
// existing case by sponsor, filing number and day of receipt, counts as a
// duplicate and is skipped. Rows failing a check are returned in Invalid.
//
// The history's clerk is set by the server from the login (see
// beiandesk_event_clerk), so a row's 经办人 cannot become the clerk of its
// events here as it does in a SQLite book: the events name the importing
// clerk, and the 经办人 is written into their note.
func (db *DB) ImportLegacyCases(ctx context.Context, b store.LedgerBatch, clerk string) (*store.LedgerResult, error) {
	if b.FileSHA256 == "" {
		return nil, errors.New("import ledger: no file hash")
	}
	res, err := db.importLegacy(ctx, b, clerk)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("import ledger: %w", ctx.Err())
		}
		return nil, db.queryErr(err)
	}
	return res, nil
}

func (db *DB) importLegacy(ctx context.Context, b store.LedgerBatch, clerk string) (*store.LedgerResult, error) {
	now := db.Now()
	res := &store.LedgerResult{}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, ledgerLock); err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		return nil, err
	}
	var importID int64
	if err := tx.QueryRow(ctx, `INSERT INTO ledger_import (file_name, file_sha256, sheet, imported_at,
		clerk, rows, imported, duplicates, invalid) VALUES ($1,$2,$3,$4,$5,$6,0,0,0) RETURNING id`,
		b.FileName, b.FileSHA256, b.Sheet, rfc3339(now), clerk, b.Rows).Scan(&importID); err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	li := &legacyImporter{db: db, tx: tx, cal: cal, now: now, clerk: clerk, batch: &b, importID: importID,
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
	if _, err := tx.Exec(ctx, `UPDATE ledger_import SET imported = $1, duplicates = $2, invalid = $3 WHERE id = $4`,
		res.Imported, res.Duplicates, b.Invalid+len(res.Invalid), importID); err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	if b.DryRun {
		return res, nil // the deferred rollback undoes everything
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("import ledger: %w", err)
	}
	return res, nil
}

type legacyImporter struct {
	db        *DB
	tx        pgx.Tx
	cal       *workday.Calendar
	now       time.Time
	clerk     string
	batch     *store.LedgerBatch
	importID  int64
	deadlines map[rules.Kind]int
}

// importRow stores one row; dup reports a duplicate, a *store.FieldError an
// invalid row. The checks are the SQLite book's (store/sqlite/ledger_import.go).
func (li *legacyImporter) importRow(ctx context.Context, lc store.LegacyCase) (id int64, dup bool, err error) {
	tx, b := li.tx, li.batch
	var known int64
	err = tx.QueryRow(ctx, `SELECT case_id FROM ledger_row WHERE file_sha256 = $1 AND sheet = $2 AND "row" = $3`,
		b.FileSHA256, b.Sheet, lc.Row).Scan(&known)
	if err == nil {
		return known, true, nil
	}
	if !isNoRows(err) {
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
	if err := tx.QueryRow(ctx, `INSERT INTO case_seq (prefix, year, last) VALUES ($1, $2, 1)
		ON CONFLICT (prefix, year) DO UPDATE SET last = case_seq.last + 1 RETURNING last`,
		prefix, day.Year()).Scan(&seq); err != nil {
		return 0, false, fmt.Errorf("number: %w", err)
	}
	c := store.Case{Number: store.CaseNumber(v.Kind, day.Year(), seq), Sponsor: sponsor, CertNo: v.CertNo,
		Provider: strings.TrimSpace(lc.Case.Provider), Contact: strings.TrimSpace(lc.Case.Contact), Phone: v.Phone,
		Filings: v.Filings, Domains: v.Domains, LegacyNo: strings.TrimSpace(lc.LegacyNo)}
	details, _ := json.Marshal(v.StoredDetails(lc.Case.Details))
	var closedAt, closedDay any
	if status.Final() {
		closedAt, closedDay = chinaTime(at), workday.Format(workday.DayOf(at))
	}
	err = tx.QueryRow(ctx, `INSERT INTO cases (number, kind, channel, status, received_at,
		received_day, clock_day, due, closed_at, closed_day, sponsor_type, applicant, sponsor, cert_no,
		provider, contact, phone, filings, domains, details, note, legacy_no, created_at, updated_at, search)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25) RETURNING id`,
		c.Number, v.Kind, v.Channel, status, chinaTime(recv), workday.Format(day), workday.Format(day),
		nullString(due), closedAt, closedDay, v.SponsorType, v.Applicant, c.Sponsor, c.CertNo,
		c.Provider, c.Contact, c.Phone, jsonList(v.Filings), jsonList(v.Domains), string(details),
		strings.TrimSpace(lc.Case.Note), c.LegacyNo, rfc3339(li.now), rfc3339(li.now), c.SearchText()).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("insert case: %w", err)
	}
	itemState := lr.ItemState
	items := v.Materials()
	if len(items) > 0 {
		rows := make([][]any, len(items))
		for i, item := range items {
			rows[i] = []any{id, i + 1, item, string(itemState), ""}
		}
		if err := li.db.insertRows(ctx, tx, "material", []string{"case_id", "pos", "item", "state", "note"}, rows); err != nil {
			return 0, false, fmt.Errorf("insert material: %w", err)
		}
	}
	note := store.LedgerEventNote(b.FileName, lc.Row)
	short := store.LedgerEventShort
	if ledgerClerk := strings.TrimSpace(lc.Clerk); ledgerClerk != "" {
		note = fmt.Sprintf(msgLedgerEventClerk, note, ledgerClerk)
		short = fmt.Sprintf(msgLedgerEventClerk, short, ledgerClerk)
	}
	events := []event{{caseID: id, at: recv, recorded: li.now, clerk: li.clerk, action: "create", to: rules.StatusReceived, note: note}}
	from := rules.StatusReceived
	for _, to := range lr.Path {
		events = append(events, event{caseID: id, at: at, recorded: li.now, clerk: li.clerk, action: "status",
			from: from, to: to, note: short})
		from = to
	}
	for _, e := range events {
		if err := addEvent(ctx, tx, e); err != nil {
			return 0, false, err
		}
	}
	return id, false, li.remember(ctx, lc.Row, id)
}

func (li *legacyImporter) remember(ctx context.Context, row int, caseID int64) error {
	_, err := li.tx.Exec(ctx, `INSERT INTO ledger_row (file_sha256, sheet, "row", case_id, import_id)
		VALUES ($1,$2,$3,$4,$5)`, li.batch.FileSHA256, li.batch.Sheet, row, caseID, li.importID)
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
	rows, err := li.tx.Query(ctx, `SELECT id, filings, domains FROM cases WHERE received_day = $1 AND sponsor = $2 ORDER BY id`, day, sponsor)
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
