package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// testStaleVersionRefused: a move, check or edit against a version older
// than the case's is refused, names who changed it and when, and writes
// nothing; version 0 skips the check.
func testStaleVersionRefused(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	c := MustCreate(t, db, SampleCase())
	if c.Version != 1 {
		t.Fatalf("new case version %d", c.Version)
	}
	c2, err := db.CheckItem(ctx, c.ID, c.Version, 1, rules.ItemPresent, "", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if c2.Version != 2 {
		t.Fatalf("version after a check %d", c2.Version)
	}
	histBefore, _ := db.History(ctx, c.ID)
	stale := []struct {
		name string
		do   func() error
	}{
		{"check", func() error {
			_, err := db.CheckItem(ctx, c.ID, c.Version, 2, rules.ItemDefective, "缺公章", "李娜")
			return err
		}},
		{"move", func() error {
			_, err := db.MoveCase(ctx, c.ID, c.Version, rules.StatusWithdrawn, fixedNow(), "", "李娜")
			return err
		}},
		{"edit", func() error {
			_, err := db.UpdateCase(ctx, c.ID, c.Version, store.CaseEdit{Sponsor: ptr("另一家公司")}, "李娜")
			return err
		}},
	}
	for _, tt := range stale {
		err := tt.do()
		var ce *store.ConflictError
		if !errors.As(err, &ce) || !errors.Is(err, store.ErrConflict) || ce.Clerk != "王芳" {
			t.Fatalf("%s on a stale version: %v", tt.name, err)
		}
		// The clock reads 10:00 China time today: the message gives the time only.
		if !strings.Contains(err.Error(), "该案件已被 王芳 于 10:00 修改,请刷新后再试") {
			t.Errorf("%s: message %q", tt.name, err.Error())
		}
	}
	now, err := db.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Version != 2 || now.Status != rules.StatusReceived || now.Sponsor != c.Sponsor ||
		now.Materials[1].State != rules.ItemMissing {
		t.Fatalf("a refused change was written: %+v", now)
	}
	if hist, _ := db.History(ctx, c.ID); len(hist) != len(histBefore) {
		t.Fatalf("history grew from %d to %d events", len(histBefore), len(hist))
	}
	// The current version, and 0, go through; each change raises the version.
	if c3, err := db.UpdateCase(ctx, c.ID, 2, store.CaseEdit{Contact: ptr("赵敏")}, "李娜"); err != nil || c3.Version != 3 {
		t.Fatalf("edit on the current version: %v", err)
	}
	if c4, err := db.MoveCase(ctx, c.ID, 0, rules.StatusReturned, fixedNow(), "缺材料", "李娜"); err != nil || c4.Version != 4 {
		t.Fatalf("move with version 0: %v", err)
	}
	if _, err := db.AddCaseFile(ctx, c.ID, "scan.pdf", strings.NewReader("%PDF-1.4"), "李娜"); err != nil {
		t.Fatal(err)
	}
	if c5, _ := db.Case(ctx, c.ID); c5.Version != 5 {
		t.Fatalf("version after a file %d, want 5", c5.Version)
	}
}
