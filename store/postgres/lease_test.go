package postgres

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"beiandesk/store"
)

func TestLease(t *testing.T) {
	ctx := context.Background()
	_, url := migratedURL(t)
	a, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := a.AcquireLease(ctx, "sync", "工作站A", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := a.AcquireLease(ctx, "sync", "工作站A", time.Minute); err != nil {
		t.Fatalf("renew: %v", err)
	}
	err = b.AcquireLease(ctx, "sync", "工作站B", time.Minute)
	var le *store.LeaseError
	if !errors.As(err, &le) || le.Holder != "工作站A" || !strings.Contains(err.Error(), "工作站A") {
		t.Fatalf("second holder: %v", err)
	}
	if h, ok, err := b.LeaseHolder(ctx, "sync"); err != nil || !ok || h != "工作站A" {
		t.Fatalf("holder %q %v %v", h, ok, err)
	}
	// Another lease name is independent.
	if err := b.AcquireLease(ctx, "other", "工作站B", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := a.ReleaseLease(ctx, "sync", "工作站A"); err != nil {
		t.Fatal(err)
	}
	if h, ok, err := b.LeaseHolder(ctx, "sync"); err != nil || ok {
		t.Fatalf("released lease held by %q %v %v", h, ok, err)
	}
	if err := b.AcquireLease(ctx, "sync", "工作站B", time.Minute); err != nil {
		t.Fatalf("after release: %v", err)
	}
	// Closing the book frees its leases.
	b.Close()
	if err := a.AcquireLease(ctx, "sync", "工作站A", time.Minute); err != nil {
		t.Fatalf("after close: %v", err)
	}
}

// A workstation holding the lease is killed: the server sees its connection
// drop and another workstation syncs within 5 s.
func TestLeaseFreedByKill(t *testing.T) {
	if os.Getenv("BEIANDESK_TEST_LEASE_URL") != "" {
		return
	}
	ctx := context.Background()
	_, url := migratedURL(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLeaseHolderProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "BEIANDESK_TEST_LEASE_URL="+url)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	line, _ := bufio.NewReader(out).ReadString('\n')
	if strings.TrimSpace(line) != "held" {
		cmd.Process.Kill()
		t.Fatalf("holder said %q", line)
	}
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.AcquireLease(ctx, "sync", "B", time.Minute); err == nil {
		t.Fatal("took a held lease")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	for {
		err := db.AcquireLease(ctx, "sync", "B", time.Minute)
		if err == nil {
			break
		}
		if time.Since(start) > 5*time.Second {
			t.Fatalf("lease still held %v after kill: %v", time.Since(start), err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("lease free %v after kill -9", time.Since(start))
}

func TestLeaseHolderProcess(t *testing.T) {
	url := os.Getenv("BEIANDESK_TEST_LEASE_URL")
	if url == "" {
		t.Skip("helper for TestLeaseFreedByKill")
	}
	db, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AcquireLease(context.Background(), "sync", "A", time.Minute); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("held\n")
	time.Sleep(time.Minute)
}
