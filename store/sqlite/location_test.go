package sqlite

import (
	"path/filepath"
	"testing"
)

func TestDefaultPathFollowsChoice(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home) // os.UserConfigDir on Linux
	t.Setenv("AppData", home)         // and on Windows
	want := filepath.Join(home, "beiandesk", "beiandesk.db")
	if p, err := DefaultPath(); err != nil || p != want {
		t.Fatalf("default %q, %v; want %q", p, err, want)
	}
	other := filepath.Join(t.TempDir(), "备案 数据", "case.db")
	if err := SetDefaultPath(other); err != nil {
		t.Fatal(err)
	}
	if p, err := DefaultPath(); err != nil || p != other {
		t.Fatalf("chosen %q, %v; want %q", p, err, other)
	}
	if err := SetDefaultPath(""); err != nil {
		t.Fatal(err)
	}
	if p, _ := DefaultPath(); p != want {
		t.Fatalf("after reset %q", p)
	}
}
