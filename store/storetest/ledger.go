package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// ledgerRows are rows of an old ledger as store/ledger hands them over:
// rows 2 (done by 王芳) and 6 (returned, no 经办人) are new, 3 has no
// sponsor, 4 repeats row 2 (same sponsor, filing and day), 5 is 办结 without
// a 办结日期 and 7 closes before it was received.
func ledgerRows() []store.LegacyCase {
	cst := workday.China()
	mk := func(row int, no, sponsor, filing string, recv time.Time) store.LegacyCase {
		nc := SampleCase()
		nc.Sponsor, nc.ReceivedAt = sponsor, recv
		nc.Filings, nc.Domains = []string{filing}, nil
		return store.LegacyCase{Row: row, Case: nc, LegacyNo: no}
	}
	done := mk(2, "LEG-0042", "太原市晋阳网络科技有限公司", "晋ICP备12345678号-1", time.Date(2026, 3, 2, 0, 0, 0, 0, cst))
	done.Status, done.ClosedAt, done.Clerk = rules.StatusDone, time.Date(2026, 3, 6, 0, 0, 0, 0, cst), "王芳"
	noSponsor := mk(3, "LEG-0043", " ", "晋ICP备22345678号", time.Date(2026, 3, 3, 0, 0, 0, 0, cst))
	again := mk(4, "LEG-0044", "太原市晋阳网络科技有限公司", "晋ICP备12345678号-1", time.Date(2026, 3, 2, 0, 0, 0, 0, cst))
	again.Status, again.ClosedAt = rules.StatusDone, time.Date(2026, 3, 6, 0, 0, 0, 0, cst)
	noClose := mk(5, "LEG-0045", "大同市云冈科技有限公司", "晋ICP备32345678号", time.Date(2026, 3, 4, 0, 0, 0, 0, cst))
	noClose.Status = rules.StatusRejected
	returned := mk(6, "LEG-0046", "晋中市平遥古城文化有限公司", "晋ICP备42345678号", time.Date(2026, 3, 5, 0, 0, 0, 0, cst))
	returned.Status = rules.StatusReturned
	early := mk(7, "LEG-0047", "长治市上党科技有限公司", "晋ICP备52345678号", time.Date(2026, 3, 9, 0, 0, 0, 0, cst))
	early.Status, early.ClosedAt = rules.StatusDone, time.Date(2026, 3, 6, 0, 0, 0, 0, cst)
	return []store.LegacyCase{done, noSponsor, again, noClose, returned, early}
}

func ledgerBatch(sha string) store.LedgerBatch {
	return store.LedgerBatch{FileName: "台账.xlsx", FileSHA256: sha, Sheet: "2026年", Rows: 7, Invalid: 1, Cases: ledgerRows()}
}

