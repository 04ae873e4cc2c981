package storetest

import (
	"context"
	"testing"
	"time"

	"beiandesk/store"
)

// RunWatch checks live changes: a change made through a second handle on
// the same book (second opens one, as another window or workstation would)
// wakes a watcher within 2 s, and a quiet book does not.
func RunWatch(t *testing.T, open Opener, second func(t *testing.T, first store.Book) store.Book) {
	ctx := context.Background()
	db := openTemp(t, open)
	w, ok := db.(store.Watcher)
	if !ok {
		t.Skip("this back end has no live changes")
	}
	other := second(t, db)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	calls := make(chan struct{}, 100)
	go func() { done <- w.Watch(wctx, func() { calls <- struct{}{} }) }()
	time.Sleep(time.Second) // let it start; a quiet book brings no call
	if n := len(calls); n != 0 {
		t.Fatalf("%d calls before any change", n)
	}
	start := time.Now()
	MustCreate(t, other, SampleCase())
	select {
	case <-calls:
		t.Logf("woken %v after the change", time.Since(start))
	case <-time.After(2 * time.Second):
		t.Fatal("no call within 2 s of a change")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Watch: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Watch did not return when its context ended")
	}
}
