package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	today := time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China())
	if err := Generate(ctx, db, 500, 1, today); err != nil {
		t.Fatal(err)
	}
	n, err := db.CountCases(ctx, store.Filter{})
	if err != nil || n != 500 {
		t.Fatalf("%d cases, %v", n, err)
	}
	// Generated cases behave like registered ones: they list, search and
	// take new numbers after the generated ones.
	cases, err := db.Cases(ctx, store.Filter{Status: "open", Order: "due", Limit: 10}, true)
	if err != nil || len(cases) == 0 || len(cases[0].Materials) == 0 {
		t.Fatalf("open cases %d, %v", len(cases), err)
	}
	if hits, _ := db.CountCases(ctx, store.Filter{Query: cases[0].Sponsor}); hits == 0 {
		t.Fatalf("search for %s found nothing", cases[0].Sponsor)
	}
	c, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: today, Sponsor: "测试"}, "t")
	if err != nil {
		t.Fatal(err)
	}
	if dup, err := db.CountCases(ctx, store.Filter{Query: c.Number}); err != nil || dup != 1 {
		t.Fatalf("number %s reused", c.Number)
	}
}

// The demo's certificates are valid and mostly name a Shanxi city; its
// closed deregistrations carry the national record and its rejections a
// reason, as the store's rules demand of real cases.
func TestGenerateFollowsTheRules(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Generate(ctx, db, 400, 7, time.Date(2026, 11, 27, 10, 0, 0, 0, workday.China())); err != nil {
		t.Fatal(err)
	}
	cases, err := db.Cases(ctx, store.Filter{}, true)
	if err != nil {
		t.Fatal(err)
	}
	known := 0
	for _, c := range cases {
		if _, _, err := validate.CertNo(c.CertNo); err != nil {
			t.Fatalf("%s: cert %q: %v", c.Number, c.CertNo, err)
		}
		if validate.City(c.CertNo) != validate.CityUnknown {
			known++
		}
		if c.Status == rules.StatusDone && rules.NeedsNationalRecord(c.Kind) && len(c.National) == 0 {
			t.Errorf("%s done without national record", c.Number)
		}
		if rules.NeedsProvider(c.Kind, c.Channel) && c.Provider == "" {
			t.Errorf("%s: %s/%s without provider", c.Number, c.Kind, c.Channel)
		}
		if c.Status == rules.StatusRejected {
			hist, _ := db.History(ctx, c.ID)
			if last := hist[len(hist)-1]; last.To != rules.StatusRejected || last.Note == "" {
				t.Errorf("%s rejected without reason: %+v", c.Number, last)
			}
		}
	}
	if known < len(cases)*3/4 {
		t.Errorf("only %d of %d certificates name a Shanxi city", known, len(cases))
	}
}
