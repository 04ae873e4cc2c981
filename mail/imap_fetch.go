package mail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"beiandesk/store"
)

// maxBatchBytes bounds the mail spooled to disk per FETCH, so that a batch
// of big messages does not fill the temporary folder.
const maxBatchBytes = 32 << 20

// listed is a message to fetch.
type listed struct {
	uid  imap.UID
	size int64
}

// list returns the messages above last, in UID order, with their sizes.
func (y *syncer) list(last uint32) ([]listed, error) {
	var set imap.UIDSet
	set.AddRange(imap.UID(last+1), 0)
	var out []listed
	err := y.s.step("list", func() error {
		bufs, err := y.s.client.Fetch(set, &imap.FetchOptions{UID: true, RFC822Size: true}).Collect()
		for _, b := range bufs {
			// "n:*" also names the highest message when every UID is
			// below n, so the range is checked here.
			if uint32(b.UID) > last {
				out = append(out, listed{uid: b.UID, size: b.RFC822Size})
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].uid < out[j].uid })
	return out, nil
}

// batches splits msgs by count and by bytes; a big message gets a batch
// of its own.
func batches(msgs []listed, count int, bytes int64) [][]listed {
	var out [][]listed
	start, sum := 0, int64(0)
	for i, m := range msgs {
		if i > start && (i-start >= count || sum+m.size > bytes) {
			out = append(out, msgs[start:i])
			start, sum = i, 0
		}
		sum += m.size
	}
	if start < len(msgs) {
		out = append(out, msgs[start:])
	}
	return out
}

// fetchedBatch is one FETCH's worth of spooled messages.
type fetchedBatch struct {
	msgs     []listed
	got      map[imap.UID]*spooled
	problems []string
	err      error
}

// fetchAll fetches and stores msgs. Three things overlap: the next batch is
// fetched while this one is parsed, and messages are parsed ahead while
// earlier ones are being stored. Storing stays in UID order, one
// transaction per message, and the checkpoint follows each stored message
// but never passes a message that the server did not deliver, so that one
// is tried again next time.
func (y *syncer) fetchAll(ctx context.Context, cp store.Checkpoint, msgs []listed) error {
	y.progress(0, len(msgs))
	ctx, cancel := context.WithCancel(ctx)
	fetched := make(chan fetchedBatch, 1)
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
	defer func() {
		// Let the fetcher finish (it drains its FETCH) before the session
		// is logged out, and drop what it fetched in vain.
		cancel()
		for b := range fetched {
			closeSpooled(b.got)
		}
	}()
	st := &storeState{cp: cp, total: len(msgs)}
	for b := range fetched {
		y.stats.Problems = append(y.stats.Problems, b.problems...)
		err := y.storeBatch(ctx, st, b)
		closeSpooled(b.got)
		if err != nil {
			return err
		}
		if b.err != nil {
			return b.err
		}
	}
	return nil
}

// storeState is what storing carries from batch to batch.
type storeState struct {
	cp    store.Checkpoint
	total int
	done  int
	held  bool // a message was not delivered: the checkpoint stays before it
}

// prepJob is one message being parsed ahead of storing.
type prepJob struct {
	sp   *spooled
	p    *prepared
	err  error
	done chan struct{}
}

// storeBatch parses the messages of a batch on worker goroutines, a few
// ahead, and stores them in order.
func (y *syncer) storeBatch(ctx context.Context, st *storeState, b fetchedBatch) error {
	workers := max(1, min(runtime.NumCPU()-1, 4))
	jobs := make([]*prepJob, len(b.msgs))
	for i, m := range b.msgs {
		jobs[i] = &prepJob{sp: b.got[m.uid], done: make(chan struct{})}
	}
	// slots bounds the parsed messages waiting to be stored: their text is
	// in memory.
	slots := make(chan struct{}, 2*workers)
	stop := make(chan struct{})
	work := make(chan *prepJob)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(work)
		for _, j := range jobs {
			if j.sp == nil {
				close(j.done)
				continue
			}
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case work <- j:
			case <-stop:
				return
			}
		}
	}()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.p, j.err = prepare(ctx, y.db, j.sp)
				close(j.done)
			}
		}()
	}
	defer func() {
		close(stop)
		wg.Wait()
		for _, j := range jobs {
			if j.p != nil {
				j.p.close()
			}
		}
	}()

	account, box := y.cfg.Account(), y.cfg.Mailbox
	source := "imap:" + account + "/" + box
	// Several mails share one transaction, with the checkpoint of the last
	// one: a commit costs more than a small mail. It is committed after
	// commitEvery mails or commitAfter, so the write lock is never held long
	// and a crash loses at most that much work, never a mail.
	var tx store.MailTx
	var txStart time.Time
	var pendingNew, pendingDup, pendingDone int
	defer func() {
		if tx != nil {
			tx.Rollback()
		}
	}()
	commit := func() error {
		if tx != nil {
			err := tx.Commit()
			tx = nil
			if err != nil {
				return fmt.Errorf("store mail: %w", err)
			}
		}
		y.stats.New += pendingNew
		y.stats.Duplicates += pendingDup
		st.done += pendingDone
		pendingNew, pendingDup, pendingDone = 0, 0, 0
		return nil
	}
	for i, m := range b.msgs {
		j := jobs[i]
		if j.sp == nil {
			if b.err != nil {
				if err := commit(); err != nil {
					return y.storeErr(ctx, m.uid, err)
				}
				return nil // cut off: the caller reports b.err
			}
			y.stats.Failed++
			y.stats.Problems = append(y.stats.Problems, fmt.Sprintf(msgFetchMissing, m.uid))
			st.held = true
			pendingDone++
			y.progress(st.done+pendingDone, st.total)
			continue
		}
		<-j.done
		<-slots
		if j.err != nil {
			if err := commit(); err != nil {
				return y.storeErr(ctx, m.uid, err)
			}
			return y.storeErr(ctx, m.uid, j.err)
		}
		if tx == nil {
			var err error
			if tx, err = y.db.BeginMail(ctx); err != nil {
				return y.storeErr(ctx, m.uid, err)
			}
			txStart = time.Now()
		}
		res, err := storePrepared(tx, j.p, source)
		j.p.close()
		if err == nil && !st.held {
			err = tx.SetCheckpoint(account, box, store.Checkpoint{UIDValidity: st.cp.UIDValidity, LastUID: uint32(m.uid)})
		}
		if err != nil {
			return y.storeErr(ctx, m.uid, err)
		}
		if res.Duplicate {
			pendingDup++
		} else {
			pendingNew++
		}
		pendingDone++
		y.progress(st.done+pendingDone, st.total)
		if pendingDone >= commitEvery || time.Since(txStart) >= commitAfter {
			if err := commit(); err != nil {
				return y.storeErr(ctx, m.uid, err)
			}
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

func closeSpooled(m map[imap.UID]*spooled) {
	for uid, sp := range m {
		sp.close()
		delete(m, uid)
	}
}

// fetch spools the bodies of one batch to temporary files. The FETCH
// command is always drained, since an unread one blocks every later
// command. What arrived complete is returned even when the connection broke
// halfway; the error says so.
func (y *syncer) fetch(ctx context.Context, batch []listed) (map[imap.UID]*spooled, []string, error) {
	var set imap.UIDSet
	want := map[imap.UID]bool{}
	for _, m := range batch {
		set.AddNum(m.uid)
		want[m.uid] = true
	}
	got := map[imap.UID]*spooled{}
	var localErr error // a failure on our side (disk), not the network's
	err := y.s.step("fetch", func() error {
		cmd := y.s.client.Fetch(set, &imap.FetchOptions{
			UID:         true,
			BodySection: []*imap.FetchItemBodySection{{Peek: true}},
		})
		for msg := cmd.Next(); msg != nil; msg = cmd.Next() {
			uid, sp, dead := y.readMessage(ctx, msg, &localErr)
			if dead {
				// The connection broke under a literal. go-imap has already
				// let its reader go on (it ends a literal on any error), so
				// reading more here would race with it: leave the command
				// undrained; the client is closed with the session.
				return errConnDead
			}
			if sp == nil {
				continue
			}
			if !want[uid] || got[uid] != nil {
				sp.close()
				continue
			}
			got[uid] = sp
		}
		return cmd.Close()
	})
	if ctx.Err() != nil {
		closeSpooled(got)
		return nil, nil, wrapStep(ctx, y.cfg, nil, "fetch", ctx.Err())
	}
	if fail := y.s.conn.failure("fetch"); fail != nil {
		return got, nil, fail
	}
	if localErr != nil {
		closeSpooled(got)
		return nil, nil, localErr
	}
	var ie *imap.Error
	if errors.As(err, &ie) {
		// "NO Some messages could not be FETCHed": the rest is usable.
		return got, []string{fmt.Sprintf(msgFetchCommand, ie)}, nil
	}
	return got, nil, err
}

// errConnDead stops a FETCH whose connection failed under a literal.
var errConnDead = errors.New("connection failed during FETCH")

// readMessage reads one FETCH response, spooling its body. dead reports a
// read error inside the literal: the connection is gone.
func (y *syncer) readMessage(ctx context.Context, msg *imapclient.FetchMessageData, localErr *error) (uid imap.UID, sp *spooled, dead bool) {
	for item := msg.Next(); item != nil; item = msg.Next() {
		switch it := item.(type) {
		case imapclient.FetchItemDataUID:
			uid = it.UID
		case imapclient.FetchItemDataBodySection:
			if sp != nil || it.Literal == nil {
				continue
			}
			lit := &literalWatch{r: it.Literal, size: it.Literal.Size()}
			got, err := spoolMessage(ctx, lit)
			if lit.broken() {
				if got != nil {
					got.close()
				}
				if sp != nil {
					sp.close()
				}
				return 0, nil, true
			}
			if err != nil {
				if *localErr == nil {
					*localErr = err
				}
				continue
			}
			sp = got
		}
	}
	if sp != nil && uid == 0 {
		sp.close()
		return 0, nil, false
	}
	return uid, sp, false
}

// literalWatch notices a literal that failed or ended short.
type literalWatch struct {
	r    io.Reader
	size int64
	n    int64
	err  error
}

func (l *literalWatch) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n += int64(n)
	if err != nil && l.err == nil {
		l.err = err
	}
	return n, err
}

func (l *literalWatch) broken() bool {
	return l.err != nil && (l.err != io.EOF || l.n != l.size)
}
