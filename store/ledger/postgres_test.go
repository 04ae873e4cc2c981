package ledger

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
	"beiandesk/store/report"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The odd ledger imported into a PostgreSQL book gives the same cases, the
// same duplicates and invalid rows, and the same year's figures as in a
// SQLite book. Only the history's clerk differs: the server records the
// login, and the 经办人 goes into the note.
func TestOddLedgerOnPostgres(t *testing.T) {
	ctx := context.Background()
	c := pgtest.Get(t)
	pg, err := postgres.Open(ctx, c.SuperURL(c.NewDatabase(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	pg.Now = func() time.Time { return testNow }
	lite := openDB(t)
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	writeOddLedger(t, path)
	imp := func(db store.LedgerService) *Report {
		tab, err := ReadFile(ctx, path, "")
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Import(ctx, db, tab, DetectMapping(tab.Headers), Options{Clerk: "导入员"})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	want, got := imp(lite), imp(pg)
	if got.Imported != want.Imported || got.Duplicates != want.Duplicates || !slices.Equal(got.Invalid, want.Invalid) {
		t.Fatalf("postgres %+v\nsqlite %+v", got, want)
	}
	type row struct{ number, legacy, status, recv, closed, due, search string }
	cases := func(db store.Book) []row {
		cs, err := db.Cases(ctx, store.Filter{}, true)
		if err != nil {
			t.Fatal(err)
		}
		var out []row
		for _, c := range cs {
			out = append(out, row{c.Number, c.LegacyNo, string(c.Status), c.ReceivedDay, c.ClosedDay, c.Due, c.SearchText()})
		}
		slices.SortFunc(out, func(a, b row) int { return strings.Compare(a.number, b.number) })
		return out
	}
	if w, g := cases(lite), cases(pg); !slices.Equal(w, g) {
		t.Fatalf("cases differ:\npostgres %v\nsqlite   %v", g, w)
	}
	for _, id := range got.CaseIDs {
		cs, _ := pg.Case(ctx, id)
		hist, err := pg.History(ctx, id)
		if err != nil || len(hist) == 0 {
			t.Fatalf("history %v %v", hist, err)
		}
		for _, e := range hist {
			if !strings.Contains(e.Note, "台账导入") || e.Clerk != "导入员" {
				t.Errorf("%s: event %+v", cs.LegacyNo, e)
			}
		}
	}
	if found, err := pg.Cases(ctx, store.Filter{Query: "2026-003"}, false); err != nil || len(found) != 1 || found[0].LegacyNo != "2026-003" {
		t.Errorf("search by legacy number: %v %v", found, err)
	}
	again := imp(pg)
	if again.Imported != 0 || again.Duplicates != want.Imported {
		t.Errorf("second import on postgres: %+v", again)
	}
	rw, err := report.Compute(ctx, lite, d(2026, 1, 1), d(2026, 12, 31), testNow)
	if err != nil {
		t.Fatal(err)
	}
	rg, err := report.Compute(ctx, pg, d(2026, 1, 1), d(2026, 12, 31), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if rw.Figures != rg.Figures {
		t.Errorf("figures: postgres %+v, sqlite %+v", rg.Figures, rw.Figures)
	}
}

// BenchmarkImport2000Postgres is BenchmarkImport2000 into a PostgreSQL
// book on the same machine.
func BenchmarkImport2000Postgres(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	writeBigLedger(b, path, 2000, 33)
	ctx := context.Background()
	c := pgtest.Get(b)
	for b.Loop() {
		b.StopTimer()
		db, err := postgres.Open(ctx, c.SuperURL(c.NewDatabase(b)))
		if err != nil {
			b.Fatal(err)
		}
		db.Now = func() time.Time { return testNow }
		b.StartTimer()
		tab, err := ReadFile(ctx, path, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Import(ctx, db, tab, DetectMapping(tab.Headers), Options{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
}
