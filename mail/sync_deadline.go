package mail

import (
	"context"
	"sync"
	"time"
)

// DefaultDeadline bounds a whole sync when no Timeout is given. A server
// that answers every read just in time (one byte a second) never trips the
// per-step Timeout; this does. A sync stopped by it loses nothing: what was
// stored stays, with its checkpoint, and the next sync goes on from there.
const DefaultDeadline = 10 * time.Minute

// setupSteps counts the network exchanges before the first FETCH of mail
// (connect, TLS or greeting, LOGIN, ID, EXAMINE, the UID listing, LOGOUT,
// and one spare): with an explicit Timeout the sync may take Timeout for
// each of them and for each batch of mail.
const setupSteps = 8

// overallDeadline cancels a sync's context with ErrTimeout when its budget
// runs out; the budget can grow once the number of batches is known.
type overallDeadline struct {
	mu     sync.Mutex
	timer  *time.Timer
	end    time.Time
	budget time.Duration
}

// withDeadline returns ctx bounded by cfg's overall deadline.
func withDeadline(ctx context.Context, cfg Config) (context.Context, *overallDeadline, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	d := &overallDeadline{budget: cfg.Deadline, end: time.Now().Add(cfg.Deadline)}
	d.timer = time.AfterFunc(cfg.Deadline, func() {
		d.mu.Lock()
		budget := d.budget
		d.mu.Unlock()
		cancel(&Error{Kind: ErrTimeout, Host: cfg.Host, Err: &timeoutError{step: "sync", after: budget.String(), overall: true}})
	})
	return ctx, d, func() { d.timer.Stop(); cancel(nil) }
}

// extend adds more time to the budget (for the batches of mail to fetch).
func (d *overallDeadline) extend(more time.Duration) {
	if d == nil || more <= 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.timer.Stop() {
		return // already fired
	}
	d.end = d.end.Add(more)
	d.budget += more
	d.timer.Reset(time.Until(d.end))
}
