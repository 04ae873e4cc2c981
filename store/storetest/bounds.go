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

// testMomentBounds: receipt and action times after now (+5 minutes) or
// before 2000-01-01 are refused with a Chinese message; nothing is stored
// (issue 9, item 6).
func testMomentBounds(t *testing.T, open Opener) {
	ctx := context.Background()
	now := fixedNow()
	db := open(t, func() time.Time { return now })
	tests := []struct {
		name string
		at   time.Time
		ok   bool
	}{
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"1999-12-31", time.Date(1999, 12, 31, 23, 0, 0, 0, workday.China()), false},
		{"2000-01-01", time.Date(2000, 1, 1, 0, 0, 0, 0, workday.China()), true},
		{"now", now, true},
		{"4 minutes ahead (clock skew)", now.Add(4 * time.Minute), true},
		{"6 minutes ahead", now.Add(6 * time.Minute), false},
		{"2062", time.Date(2062, 1, 1, 0, 0, 0, 0, workday.China()), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := SampleCase()
			in.ReceivedAt = tt.at
			c, err := db.CreateCase(ctx, in, "李娜")
			if (err == nil) != tt.ok {
				t.Fatalf("create: %v", err)
			}
			if err != nil {
				var fe *store.FieldError
				if !errors.As(err, &fe) || fe.Field != "received" || !strings.Contains(err.Error(), "收件时间") {
					t.Errorf("error %v", err)
				}
				return
			}
			if strings.Contains(c.Number, "-1-") {
				t.Errorf("number %s", c.Number)
			}
		})
	}
	n, err := db.CountCases(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	c := MustCreate(t, db, SampleCase())
	for _, at := range []time.Time{now.Add(time.Hour), time.Date(2062, 1, 1, 0, 0, 0, 0, workday.China()),
		time.Date(1999, 1, 1, 0, 0, 0, 0, workday.China())} {
		_, err := db.MoveCase(ctx, c.ID, 0, rules.StatusWithdrawn, at, "", "李娜")
		var fe *store.FieldError
		if err == nil || !errors.As(err, &fe) || fe.Field != "at" || !strings.Contains(err.Error(), "办理时间") {
			t.Errorf("move at %v: %v", at, err)
		}
	}
	// The case can still move normally afterwards.
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusWithdrawn, time.Time{}, "", "李娜"); err != nil {
		t.Fatal(err)
	}
	if m, _ := db.CountCases(ctx, store.Filter{}); m != n+1 {
		t.Errorf("%d cases, want %d", m, n+1)
	}
	// Validate, used by the window as the clerk types, agrees.
	in := SampleCase()
	in.ReceivedAt = time.Now().Add(time.Hour)
	if err := in.Validate(); err == nil {
		t.Error("Validate accepts a receipt in the future")
	}
}
