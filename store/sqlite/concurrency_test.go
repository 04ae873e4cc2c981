package sqlite

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"beiandesk/store/rules"
)

// Two *sql.DB on one file, writing at once: no SQLITE_BUSY reaches the
// caller, numbers stay unique and every check lands (no lost update).
func TestTwoHandlesWriteConcurrently(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.db")
	a, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	shared := mustCreate(t, a, sampleCase())
	const perWriter = 40
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w, db := range []*DB{a, b, a, b} {
		wg.Add(1)
		go func(w int, db *DB) {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				if _, err := db.CreateCase(ctx, sampleCase(), fmt.Sprintf("clerk%d", w)); err != nil {
					errs <- err
					return
				}
				// Every writer toggles the shared case's items: read-modify-write
				// in one immediate transaction.
				if _, err := db.CheckItem(ctx, shared.ID, 0, 1+(i+w)%3, rules.ItemPresent, "", "x"); err != nil {
					errs <- err
					return
				}
			}
		}(w, db)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	assertCaseBook(t, a, 1+4*perWriter, 1+4*perWriter*2)
}

// assertCaseBook checks case count, unique dense numbers and history size.
func assertCaseBook(t *testing.T, db *DB, cases, events int) {
	t.Helper()
	var n, distinct, maxSeq, ev int
	if err := db.db.QueryRow(`SELECT count(*), count(DISTINCT number) FROM cases`).Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if err := db.db.QueryRow(`SELECT last FROM case_seq WHERE prefix = 'ZX' AND year = 2026`).Scan(&maxSeq); err != nil {
		t.Fatal(err)
	}
	if err := db.db.QueryRow(`SELECT count(*) FROM event`).Scan(&ev); err != nil {
		t.Fatal(err)
	}
	if n != cases || distinct != cases || maxSeq != cases || ev != events {
		t.Fatalf("cases %d distinct %d seq %d events %d; want %d cases, %d events", n, distinct, maxSeq, ev, cases, events)
	}
}

// The same across two processes: the test binary re-runs itself as a writer.
func TestTwoProcessesWriteConcurrently(t *testing.T) {
	if os.Getenv("BEIANDESK_TEST_WRITER") != "" {
		return
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "case.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustCreate(t, db, sampleCase())
	const perProc = 60
	var cmds []*exec.Cmd
	for i := 0; i < 2; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "BEIANDESK_TEST_WRITER="+path, "BEIANDESK_TEST_N="+strconv.Itoa(perProc))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	// This process writes too.
	for i := 0; i < perProc; i++ {
		mustCreate(t, db, sampleCase())
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer process: %v", err)
		}
	}
	assertCaseBook(t, db, 1+3*perProc, 1+3*perProc)
}

func TestWriterProcess(t *testing.T) {
	path := os.Getenv("BEIANDESK_TEST_WRITER")
	if path == "" {
		t.Skip("helper for TestTwoProcessesWriteConcurrently")
	}
	n, _ := strconv.Atoi(os.Getenv("BEIANDESK_TEST_N"))
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < n; i++ {
		mustCreate(t, db, sampleCase())
	}
}