// The ledger import: valid rows become cases with their history and due
// date, invalid ones are listed by row and field, duplicates are skipped,
// and the same file again adds nothing.
func testLedgerImport(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	res, err := db.ImportLegacyCases(ctx, ledgerBatch("aa11"), "导入员")
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 2 || res.Duplicates != 1 || len(res.CaseIDs) != 2 {
		t.Fatalf("result %+v", res)
	}
	wantBad := map[int]string{3: "sponsor", 5: "closed", 7: "closed"}
	if len(res.Invalid) != len(wantBad) {
		t.Fatalf("invalid %+v", res.Invalid)
	}
	for _, p := range res.Invalid {
		if wantBad[p.Row] != p.Field || p.Err == nil || !hasHan(p.Err.Error()) {
			t.Errorf("invalid row %d field %q: %v", p.Row, p.Field, p.Err)
		}
	}
	done, err := db.Case(ctx, res.CaseIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	if done.LegacyNo != "LEG-0042" || done.Status != rules.StatusDone || done.ReceivedDay != "2026-03-02" ||
		done.ClosedDay != "2026-03-06" || done.Due != "2026-03-09" || done.Number != "ZX-2026-0001" || !done.Complete() {
		t.Errorf("done case %+v", done)
	}
	ret, _ := db.Case(ctx, res.CaseIDs[1])
	if ret.LegacyNo != "LEG-0046" || ret.Status != rules.StatusReturned || ret.ClosedAt != nil || ret.Complete() {
		t.Errorf("returned case %+v", ret)
	}
	// History from the ledger's dates, marked 台账导入. The ledger's 经办人
	// is the events' clerk where the back end may record it (SQLite), or
	// named in their note where the server sets the clerk from the login
	// (PostgreSQL).
	hist, _ := db.History(ctx, done.ID)
	if len(hist) != 3 || hist[0].Action != "create" || !hist[0].At.Equal(done.ReceivedAt) ||
		hist[1].To != rules.StatusAccepted || hist[2].To != rules.StatusDone || !hist[2].At.Equal(*done.ClosedAt) {
		t.Fatalf("history %+v", hist)
	}
	for _, e := range hist {
		if !strings.Contains(e.Note, "台账导入") || (e.Clerk != "王芳" && !strings.Contains(e.Note, "王芳")) {
			t.Errorf("event %+v: want 台账导入 and 王芳", e)
		}
	}
	if h, _ := db.History(ctx, ret.ID); len(h) != 2 || h[1].To != rules.StatusReturned || strings.Contains(h[0].Note, "王芳") {
		t.Errorf("returned history %+v", h)
	}
	// The historic number is searchable.
	found, err := db.Cases(ctx, store.Filter{Query: "LEG-0046"}, false)
	if err != nil || len(found) != 1 || found[0].ID != ret.ID {
		t.Errorf("search by legacy number: %+v %v", found, err)
	}
	// The same file again: every valid row is a duplicate.
	again, err := db.ImportLegacyCases(ctx, ledgerBatch("aa11"), "导入员")
	if err != nil || again.Imported != 0 || again.Duplicates != 3 || len(again.Invalid) != 3 {
		t.Fatalf("second import %+v %v", again, err)
	}
	// Another file with the same request: a duplicate by sponsor, filing
	// and day.
	other := ledgerBatch("bb22")
	other.Cases = other.Cases[:1]
	if r, err := db.ImportLegacyCases(ctx, other, "导入员"); err != nil || r.Imported != 0 || r.Duplicates != 1 {
		t.Fatalf("other file %+v %v", r, err)
	}
	if n, _ := db.CountCases(ctx, store.Filter{}); n != 2 {
		t.Fatalf("%d cases", n)
	}
	// The year's report counts them.
	cst := workday.China()
	recs, err := db.ReportCases(ctx, time.Date(2026, 3, 1, 0, 0, 0, 0, cst), time.Date(2026, 3, 31, 0, 0, 0, 0, cst))
	if err != nil || len(recs) != 2 {
		t.Fatalf("report cases %d %v", len(recs), err)
	}
}

// A dry run checks everything and stores nothing; a cancelled import (as a
// crash) leaves nothing half-imported.
func testLedgerDryRunAndCancel(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	b := ledgerBatch("cc33")
	b.DryRun = true
	res, err := db.ImportLegacyCases(ctx, b, "导入员")
	if err != nil || res.Imported != 2 || res.Duplicates != 1 || len(res.Invalid) != 3 {
		t.Fatalf("dry run %+v %v", res, err)
	}
	if n, _ := db.CountCases(ctx, store.Filter{}); n != 0 {
		t.Fatalf("dry run stored %d cases", n)
	}
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	b = ledgerBatch("cc33")
	var calls int
	b.Progress = func(done, total int) {
		calls++
		if total != len(b.Cases) {
			t.Errorf("progress total %d", total)
		}
		if done == 2 {
			cancel()
		}
	}
	if _, err := db.ImportLegacyCases(cctx, b, "导入员"); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled import: %v", err)
	}
	if n, _ := db.CountCases(ctx, store.Filter{}); n != 0 {
		t.Fatalf("%d cases after a cancelled import", n)
	}
	// Nothing of either run is remembered: the real import takes every row.
	res, err = db.ImportLegacyCases(ctx, ledgerBatch("cc33"), "导入员")
	if err != nil || res.Imported != 2 {
		t.Fatalf("import after the dry run and the cancelled one: %+v %v", res, err)
	}
	// Numbers went on without a gap.
	for i, id := range res.CaseIDs {
		c, _ := db.Case(ctx, id)
		if want := store.CaseNumber(rules.KindDeregister, 2026, i+1); c.Number != want {
			t.Errorf("case %d number %s, want %s", i, c.Number, want)
		}
	}
}

// A whole case copied with its legacy number keeps it, searchable.
func testImportCasesLegacyNo(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	recv := time.Date(2026, 10, 8, 9, 30, 0, 0, workday.China())
	ids, err := db.ImportCases(ctx, []store.CaseRecord{{Case: store.Case{Kind: rules.KindDeregister,
		Channel: rules.ChannelFax, Status: rules.StatusReceived, ReceivedAt: recv, SponsorType: rules.SponsorOrg,
		Applicant: rules.ApplicantLegal, Sponsor: "朔州市科技有限公司", LegacyNo: "台-2019-17"}}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Case(ctx, ids[0])
	if err != nil || c.LegacyNo != "台-2019-17" {
		t.Fatalf("legacy no %q %v", c.LegacyNo, err)
	}
	if found, _ := db.Cases(ctx, store.Filter{Query: "2019-17"}, false); len(found) != 1 {
		t.Errorf("search by legacy number found %d", len(found))
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
