package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Two windows on one file, each with its own *sql.DB: the second one's
// change, based on what it displayed before the first one's change, is
// refused and overwrites nothing.
func TestTwoWindowsOneCase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "room.db")
	open := func(clock time.Time) *DB {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return clock }
		t.Cleanup(func() { db.Close() })
		return db
	}
	a := open(time.Date(2026, 11, 27, 10, 32, 0, 0, workday.China()))
	b := open(time.Date(2026, 11, 28, 9, 0, 0, 0, workday.China()))
	c := mustCreate(t, a, sampleCase())
	shownA, _ := a.Case(ctx, c.ID)
	shownB, _ := b.Case(ctx, c.ID)
	if _, err := a.MoveCase(ctx, c.ID, shownA.Version, rules.StatusReturned, time.Time{}, "缺公章", "王芳"); err != nil {
		t.Fatal(err)
	}
	_, err := b.UpdateCase(ctx, c.ID, shownB.Version, store.CaseEdit{Sponsor: ptr("太原市另一家科技有限公司")}, "李娜")
	var ce *store.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("stale edit: %v", err)
	}
	// Window B's day is the next one: the message gives the date too.
	if want := "该案件已被 王芳 于 2026-11-27 10:32 修改,请刷新后再试"; ce.Error() != want {
		t.Errorf("message %q, want %q", ce.Error(), want)
	}
	if got, _ := a.Case(ctx, c.ID); got.Sponsor != c.Sponsor || got.Status != rules.StatusReturned || got.Version != 2 {
		t.Fatalf("after the refused edit: %+v", got)
	}
	// Refreshed, window B's edit goes through.
	shownB, _ = b.Case(ctx, c.ID)
	if got, err := b.UpdateCase(ctx, c.ID, shownB.Version, store.CaseEdit{Sponsor: ptr("太原市另一家科技有限公司")}, "李娜"); err != nil || got.Version != 3 {
		t.Fatalf("edit after refresh: %v", err)
	}
}

func ptr(s string) *string { return &s }
