package bookcopy_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"beiandesk/store/bookcopy"
	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
	"beiandesk/store/report"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

// The monthly workbook from a book and from its copy on the server is the
// same, sheet by sheet and cell by cell.
func TestReportSameOnBothBackEnds(t *testing.T) {
	ctx := context.Background()
	c := pgtest.Get(t)
	dir := t.TempDir()
	src, err := sqlite.Open(ctx, filepath.Join(dir, "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	fill(t, src)
	pg, err := postgres.Open(ctx, c.SuperURL(c.NewDatabase(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	if _, err := bookcopy.Copy(ctx, src, pg); err != nil {
		t.Fatal(err)
	}
	from, to := workday.Date(2026, 9, 1), workday.Date(2026, 10, 31)
	today := time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China())
	cells := func(name string, db report.Source) map[string][][]string {
		r, err := report.Compute(ctx, db, from, to, today)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name+".xlsx")
		if err := report.Write(r, path); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		out := map[string][][]string{}
		for _, sheet := range x.GetSheetList() {
			rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			out[sheet] = rows
		}
		return out
	}
	a, b := cells("sqlite", src), cells("postgres", pg)
	if len(a) < 3 {
		t.Fatalf("only sheets %v", a)
	}
	for sheet, rows := range a {
		if !reflect.DeepEqual(rows, b[sheet]) {
			t.Errorf("sheet %s differs:\nsqlite   %q\npostgres %q", sheet, rows, b[sheet])
		}
	}
	if len(a["明细"]) < 2 {
		t.Errorf("明细 has no case rows: %q", a["明细"])
	}
}
