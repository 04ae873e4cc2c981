package mail

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"beiandesk/mail/smtp"
	"beiandesk/store"
	"beiandesk/store/notice"
)

// SourceSent marks a stored mail that the desk sent itself.
const SourceSent = "sent"

// SendResult is what a send did.
type SendResult struct {
	OutboxID  int64
	MessageID string
	To        string
	Subject   string
	SentAt    time.Time
	Appended  bool   // the copy is in the sent folder
	MailID    int64  // the sent message as stored with the case
	Problem   string // a note for the clerk (the copy could not be filed)
}

// Send mails a composed draft exactly once. The outbox row with the
// Message-ID and the exact bytes is committed first; then the attempt;
// then SMTP; after the server's 250 the copy goes to the sent folder and
// only then is the send recorded with the case. A crash anywhere is
// resolved by Recover at the next start.
func Send(ctx context.Context, db store.Book, acct Account, d *Draft, clerk string) (SendResult, error) {
	it := &store.OutboxItem{CaseID: d.CaseID, Kind: string(d.Kind), MessageID: d.MessageID,
		To: []string{d.To}, Subject: d.Subject, Clerk: clerk}
	if _, err := db.AddOutbox(ctx, it, bytes.NewReader(d.Raw)); err != nil {
		return SendResult{}, err
	}
	return deliver(ctx, db, acct, it, d.Raw, clerk)
}

// Retry sends an outbox item again. A 待核实 item (it may have arrived)
// is first looked for in the sent folder, and resent only with confirm.
func Retry(ctx context.Context, db store.Book, acct Account, id int64, confirm bool, clerk string) (SendResult, error) {
	it, err := db.OutboxItem(ctx, id)
	if err != nil {
		return SendResult{}, err
	}
	raw, err := outboxRaw(ctx, db, it.RawSHA256)
	if err != nil {
		return SendResult{}, err
	}
	switch it.State {
	case store.OutboxSent:
		return SendResult{}, errors.New(msgReplyIsSent)
	case store.OutboxUncertain:
		if found, err := inSentFolder(ctx, acct.IMAP, it.MessageID); err == nil && found {
			return record(ctx, db, it, raw, time.Now(), true, clerk)
		}
		if !confirm {
			return SendResult{}, errors.New(msgReplyConfirm)
		}
	}
	return deliver(ctx, db, acct, it, raw, clerk)
}

func deliver(ctx context.Context, db store.Book, acct Account, it *store.OutboxItem, raw []byte, clerk string) (SendResult, error) {
	if err := db.OutboxAttempt(ctx, it.ID); err != nil {
		return SendResult{}, err
	}
	from := acct.Address
	if from == "" {
		from = acct.SMTP.User
	}
	err := smtp.Send(ctx, acct.SMTP, from, it.To, raw)
	if err != nil {
		var se *smtp.Error
		uncertain := errors.As(err, &se) && se.Uncertain
		// The record of the failure must survive a cancelled context.
		if ferr := db.OutboxFailed(context.WithoutCancel(ctx), it.ID, err.Error(), uncertain); ferr != nil {
			return SendResult{}, errors.Join(err, ferr)
		}
		return SendResult{OutboxID: it.ID}, err
	}
	sentAt := time.Now()
	// The copy goes to the sent folder before the send is recorded: a
	// crash in between leaves it to be found there at the next start.
	appended, ferr := fileSent(ctx, acct.IMAP, it.MessageID, raw, sentAt)
	res, err := record(context.WithoutCancel(ctx), db, it, raw, sentAt, appended, clerk)
	if err == nil && ferr != nil {
		res.Problem = fmt.Sprintf(msgReplySentFolder, ferr)
	}
	return res, err
}

// record stores the sent message with the case and marks the item sent,
// in one transaction.
func record(ctx context.Context, db store.Book, it *store.OutboxItem, raw []byte, sentAt time.Time, appended bool, clerk string) (SendResult, error) {
	res := SendResult{OutboxID: it.ID, MessageID: it.MessageID, Subject: it.Subject, SentAt: sentAt, Appended: appended}
	if len(it.To) > 0 {
		res.To = it.To[0]
	}
	sp, err := spoolMessage(ctx, bytes.NewReader(raw))
	if err != nil {
		return res, err
	}
	defer sp.close()
	p, err := prepare(ctx, db, sp)
	if err != nil {
		return res, err
	}
	defer p.close()
	tx, err := db.BeginMail(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	stored, err := storePrepared(tx, p, SourceSent)
	if err != nil {
		return res, err
	}
	what := it.Kind
	if k, err := notice.ParseKind(it.Kind); err == nil {
		what = k.Title()
	}
	if err := tx.RecordSent(it.ID, stored.ID, sentAt, appended, what, clerk); err != nil {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, fmt.Errorf("record sent: %w", err)
	}
	res.MailID = stored.ID
	return res, nil
}

// RecoverStats tells what Recover resolved.
type RecoverStats struct {
	Sent      int // found in the sent folder and recorded as sent
	Uncertain int // not found: 待核实, left to the clerk
	Filed     int // copies put into the sent folder late
}

// Recover resolves what an earlier run left unfinished, at start: an item
// whose send was under way is looked for by its Message-ID in the sent
// folder — found, it is recorded as sent; not found, it becomes 待核实 and
// is never resent without the clerk. A sent item without its copy in the
// sent folder gets it now. Nothing is sent over SMTP here.
func Recover(ctx context.Context, db store.Book, acct Account, clerk string) (RecoverStats, error) {
	var st RecoverStats
	items, err := db.Outbox(ctx, store.OutboxFilter{Unfinished: true})
	if err != nil {
		return st, err
	}
	for _, it := range items {
		if it.State == store.OutboxPending && it.AttemptAt == nil {
			continue // never tried, or surely failed: the clerk retries
		}
		raw, err := outboxRaw(ctx, db, it.RawSHA256)
		if err != nil {
			return st, err
		}
		if it.State == store.OutboxSent {
			if ok, err := fileSent(ctx, acct.IMAP, it.MessageID, raw, derefTime(it.SentAt)); err != nil {
				return st, err
			} else if ok {
				if err := db.SetOutboxAppended(ctx, it.ID); err != nil {
					return st, err
				}
				st.Filed++
			}
			continue
		}
		found, err := inSentFolder(ctx, acct.IMAP, it.MessageID)
		if err != nil {
			return st, err
		}
		if found {
			at := time.Now()
			if it.AttemptAt != nil {
				at = *it.AttemptAt
			}
			if _, err := record(ctx, db, it, raw, at, true, clerk); err != nil {
				return st, err
			}
			st.Sent++
			continue
		}
		if it.State == store.OutboxPending {
			if err := db.OutboxFailed(ctx, it.ID, msgReplyUncertain, true); err != nil {
				return st, err
			}
		}
		st.Uncertain++
	}
	return st, nil
}

func derefTime(t *time.Time) time.Time {
	if t == nil {
		return time.Now()
	}
	return *t
}

func outboxRaw(ctx context.Context, db store.Book, sha string) ([]byte, error) {
	r, _, err := db.OpenBlob(ctx, sha)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}
