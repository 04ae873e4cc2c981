package ledger

import (
	"context"
	"path/filepath"
	"testing"

	"beiandesk/store"
)

// A 2,000-row ledger with 3 % bad rows: every bad row is listed (and only
// those), the rest go in, and a second import adds nothing.
func TestBigLedger(t *testing.T) {
	if testing.Short() {
		t.Skip("2,000 rows")
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	broken := writeBigLedger(t, path, 2000, 33)
	if len(broken) < 55 || len(broken) > 65 {
		t.Fatalf("%d broken rows, want about 3 %%", len(broken))
	}
	db := openDB(t)
	rep := importFile(t, db, path, "", "", false)
	if rep.Rows != 2000 || rep.Imported != 2000-len(broken) || len(rep.Invalid) != len(broken) {
		t.Fatalf("rows %d imported %d invalid %d (broken %d)", rep.Rows, rep.Imported, len(rep.Invalid), len(broken))
	}
	for _, p := range rep.Invalid {
		if !broken[p.Row] || p.Column == "" || !hasHan(p.Reason) {
			t.Errorf("unexpected problem %+v", p)
		}
	}
	again := importFile(t, db, path, "", "", false)
	if again.Imported != 0 || again.Duplicates != rep.Imported {
		t.Fatalf("second import: imported %d duplicates %d", again.Imported, again.Duplicates)
	}
	cs, err := db.Cases(context.Background(), store.Filter{}, false)
	if err != nil || len(cs) != rep.Imported {
		t.Fatalf("%d cases, %v", len(cs), err)
	}
}

// BenchmarkImport2000 reads and imports the 2,000-row ledger into an empty
// book (the bar: 10 s).
func BenchmarkImport2000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.xlsx")
	writeBigLedger(b, path, 2000, 33)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db := openDB(b)
		b.StartTimer()
		tab, err := ReadFile(ctx, path, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Import(ctx, db, tab, DetectMapping(tab.Headers), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
