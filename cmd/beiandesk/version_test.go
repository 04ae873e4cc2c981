package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestVersionFlag(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"--db", "/nonexistent/x.db", "--version"}} {
		var out, errb bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
		if code != 0 || out.String() != "beiandesk "+Version+"\n" || errb.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errb.String())
		}
	}
	// Nothing was opened or created for --version.
	if _, err := os.Stat("/nonexistent/x.db"); err == nil {
		t.Error("--version created a database")
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
	if string(out) != "beiandesk 9.8.7.6\n" {
		t.Errorf("--version printed %q", out)
	}
}
