package mail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
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
