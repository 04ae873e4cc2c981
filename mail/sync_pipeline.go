package mail

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"

	"beiandesk/store"
)

// fetchedBatch is one FETCH's worth of spooled messages.
type fetchedBatch struct {
	msgs     []listed
	got      map[imap.UID]*spooled
	problems []string
	err      error
}

// fetchAll fetches and stores msgs in three overlapping stages: the
// fetcher spools batch after batch, workers parse the spooled messages a
// few ahead, and the storer writes them in UID order. Parsing runs on
// across batch boundaries, so the next batch is parsed while this one is
// stored. Mails share a transaction with the checkpoint of the last one,
// and the checkpoint never passes a message that the server did not
// deliver, so that one is tried again next time.
func (y *syncer) fetchAll(ctx context.Context, cp store.Checkpoint, msgs []listed) error {
	y.progress(0, len(msgs))
	ctx, cancel := context.WithCancel(ctx)
	// Unbuffered: with the batch being parsed and the one being stored,
	// at most three batches are spooled at a time.
	fetched := make(chan fetchedBatch)
	go func() {
		defer close(fetched)
		for _, batch := range batches(msgs, y.cfg.BatchSize, maxBatchBytes) {
			got, problems, err := y.fetch(ctx, batch)
			fetched <- fetchedBatch{msgs: batch, got: got, problems: problems, err: err}
			if err != nil || ctx.Err() != nil {
				return
			}
		}
	}()
	pp := y.startPrep(ctx, fetched)
	defer func() {
		// Stop the workers, free what they parsed in vain, and let the
		// fetcher finish (it drains its FETCH) before the session is
		// logged out.
		cancel()
		close(pp.stop)
		for j := range pp.queue {
			<-j.done
			j.release()
		}
		pp.wg.Wait()
		for b := range fetched {
			closeSpooled(b.got)
		}
	}()
	return y.storeAll(ctx, cp, len(msgs), pp.queue)
}

// prepJob is one listed message on its way to the book: spooled by the
// fetcher (or missing: the server did not deliver it), parsed by a worker,
// stored in UID order.
type prepJob struct {
	m       listed
	batch   *fetchedBatch
	first   bool // the batch's first message: the batch's problems are reported with it
	last    bool // the batch's last message
	missing bool
	sp      *spooled
	p       *prepared
	err     error
	done    chan struct{} // closed once parsed (at once when missing)
}

// release frees the spool and the parsed message; only after done.
func (j *prepJob) release() {
	if j.p != nil {
		j.p.close()
		j.p = nil
	}
	if j.sp != nil {
		j.sp.close()
		j.sp = nil
	}
}

// parseAhead is how many parsed messages may wait for the storer. A commit
// takes as long as parsing a few dozen small mails, and the workers go on
// meanwhile. Their text is in memory; spools beyond spoolMemory are files.
const parseAhead = 32

// prepPipeline hands the storer the jobs of every batch in UID order while
// workers parse them ahead.
type prepPipeline struct {
	queue chan *prepJob
	stop  chan struct{}
	wg    sync.WaitGroup
}

// startPrep starts the feeder and the parse workers. Closing stop ends
// them; queue is closed once the feeder is gone, and every job it held
// back is released by then.
func (y *syncer) startPrep(ctx context.Context, fetched <-chan fetchedBatch) *prepPipeline {
	// One core is left to fetching and storing.
	workers := max(1, min(runtime.NumCPU()-1, 4))
	pp := &prepPipeline{queue: make(chan *prepJob, parseAhead), stop: make(chan struct{})}
	work := make(chan *prepJob)
	pp.wg.Add(1)
	go func() {
		defer pp.wg.Done()
		defer close(pp.queue)
		defer close(work)
		for b := range fetched {
			for i, m := range b.msgs {
				j := &prepJob{m: m, batch: &b, first: i == 0, last: i == len(b.msgs)-1, sp: b.got[m.uid], done: make(chan struct{})}
				delete(b.got, m.uid)
				if j.sp == nil {
					j.missing = true
					close(j.done)
				} else {
					select {
					case work <- j:
					case <-pp.stop:
						j.release()
						closeSpooled(b.got)
						return
					}
				}
				select {
				case pp.queue <- j:
				case <-pp.stop:
					<-j.done
					j.release()
					closeSpooled(b.got)
					return
				}
			}
		}
	}()
	for range workers {
		pp.wg.Add(1)
		go func() {
			defer pp.wg.Done()
			for j := range work {
				j.p, j.err = prepare(ctx, y.db, j.sp)
				close(j.done)
			}
		}()
	}
	return pp
}

