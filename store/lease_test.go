package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestLease(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	if err := db.AcquireLease(ctx, "sync", "pid1", time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := db.AcquireLease(ctx, "sync", "pid1", time.Minute); err != nil {
		t.Fatalf("renew: %v", err)
	}
	err := db.AcquireLease(ctx, "sync", "pid2", time.Minute)
	var le *LeaseError
	if !errors.As(err, &le) || le.Holder != "pid1" || !errors.Is(err, ErrLeaseHeld) {
		t.Fatalf("second holder: %v", err)
	}
	now = now.Add(2 * time.Minute) // the holder died and its lease ran out
	if err := db.AcquireLease(ctx, "sync", "pid2", time.Minute); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if err := db.ReleaseLease(ctx, "sync", "pid2"); err != nil {
		t.Fatal(err)
	}
	if err := db.AcquireLease(ctx, "sync", "pid3", time.Minute); err != nil {
		t.Fatalf("after release: %v", err)
	}
}
