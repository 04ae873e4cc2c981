package store

import (
	"context"
	"time"

	"beiandesk/store/rules"
)

// LegacyCase is one row of the old ledger (台账), read and checked by
// store/ledger, ready to become a case.
type LegacyCase struct {
	Row      int // row number in the sheet, as the spreadsheet shows it
	Case     NewCase
	LegacyNo string       // the ledger's own number (序号)
	Status   rules.Status // where the case stands according to the ledger
	// ClosedAt is when the case reached Status (办结日期). Zero for an open
	// case; a returned or accepted case without it moved on its receipt day.
	ClosedAt time.Time
	Clerk    string // 经办人; "" means the clerk running the import
}

// LedgerBatch is one import run: the rows of one sheet of one file.
type LedgerBatch struct {
	FileName   string
	FileSHA256 string
	Sheet      string
	Rows       int // data rows in the sheet, valid or not (for the record)
	Invalid    int // rows already rejected by the reader (for the record)
	Cases      []LegacyCase
	// DryRun checks everything (duplicates included) and then rolls back.
	DryRun bool
	// Progress, when set, is called after each row from the importing
	// goroutine.
	Progress func(done, total int)
}

// LedgerProblem is a row that was not imported. Field is the store's field
// name ("cert-no", "filing", "received", "closed", "sponsor", …).
type LedgerProblem struct {
	Row   int
	Field string
	Err   error
}

// LedgerResult is what an import did (or, in a dry run, would do).
type LedgerResult struct {
	Imported   int
	Duplicates int
	Invalid    []LedgerProblem
	CaseIDs    []int64 // the new cases, in row order
}

// LedgerService brings the old Excel ledger (台账) in.
type LedgerService interface {
	// ImportLegacyCases brings historic cases in, in one transaction:
	// either every valid row is stored or nothing is. Each row is checked
	// as 登记 checks a new case; a row already imported from the same file
	// and sheet, or matching an existing case by sponsor, filing number and
	// day of receipt, counts as a duplicate. Rows failing a check are
	// returned in Invalid and skipped.
	ImportLegacyCases(ctx context.Context, b LedgerBatch, clerk string) (*LedgerResult, error)
}
