package storetest

import (
	"beiandesk/store"
	"context"
	"errors"
	"strings"
	"testing"
)

func ptr(s string) *string { return &s }

func testUpdateCase(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	c := MustCreate(t, db, SampleCase())
	got, err := db.UpdateCase(ctx, c.ID, 0, store.CaseEdit{
		Sponsor: ptr("太原市晋阳网络科技股份有限公司"), Phone: ptr("0351 8788032"),
		Filings: []string{"晋ICP备12345678号-2"}, Details: map[string]string{"fax_pages": "3"},
	}, "王芳")
	if err != nil {
		t.Fatal(err)
	}
	if got.Sponsor != "太原市晋阳网络科技股份有限公司" || got.Phone != "0351-8788032" ||
		len(got.Filings) != 1 || got.Filings[0] != "晋ICP备12345678号-2" || got.Details["fax_pages"] != "3" {
		t.Fatalf("after edit: %+v", got)
	}
	// Unchanged fields stay; the search index follows the edit.
	if got.CertNo != c.CertNo || len(got.Domains) != 2 || got.Due != c.Due {
		t.Fatalf("untouched fields changed: %+v", got)
	}
	if n, _ := db.CountCases(ctx, store.Filter{Query: "股份有限"}); n != 1 {
		t.Fatalf("search after edit found %d", n)
	}
	if n, _ := db.CountCases(ctx, store.Filter{Query: "12345678号-1"}); n != 0 {
		t.Fatalf("old filing still found %d", n)
	}
	hist, _ := db.History(ctx, c.ID)
	last := hist[len(hist)-1]
	if last.Action != "edit" || last.Clerk != "王芳" || !strings.Contains(last.Note, "主办者") ||
		!strings.Contains(last.Note, "备案号") || strings.Contains(last.Note, "证件号码") {
		t.Fatalf("history %+v", last)
	}
	// No change, no event.
	if _, err := db.UpdateCase(ctx, c.ID, 0, store.CaseEdit{Sponsor: ptr(got.Sponsor)}, "王芳"); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.History(ctx, c.ID); len(again) != len(hist) {
		t.Fatalf("an empty edit added history")
	}
	// Bad input names its field and changes nothing.
	for field, e := range map[string]store.CaseEdit{
		"cert-no": {CertNo: ptr("11010519491231002X")}, // an ID for an organisation
		"phone":   {Phone: ptr("12")},
		"filing":  {Filings: []string{"晋ICP备号"}},
		"domain":  {Domains: []string{"例子"}},
	} {
		_, err := db.UpdateCase(ctx, c.ID, 0, e, "王芳")
		var fe *store.FieldError
		if !errors.As(err, &fe) || fe.Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
	after, _ := db.Case(ctx, c.ID)
	if after.Phone != got.Phone || after.CertNo != got.CertNo || after.Filings[0] != got.Filings[0] {
		t.Fatalf("a refused edit changed the case: %+v", after)
	}
}
