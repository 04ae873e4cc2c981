package mail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"beiandesk/store"
)

const leaseName = "sync"

// leaseTiming says how long a lease lasts, how often it is renewed and how
// often a waiting sync looks again.
type leaseTiming struct {
	ttl, renew, poll time.Duration
}

var defaultLeaseTiming = leaseTiming{ttl: 2 * time.Minute, renew: 30 * time.Second, poll: 500 * time.Millisecond}

// leaseHolder names this sync: host and process, so a lease left by a
// killed process on this machine can be recognised, plus a nonce, so two
// syncs inside one process exclude each other too.
func leaseHolder() string {
	host, _ := os.Hostname()
	var b [4]byte
	_, _ = rand.Read(b[:])
	return host + ":" + strconv.Itoa(os.Getpid()) + ":" + hex.EncodeToString(b[:])
}

// holdLease takes the sync lease, waiting up to wait for another holder,
// and keeps renewing it until release is called. The returned context is
// cancelled if the lease is lost.
func holdLease(ctx context.Context, db store.Book, wait time.Duration, lt leaseTiming) (context.Context, func(), error) {
	holder := leaseHolder()
	deadline := time.Now().Add(wait)
	for {
		err := db.AcquireLease(ctx, leaseName, holder, lt.ttl)
		if err == nil {
			break
		}
		var le *store.LeaseError
		if !errors.As(err, &le) {
			return nil, nil, classify(err, "")
		}
		if holderGone(le.Holder) {
			// A process of this machine that died holding the lease: no
			// need to wait for it to run out.
			if err := db.ReleaseLease(ctx, leaseName, le.Holder); err != nil {
				return nil, nil, err
			}
			continue
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil, nil, &Error{Kind: ErrBusy, Err: err}
		}
		t := time.NewTimer(min(left, lt.poll))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, nil, &Error{Kind: ErrCanceled, Err: ctx.Err()}
		case <-t.C:
		}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(lt.renew)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			err := db.AcquireLease(ctx, leaseName, holder, lt.ttl)
			var le *store.LeaseError
			if errors.As(err, &le) {
				cancel(&Error{Kind: ErrBusy, Err: fmt.Errorf(msgLeaseLost+": %w", err)})
				return
			}
			// Other errors (a busy database) are retried at the next tick;
			// the lease outlasts several of them.
		}
	}()
	release := func() {
		close(stop)
		<-stopped
		rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer rcancel()
		_ = db.ReleaseLease(rctx, leaseName, holder)
		cancel(nil)
	}
	return ctx, release, nil
}

// holderGone reports whether holder is a process of this machine that no
// longer runs.
func holderGone(holder string) bool {
	parts := strings.Split(holder, ":")
	if len(parts) != 3 {
		return false
	}
	host, _ := os.Hostname()
	pid, err := strconv.Atoi(parts[1])
	if err != nil || parts[0] != host || pid == os.Getpid() || pid <= 0 {
		return false
	}
	return !processAlive(pid)
}
