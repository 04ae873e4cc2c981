package main

import (
	"beiandesk/store/backend"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestVersionFlag(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("AppData", home)
	t.Setenv("BEIANDESK_DB", "")
	def := filepath.Join(home, "beiandesk", "beiandesk.db")
	tests := []struct {
		args []string
		env  string
		book string
	}{
		{[]string{"--version"}, "", def},
		{[]string{"-version"}, "", def},
		{[]string{"--db", "/nonexistent/x.db", "--version"}, "", "/nonexistent/x.db"},
		{[]string{"--version"}, "/srv/822/备案.db", "/srv/822/备案.db"},
		// A server is named by database and server, never with the password,
		// and not contacted (nothing listens on port 1).
		{[]string{"--db", "postgres://wangfang:geheim@127.0.0.1:1/room822", "--version"}, "", "room822 @ 127.0.0.1:1"},
	}
	for _, tt := range tests {
		t.Setenv("BEIANDESK_DB", tt.env)
		var out, errb bytes.Buffer
		code := run(context.Background(), tt.args, strings.NewReader(""), &out, &errb)
		want := "beiandesk " + Version + "\n数据: " + tt.book + "\n"
		if code != 0 || out.String() != want || errb.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q, want %q, stderr %q", tt.args, code, out.String(), want, errb.String())
		}
	}
	// Nothing was opened or created for --version.
	if _, err := os.Stat("/nonexistent/x.db"); err == nil {
		t.Error("--version created a database")
	}
	if _, err := os.Stat(def); err == nil {
		t.Error("--version created the default database")
	}
}

// A server chosen in 设置 is what --version names.
func TestVersionNamesChosenServer(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("AppData", home)
	t.Setenv("BEIANDESK_DB", "")
	if err := backend.SetDefault("postgres://li:pw@db.example:5433/beiandesk"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code := run(context.Background(), []string{"--version"}, strings.NewReader(""), &out, io.Discard); code != 0 {
		t.Fatal(code)
	}
	if want := "beiandesk " + Version + "\n数据: beiandesk @ db.example:5433\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
}

// The release script stamps the version with -ldflags "-X main.Version=…";
// a renamed or unexported variable would silently keep the default.
func TestVersionFromLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("links the whole program")
	}
	exe := filepath.Join(t.TempDir(), "beiandesk")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	build := exec.Command("go", "build", "-o", exe, "-ldflags", "-X main.Version=9.8.7.6", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(string(out), "\n"); first != "beiandesk 9.8.7.6" {
		t.Errorf("--version printed %q", out)
	}
}
