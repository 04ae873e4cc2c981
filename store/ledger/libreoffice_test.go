package ledger

import (
	"context"
	"slices"
	"testing"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// testdata/libreoffice.xlsx was written by LibreOffice Calc 7.4 from
// testdata/libreoffice.csv:
//
//	soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx libreoffice.csv
//
// Calc turned the ISO and slashed dates into date cells (serials) and kept
// the others as text, so one sheet holds both kinds.
func TestLibreOfficeLedger(t *testing.T) {
	ctx := context.Background()
	tab, err := ReadFile(ctx, "testdata/libreoffice.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	if tab.HeaderRow != 2 || tab.Year != 2025 || len(tab.Rows) != 4 {
		t.Fatalf("header row %d, year %d, %d rows", tab.HeaderRow, tab.Year, len(tab.Rows))
	}
	if !tab.Rows[0].serial(1) {
		t.Errorf("LibreOffice wrote 2025-03-03 as %q, not as a date cell", tab.Rows[0].Cells[1])
	}
	db := openDB(t)
	rep, err := Import(ctx, db, tab, DetectMapping(tab.Headers), Options{Clerk: "导入员"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 3 || len(rep.Invalid) != 1 || rep.Invalid[0].Row != 6 || rep.Invalid[0].Column != "证件号码" {
		t.Fatalf("%+v", rep)
	}
	cs, err := db.Cases(ctx, store.Filter{Order: "received"}, false)
	if err != nil || len(cs) != 3 {
		t.Fatal(cs, err)
	}
	want := []struct {
		legacy, recv, closed string
		status               rules.Status
		filings              int
	}{
		{"LO-1", "2025-03-03", "2025-03-07", rules.StatusDone, 2},
		{"LO-2", "2025-03-04", "2025-03-06", rules.StatusRejected, 1},
		{"LO-3", "2025-03-05", "", rules.StatusReturned, 1},
	}
	for i, w := range want {
		c := cs[i]
		if c.LegacyNo != w.legacy || c.ReceivedDay != w.recv || c.ClosedDay != w.closed || c.Status != w.status || len(c.Filings) != w.filings {
			t.Errorf("case %d: %s %s %s %s %q, want %+v", i, c.LegacyNo, c.ReceivedDay, c.ClosedDay, c.Status, c.Filings, w)
		}
	}
	if !slices.Equal(cs[2].Domains, []string{"a.cn", "b.cn"}) {
		t.Errorf("LO-3 domains %q", cs[2].Domains)
	}
}
