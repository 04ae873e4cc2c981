package store

import (
	"context"
	"testing"
)

// www.example.com and example.com find each other in the case search.
func TestSearchDomainWithAndWithoutWWW(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	bare := sampleCase()
	bare.Domains = []string{"example.com"}
	bare.Sponsor = "甲公司"
	a := mustCreate(t, db, bare)
	www := sampleCase()
	www.Domains = []string{"www.sample.cn"}
	www.Sponsor = "乙公司"
	b := mustCreate(t, db, www)
	tests := []struct {
		q    string
		want int64
	}{
		{"www.example.com", a.ID},
		{"http://www.example.com/", a.ID},
		{"example.com", a.ID},
		{"sample.cn", b.ID},
		{"www.sample.cn", b.ID},
	}
	for _, tt := range tests {
		got, err := db.Cases(ctx, Filter{Query: tt.q}, false)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != tt.want {
			t.Errorf("search %q found %d cases, want case %d", tt.q, len(got), tt.want)
		}
	}
}
