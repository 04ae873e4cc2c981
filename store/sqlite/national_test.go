package sqlite

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// The national record is evidence: the table refuses changes, even by
// hand.
func TestNationalActionAppendOnly(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "case.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Now = func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China()) }
	c := mustCreate(t, db, sampleCase())
	for i := range c.Materials {
		if _, err := db.CheckItem(ctx, c.ID, 0, i+1, rules.ItemPresent, "", "李娜"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusAccepted, time.Time{}, "", "李娜"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RecordNational(ctx, c.ID, 0, store.NationalRecord{Day: "2026-10-09", Scope: "site",
		Filings: []string{"晋ICP备12345678号-1"}}, "李娜"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM national_action`, `UPDATE national_action SET clerk = 'x'`} {
		if _, err := db.db.ExecContext(ctx, q); err == nil {
			t.Errorf("%s succeeded", q)
		}
	}
}
