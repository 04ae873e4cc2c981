package storetest

import (
	"beiandesk/store"
	"context"
	"errors"
	"testing"
	"time"
)

func testLease(t *testing.T, open Opener) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	db := open(t, func() time.Time { return now })
	if err := db.AcquireLease(ctx, "sync", "pid1", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := db.AcquireLease(ctx, "sync", "pid1", time.Minute); err != nil {
		t.Fatalf("renew: %v", err)
	}
	err := db.AcquireLease(ctx, "sync", "pid2", time.Minute)
	var le *store.LeaseError
	if !errors.As(err, &le) || le.Holder != "pid1" || !errors.Is(err, store.ErrLeaseHeld) {
		t.Fatalf("second holder: %v", err)
	}
	now = now.Add(2 * time.Minute) // the holder died and its lease ran out
	if err := db.AcquireLease(ctx, "sync", "pid2", time.Minute); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if h, ok, err := db.LeaseHolder(ctx, "sync"); err != nil || !ok || h != "pid2" {
		t.Fatalf("holder %q %v %v, want pid2", h, ok, err)
	}
	if err := db.ReleaseLease(ctx, "sync", "pid2"); err != nil {
		t.Fatal(err)
	}
	if h, ok, err := db.LeaseHolder(ctx, "sync"); err != nil || ok {
		t.Fatalf("after release: holder %q %v %v", h, ok, err)
	}
	if err := db.AcquireLease(ctx, "sync", "pid3", time.Minute); err != nil {
		t.Fatalf("after release: %v", err)
	}
	now = now.Add(2 * time.Minute)
	if h, ok, err := db.LeaseHolder(ctx, "sync"); err != nil || ok {
		t.Fatalf("after expiry: holder %q %v %v", h, ok, err)
	}
}
