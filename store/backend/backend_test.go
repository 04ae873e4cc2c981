package backend

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"beiandesk/store"
)

func TestOpenChoosesBackEnd(t *testing.T) {
	tests := []struct {
		target string
		server bool
	}{
		{"postgres://desk@db.example/beiandesk", true},
		{"postgresql://desk@db.example:5433/beiandesk?sslmode=disable", true},
		{"  POSTGRES://desk@db/beiandesk", true},
		{"beiandesk.db", false},
		{`C:\Users\li\beiandesk.db`, false},
		{"postgres.db", false},
		{"./postgres://x", false},
	}
	for _, tt := range tests {
		if got := IsServer(tt.target); got != tt.server {
			t.Errorf("IsServer(%q) = %v, want %v", tt.target, got, tt.server)
		}
	}
	ctx := context.Background()
	// A server URL goes to store/postgres: nothing listens on port 1.
	if _, err := Open(ctx, "  POSTGRES://desk@127.0.0.1:1/beiandesk"); err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") ||
		!strings.Contains(err.Error(), "连接被拒绝") {
		t.Errorf("server URL: %v", err)
	}
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if b.Location() != path {
		t.Errorf("location %q, want %q", b.Location(), path)
	}
	if n, err := b.CountCases(ctx, store.Filter{}); err != nil || n != 0 {
		t.Errorf("new book: %d cases, %v", n, err)
	}
}
