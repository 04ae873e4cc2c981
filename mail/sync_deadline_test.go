package mail

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// dripServer accepts IMAP connections and sends an endless greeting, one
// byte every interval: each read arrives in time, the sync never ends on
// its own.
func dripServer(t *testing.T, interval time.Duration) (port int) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done); ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				greeting := "* OK " + strings.Repeat("x", 1<<20)
				for i := 0; i < len(greeting); i++ {
					select {
					case <-done:
						return
					case <-time.After(interval):
					}
					if _, err := c.Write([]byte{greeting[i]}); err != nil {
						return
					}
				}
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestSyncOverallDeadline: a server that drips one byte at a time, each
// within the per-step timeout, is given up after the overall deadline
// (issue 9, item 9).
func TestSyncOverallDeadline(t *testing.T) {
	port := dripServer(t, 300*time.Millisecond)
	db := openTestDB(t)
	cfg := Config{Host: "127.0.0.1", Port: port, User: "u", Password: "p", Security: SecurityNone,
		Timeout: time.Second}
	type result struct {
		err     error
		elapsed time.Duration
	}
	for name, run := range map[string]func() error{
		"sync":            func() error { _, err := Sync(context.Background(), db, cfg, nil); return err },
		"connection test": func() error { return Check(context.Background(), cfg) },
	} {
		t.Run(name, func(t *testing.T) {
			ch := make(chan result, 1)
			start := time.Now()
			go func() { err := run(); ch <- result{err, time.Since(start)} }()
			select {
			case r := <-ch:
				if r.err == nil {
					t.Fatal("no error")
				}
				if KindOf(r.err) != ErrTimeout {
					t.Errorf("kind %v: %v", KindOf(r.err), r.err)
				}
				if msg := Describe(r.err); !strings.Contains(msg, "总时限") {
					t.Errorf("message %q", msg)
				}
				// Timeout × setupSteps, with room for a loaded machine.
				if want := cfg.Timeout * setupSteps; r.elapsed < want-time.Second || r.elapsed > want+10*time.Second {
					t.Errorf("gave up after %v, want about %v", r.elapsed, want)
				}
			case <-time.After(60 * time.Second):
				t.Fatal("still running after 60 s against a dripping server")
			}
		})
	}
	// An explicit deadline wins.
	cfg.Deadline = 2 * time.Second
	start := time.Now()
	_, err := Sync(context.Background(), db, cfg, nil)
	if KindOf(err) != ErrTimeout || time.Since(start) > 10*time.Second {
		t.Fatalf("explicit deadline: %v after %v", err, time.Since(start))
	}
}
