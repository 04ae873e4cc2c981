package backend

import (
	"context"
	"os"
	"strings"
	"testing"

	"beiandesk/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// A server chosen in 设置 is remembered without its password, and names
// the same book as before.
func TestSetDefaultKeepsNoPassword(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("AppData", home)
	tests := []struct{ set, want string }{
		{"postgres://wangfang:geheim@db.example:5433/beiandesk?sslmode=disable", "postgres://wangfang@db.example:5433/beiandesk?sslmode=disable"},
		{"postgres://wangfang@db.example/beiandesk?password=geheim", "postgres://wangfang@db.example/beiandesk"},
		{"postgresql://li@10.1.2.3/book", "postgresql://li@10.1.2.3/book"},
	}
	for _, tt := range tests {
		if err := SetDefault(tt.set); err != nil {
			t.Fatal(err)
		}
		got, err := DefaultTarget()
		if err != nil || got != tt.want {
			t.Errorf("SetDefault(%q): default %q, %v; want %q", tt.set, got, err, tt.want)
		}
		b, _ := os.ReadFile(home + "/beiandesk/location")
		if strings.Contains(string(b), "geheim") {
			t.Errorf("the password reached the location file: %q", b)
		}
	}
	if err := SetDefault(""); err != nil {
		t.Fatal(err)
	}
	if got, _ := DefaultTarget(); !strings.HasSuffix(got, "beiandesk.db") {
		t.Errorf("back to the file: %q", got)
	}
}

func TestDescribe(t *testing.T) {
	tests := []struct{ target, want string }{
		{"postgres://wangfang:geheim@db.example:5433/beiandesk", "beiandesk @ db.example:5433"},
		{"postgres://wangfang@db.example/room822", "room822 @ db.example:5432"},
		{"/home/li/备案.db", "/home/li/备案.db"},
	}
	for _, tt := range tests {
		if got := Describe(tt.target); got != tt.want {
			t.Errorf("Describe(%q) = %q, want %q", tt.target, got, tt.want)
		}
	}
}

// A URL without a password opens with the one from $BEIANDESK_DB_PASSWORD
// (the keyring's stand-in on headless machines), and not without it.
func TestOpenAddsPassword(t *testing.T) {
	c := pgtest.Get(t)
	name := c.NewDatabase(t)
	bare := c.URL(name, "postgres", "")
	ctx := context.Background()
	t.Setenv(EnvPassword, "")
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", os.DevNull)
	if db, err := Open(ctx, bare); err == nil {
		db.Close()
		t.Fatal("opened without a password")
	}
	t.Setenv(EnvPassword, pgtest.Password)
	db, err := Open(ctx, bare)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, want := db.Location(), Describe(bare); got != want {
		t.Errorf("Location %q, Describe %q", got, want)
	}
}
