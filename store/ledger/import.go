package ledger

import (
	"context"
	"sort"

	"beiandesk/store"
)

// Report is what an import did (or, in a dry run, would do). Its JSON is
// the command line's output.
type Report struct {
	File       string            `json:"file"`
	Sheet      string            `json:"sheet"`
	Rows       int               `json:"rows"`
	Imported   int               `json:"imported"`
	Duplicates int               `json:"duplicates"`
	Invalid    []Problem         `json:"invalid"`
	Mapping    map[string]string `json:"mapping"`
	DryRun     bool              `json:"dry_run"`
	CaseIDs    []int64           `json:"case_ids"`
}

// Options tune an import.
type Options struct {
	DryRun bool
	Clerk  string // recorded when a row names no 经办人
	// Progress is called from the importing goroutine after each row.
	Progress func(done, total int)
}

// Import checks every row of t under mapping m and stores the valid ones
// as historic cases in one transaction. Invalid rows are listed and left
// out; duplicates (the same file's row again, or the same sponsor, filing
// and day of receipt) are counted and left out.
func Import(ctx context.Context, db store.LedgerService, t *Table, m Mapping, opt Options) (*Report, error) {
	if err := CheckMapping(m); err != nil {
		return nil, err
	}
	cases, probs := Convert(t, m)
	rep := &Report{File: t.File, Sheet: t.Sheet, Mapping: m.Named(t.Headers), DryRun: opt.DryRun,
		Invalid: probs, CaseIDs: []int64{}}
	rep.Rows = len(cases) + len(probs)
	res, err := db.ImportLegacyCases(ctx, store.LedgerBatch{
		FileName: t.File, FileSHA256: t.SHA256, Sheet: t.Sheet, Rows: rep.Rows, Invalid: len(probs),
		Cases: cases, DryRun: opt.DryRun, Progress: opt.Progress,
	}, opt.Clerk)
	if err != nil {
		return nil, err
	}
	rep.Imported, rep.Duplicates = res.Imported, res.Duplicates
	if res.CaseIDs != nil {
		rep.CaseIDs = res.CaseIDs
	}
	for _, p := range res.Invalid {
		rep.Invalid = append(rep.Invalid, Problem{Row: p.Row, Column: t.column(m, storeField(p.Field)), Reason: p.Err.Error()})
	}
	sort.SliceStable(rep.Invalid, func(i, j int) bool { return rep.Invalid[i].Row < rep.Invalid[j].Row })
	if rep.Invalid == nil {
		rep.Invalid = []Problem{}
	}
	return rep, nil
}
