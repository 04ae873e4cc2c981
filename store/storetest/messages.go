package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// The clerk reads these messages next to a field: each names only what the
// clerk typed, in China time and the window's format.
func testFieldMessagesForTheClerk(t *testing.T, open Opener) {
	db := openTemp(t, open)
	ctx := context.Background()
	tests := []struct {
		name        string
		sponsorType string
		cert        string
		want        []string
		notWant     []string
	}{
		{"person, bad check digit", "person", "110105194912310022", []string{"身份证号码校验位"}, []string{"统一社会信用代码"}},
		{"person, bad character", "person", "11010519491231002A", []string{"身份证号码"}, []string{"统一社会信用代码"}},
		{"person, short", "person", "1101051949", []string{"身份证号码应为18位"}, []string{"统一社会信用代码"}},
		{"person, credit code", "person", "91350100M000100Y43", []string{"个人主办者应填写身份证号码"}, nil},
		{"org, bad code", "org", "91350100M000100Y44", []string{"统一社会信用代码校验位"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := SampleCase()
			in.SponsorType, in.CertNo = tt.sponsorType, tt.cert
			_, err := db.CreateCase(ctx, in, "李娜")
			if err == nil {
				t.Fatal("accepted")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(err.Error(), w) {
					t.Errorf("%q mentions %q", err, w)
				}
			}
		})
	}
}

func testMoveErrorsShowChinaTime(t *testing.T, open Opener) {
	db := open(t, func() time.Time { return time.Date(2026, 12, 3, 12, 0, 0, 0, workday.China()) })
	ctx := context.Background()
	c := MustCreate(t, db, SampleCase())
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusReturned, time.Date(2026, 12, 3, 10, 0, 0, 0, workday.China()), "", "李娜"); err != nil {
		t.Fatal(err)
	}
	// 05:40 UTC is 13:40 in China on the day before.
	_, err := db.MoveCase(ctx, c.ID, 0, rules.StatusWithdrawn, time.Date(2026, 12, 2, 5, 40, 12, 0, time.UTC), "", "李娜")
	want := "办理时间 2026-12-02 13:40 早于上一次状态变更时间 2026-12-03 10:00"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
	_, err = db.MoveCase(ctx, c.ID, 0, rules.StatusWithdrawn, time.Date(2026, 9, 30, 9, 0, 0, 0, workday.China()), "", "李娜")
	if want := "办理时间 2026-09-30 09:00 早于收件时间 2026-09-30 10:00"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
	// Within the same minute the seconds tell the two apart.
	_, err = db.MoveCase(ctx, c.ID, 0, rules.StatusWithdrawn, time.Date(2026, 12, 3, 9, 59, 30, 0, workday.China()), "", "李娜")
	if want := "2026-12-03 09:59 早于"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}

func testHistoryInTimeOrder(t *testing.T, open Opener) {
	db := open(t, func() time.Time { return time.Date(2026, 10, 12, 10, 0, 0, 0, workday.China()) })
	ctx := context.Background()
	c := MustCreate(t, db, SampleCase())
	// Recorded now, but it happened on the day after receipt: it must
	// come before the later check recorded earlier.
	if _, err := db.CheckItem(ctx, c.ID, 0, 1, rules.ItemPresent, "", "李娜"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MoveCase(ctx, c.ID, 0, rules.StatusReturned, time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC), "补录", "李娜"); err != nil {
		t.Fatal(err)
	}
	hist, err := db.History(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(hist); i++ {
		if hist[i].At.Before(hist[i-1].At) {
			t.Errorf("event %d (%s %v) before event %d (%v)", i, hist[i].Action, hist[i].At, i-1, hist[i-1].At)
		}
	}
	if len(hist) < 3 || hist[1].Action != "status" {
		t.Errorf("history %+v: the back-filled move should be second", hist)
	}
}