// storeAll stores the jobs in order. Several mails share one transaction,
// with the checkpoint of the last one: a commit costs more than a small
// mail. It is committed after commitEvery mails or commitAfter, so the
// write lock is never held long and a crash loses at most that much work,
// never a mail.
func (y *syncer) storeAll(ctx context.Context, cp store.Checkpoint, total int, queue <-chan *prepJob) error {
	account, box := y.cfg.Account(), y.cfg.Mailbox
	source := "imap:" + account + "/" + box
	var (
		tx      store.MailTx
		txStart time.Time
		// due fires when the open transaction has lasted commitAfter, also
		// while the storer waits for the network or the parser, so the
		// write lock is not held meanwhile; nil while none is open.
		due                                 <-chan time.Time
		done                                int
		held                                bool // a message was not delivered: the checkpoint stays before it
		pendingNew, pendingDup, pendingDone int
		pendingUID                          imap.UID // the checkpoint the open transaction carries; 0: none
	)
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	commit := func() error {
		if tx != nil {
			// The checkpoint is written once per transaction, with the
			// mails it covers: atomic with them, as if after each.
			var err error
			if pendingUID != 0 {
				err = tx.SetCheckpoint(account, box, store.Checkpoint{UIDValidity: cp.UIDValidity, LastUID: uint32(pendingUID)})
			}
			if err == nil {
				err = tx.Commit()
			} else {
				tx.Rollback()
			}
			tx, pendingUID, due = nil, 0, nil
			if err != nil {
				return fmt.Errorf("store mail: %w", err)
			}
		}
		y.stats.New += pendingNew
		y.stats.Duplicates += pendingDup
		done += pendingDone
		pendingNew, pendingDup, pendingDone = 0, 0, 0
		return nil
	}
	for {
		var j *prepJob
		ok := true
		select {
		case j, ok = <-queue:
		case <-due:
			if err := commit(); err != nil {
				return y.storeErr(ctx, 0, err)
			}
			j, ok = <-queue
		}
		if !ok {
			break
		}
		b, uid := j.batch, j.m.uid
		if ctx.Err() != nil {
			// Canceled or out of time: keep what is stored so far, as
			// the progress bar showed it.
			j.release()
			if err := commit(); err != nil {
				return y.storeErr(ctx, uid, err)
			}
			return y.storeErr(ctx, uid, ctx.Err())
		}
		if j.first {
			y.stats.Problems = append(y.stats.Problems, b.problems...)
		}
		if j.missing {
			if b.err != nil {
				// Cut off: what arrived before is kept, the caller hears why.
				if err := commit(); err != nil {
					return y.storeErr(ctx, uid, err)
				}
				return b.err
			}
			y.stats.Failed++
			y.stats.Problems = append(y.stats.Problems, fmt.Sprintf(msgFetchMissing, uid))
			held = true
			pendingDone++
			y.progress(done+pendingDone, total)
			continue
		}
		select {
		case <-j.done:
		case <-due:
			if err := commit(); err != nil {
				<-j.done
				j.release()
				return y.storeErr(ctx, uid, err)
			}
			<-j.done
		}
		if j.err != nil {
			j.release()
			if err := commit(); err != nil {
				return y.storeErr(ctx, uid, err)
			}
			return y.storeErr(ctx, uid, j.err)
		}
		if tx == nil {
			var err error
			// Not canceled with ctx: database/sql would roll back the
			// mails stored so far, which a cancel keeps (see above).
			if tx, err = y.db.BeginMail(context.WithoutCancel(ctx)); err != nil {
				j.release()
				return y.storeErr(ctx, uid, err)
			}
			txStart = time.Now()
			due = time.After(commitAfter)
		}
		res, err := storePrepared(tx, j.p, source)
		j.release()
		if err == nil && !held {
			pendingUID = uid
		}
		if err != nil {
			return y.storeErr(ctx, uid, err)
		}
		if res.Duplicate {
			pendingDup++
		} else {
			pendingNew++
		}
		pendingDone++
		y.progress(done+pendingDone, total)
		if pendingDone >= commitEvery || time.Since(txStart) >= commitAfter || (j.last && b.err != nil) {
			if err := commit(); err != nil {
				return y.storeErr(ctx, uid, err)
			}
		}
		if j.last && b.err != nil {
			return b.err
		}
	}
	if err := commit(); err != nil {
		return y.storeErr(ctx, 0, err)
	}
	return nil
}

// A shared transaction is committed after this many mails or this long.
const (
	commitEvery = 50
	commitAfter = 250 * time.Millisecond
)

func (y *syncer) storeErr(ctx context.Context, uid imap.UID, err error) error {
	if ctx.Err() != nil {
		return wrapStep(ctx, y.cfg, nil, "store", ctx.Err())
	}
	return fmt.Errorf("sync %s: store UID %d: %w", y.cfg.Mailbox, uid, err)
}
