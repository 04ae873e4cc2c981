package postgres

import (
	"context"
	"testing"
	"time"
)

// A change made through one connection wakes a watcher on another within
// the 2 s a screen may lag.
func TestWatch(t *testing.T) {
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
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	calls := make(chan struct{}, 10)
	go func() {
		defer close(done)
		b.Watch(wctx, func() { calls <- struct{}{} })
	}()
	time.Sleep(200 * time.Millisecond) // let it LISTEN
	select {
	case <-calls:
		t.Fatal("called before any change")
	default:
	}
	start := time.Now()
	if _, err := a.CreateCase(ctx, sampleNew(0), "x"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-calls:
		t.Logf("woken %v after the change", time.Since(start))
	case <-time.After(2 * time.Second):
		t.Fatal("no call within 2 s")
	}
	// One registration touches three tables: folded into one call.
	time.Sleep(300 * time.Millisecond)
	if n := len(calls); n != 0 {
		t.Errorf("%d extra calls for one change", n)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Watch did not return after cancel")
	}
}

// The server restarts under a watcher: it listens again and calls once, so
// the screens reload what they may have missed; later changes still wake it.
func TestWatchAcrossRestart(t *testing.T) {
	ctx := context.Background()
	c, url := migratedURL(t)
	a, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	calls := make(chan struct{}, 100)
	go a.Watch(wctx, func() { calls <- struct{}{} })
	time.Sleep(200 * time.Millisecond)
	if err := c.Restart(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-calls:
	case <-time.After(15 * time.Second):
		t.Fatal("no call after the restart")
	}
	time.Sleep(300 * time.Millisecond)
	for len(calls) > 0 {
		<-calls
	}
	if _, err := a.CreateCase(ctx, sampleNew(0), "x"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-calls:
	case <-time.After(2 * time.Second):
		t.Fatal("no call for a change after the restart")
	}
}
