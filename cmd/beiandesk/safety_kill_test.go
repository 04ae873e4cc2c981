package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killDuring starts beiandesk args in a subprocess and kill -9s it as soon
// as a temporary file of ours appears in dir. It reports whether it caught
// one.
func killDuring(t *testing.T, dir string, args ...string) bool {
	t.Helper()
	b, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "BEIANDESK_TEST_RUN="+string(b))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case <-done:
			return false
		case <-deadline:
			cmd.Process.Kill()
			<-done
			t.Fatal("subprocess still running after 60 s")
		default:
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".*.beiandesk-"+strconv.Itoa(cmd.Process.Pid)+"-*.part")); len(m) > 0 {
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			return true
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// TestKilledWritesLeaveNothing: kill -9 during export or backup leaves a
// temporary file; the next run removes it, and only it: a clerk's own files
// that merely look alike stay (issue 9, item 10).
func TestKilledWritesLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	db := newBook(t, dir, "book.db")
	// Some bulk, so that the copy takes long enough to be caught.
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sqldb.Exec(`CREATE TABLE ballast(b); INSERT INTO ballast SELECT randomblob(1<<20) FROM generate_series(1, 40)`); err != nil {
		// No generate_series: a recursive CTE does the same.
		if _, err := sqldb.Exec(`CREATE TABLE IF NOT EXISTS ballast(b); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 40) INSERT INTO ballast SELECT randomblob(1<<20) FROM n`); err != nil {
			t.Fatal(err)
		}
	}
	sqldb.Close()
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o700)
	users := []string{"mine.part", ".mine.xlsx.123.tmp", "beiandesk.part", ".x.beiandesk-1-abc.part"}
	for _, u := range users {
		os.WriteFile(filepath.Join(out, u), []byte("clerk's"), 0o644)
		old := time.Now().Add(-time.Hour)
		os.Chtimes(filepath.Join(out, u), old, old)
	}
	jobs := [][]string{
		{"--db", db, "backup", "--out", filepath.Join(out, "b.bak")},
		{"--db", db, "export", "--month", "2026-09", "--out", filepath.Join(out, "r.xlsx")},
	}
	caught := 0
	for round := 0; round < 10 && caught < 4; round++ {
		job := jobs[round%2]
		if !killDuring(t, out, job...) {
			continue
		}
		caught++
		left, _ := filepath.Glob(filepath.Join(out, ".*.beiandesk-*.part"))
		if len(left) < 2 { // ours and the clerk's look-alike of pid 1
			t.Fatalf("round %d: nothing left behind to clean: %v", round, left)
		}
		// The target was never created half-written.
		for _, target := range []string{"b.bak", "r.xlsx"} {
			os.Remove(filepath.Join(out, target))
		}
		// The next run (a new process) into that folder cleans up.
		time.Sleep(10 * time.Millisecond)
		next := exec.Command(os.Args[0], "-test.run=^$")
		b, _ := json.Marshal([]string{"--db", db, "backup", "--out", filepath.Join(out, "next.bak")})
		next.Env = append(os.Environ(), "BEIANDESK_TEST_RUN="+string(b))
		if msg, err := next.CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, msg)
		}
		os.Remove(filepath.Join(out, "next.bak"))
		left, _ = filepath.Glob(filepath.Join(out, ".*.beiandesk-*.part"))
		if len(left) != 1 || !strings.HasSuffix(left[0], ".x.beiandesk-1-abc.part") {
			t.Fatalf("round %d: after the next run: %v", round, left)
		}
	}
	if caught == 0 {
		t.Skip("the machine finished every write before it could be killed")
	}
	t.Logf("killed %d writes mid-way", caught)
	for _, u := range users {
		if b, err := os.ReadFile(filepath.Join(out, u)); err != nil || string(b) != "clerk's" {
			t.Errorf("clerk's file %s: %v", u, err)
		}
	}
	// The book is sound.
	if _, stderr, code := cli(t, db, "", "case", "check", "1", "--item", "1", "--state", "present"); code != 0 {
		t.Fatal(stderr)
	}
}
