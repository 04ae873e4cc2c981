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

// testUpdateCaseCore: 修改信息 corrects the receipt time, kind, channel and
// sponsor type; the checklist keeps the checks of items that stay, the due
// date follows the new receipt day, the history says old → new, and the
// time bounds and the status rule hold (issue 9 item 6).
func testUpdateCaseCore(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	c := MustCreate(t, db, SampleCase())
	// Check the first item so that its check must survive the rebuild.
	c, err := db.CheckItem(ctx, c.ID, 0, 1, rules.ItemPresent, "原件已核", "李娜")
	if err != nil {
		t.Fatal(err)
	}
	kept := c.Materials[0].Item
	recv := time.Date(2026, 10, 9, 9, 0, 0, 0, workday.China()) // Friday after the National Day week
	person, bogus, counter := "person", "wechat", "counter"
	// An unknown channel is refused like at registration.
	if got, err := db.UpdateCase(ctx, c.ID, c.Version, store.CaseEdit{Core: store.CoreEdit{
		ReceivedAt: &recv, Channel: &bogus, SponsorType: &person}, CertNo: ptr("")}, "王芳"); err == nil {
		t.Fatalf("channel %q accepted: %+v", bogus, got)
	}
	got, err := db.UpdateCase(ctx, c.ID, c.Version, store.CaseEdit{Core: store.CoreEdit{
		ReceivedAt: &recv, Channel: &counter, SponsorType: &person}, CertNo: ptr("")}, "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if !got.ReceivedAt.Equal(recv) || got.ReceivedDay != "2026-10-09" || got.ClockDay != "2026-10-09" ||
		got.Channel != rules.ChannelCounter || got.SponsorType != rules.SponsorPerson || got.Number != c.Number {
		t.Fatalf("after core edit: %+v", got)
	}
	if got.Due == c.Due || got.Due <= "2026-10-09" {
		t.Errorf("due %s not recomputed (was %s)", got.Due, c.Due)
	}
	if got.Version <= c.Version {
		t.Errorf("version %d not bumped from %d", got.Version, c.Version)
	}
	want := rules.Materials(rules.KindDeregister, rules.SponsorPerson, rules.ApplicantLegal)
	if len(got.Materials) != len(want) {
		t.Fatalf("materials %v, want %v", got.Materials, want)
	}
	for i, m := range got.Materials {
		if m.Item != want[i] {
			t.Fatalf("material %d = %+v, want %s", i, m, want[i])
		}
		wantState := rules.ItemMissing
		if m.Item == kept {
			wantState = rules.ItemPresent
		}
		if m.State != wantState {
			t.Errorf("material %q state %s, want %s", m.Item, m.State, wantState)
		}
	}
	hist, _ := db.History(ctx, c.ID)
	last := hist[len(hist)-1]
	for _, s := range []string{"收件时间", "→", "来件渠道", "主办者类型", "办理期限 " + c.Due + " → " + got.Due} {
		if !strings.Contains(last.Note, s) {
			t.Errorf("history %q lacks %q", last.Note, s)
		}
	}
	// A receipt in the future is refused, and nothing changes.
	future := fixedNow().Add(24 * time.Hour)
	if _, err := db.UpdateCase(ctx, c.ID, 0, store.CaseEdit{Core: store.CoreEdit{ReceivedAt: &future}}, "王芳"); err == nil {
		t.Error("receipt in the future accepted")
	} else {
		var fe *store.FieldError
		if !errors.As(err, &fe) || fe.Field != "received" {
			t.Errorf("error %v", err)
		}
	}
	// Past 已登记/退回补正 the kind stays: the checklist was judged on it.
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusWithdrawn, time.Time{}, "", "王芳"); err != nil {
		t.Fatal(err)
	}
	pw := "password"
	if _, err := db.UpdateCase(ctx, c.ID, 0, store.CaseEdit{Core: store.CoreEdit{Kind: &pw}}, "王芳"); err == nil {
		t.Error("kind changed on a withdrawn case")
	}
	after, _ := db.Case(ctx, c.ID)
	if after.Kind != rules.KindDeregister || !after.ReceivedAt.Equal(recv) {
		t.Errorf("refused edits changed the case: %+v", after)
	}
}
