package main

import (
	"context"
	"fmt"
	"time"

	"beiandesk/mail"
	"beiandesk/store"
)

// outboxJSON is one item of `outbox --json`.
type outboxJSON struct {
	ID        int64    `json:"id"`
	CaseID    int64    `json:"case_id"`
	Kind      string   `json:"kind"`
	MessageID string   `json:"message_id"`
	To        []string `json:"to"`
	Subject   string   `json:"subject"`
	State     string   `json:"state"`
	StateText string   `json:"state_text"`
	Error     string   `json:"error,omitempty"`
	SentAt    *string  `json:"sent_at"`
	Appended  bool     `json:"appended"`
	MailID    int64    `json:"mail_id,omitempty"`
}

// outboxCmd first resolves what an earlier run left unfinished (the
// start-up check), optionally retries one item (--retry ID; a 待核实 one
// needs --confirm), then lists the outbox.
func outboxCmd(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("outbox", e)
	retry := fs.Int64("retry", 0, "outbox item to send again")
	confirm := fs.Bool("confirm", false, "resend an item that may have arrived")
	asJSON := fs.Bool("json", false, "print JSON")
	mf := addMailFlags(fs)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, pos)}
	}
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	acct, err := mf.account(ctx, db)
	if err != nil {
		return err
	}
	clerk := e.clerkName(ctx, db)
	recoverOutbox(ctx, e, db, acct, clerk)
	if *retry != 0 {
		if _, err := mail.Retry(ctx, db, acct, *retry, *confirm, clerk); err != nil {
			return err
		}
	}
	items, err := db.Outbox(ctx, store.OutboxFilter{})
	if err != nil {
		return err
	}
	list := make([]outboxJSON, 0, len(items))
	for _, it := range items {
		j := outboxJSON{ID: it.ID, CaseID: it.CaseID, Kind: it.Kind, MessageID: it.MessageID, To: it.To, Subject: it.Subject,
			State: string(it.State), StateText: it.State.Label(), Error: it.Error, Appended: it.Appended, MailID: it.MailID}
		if it.SentAt != nil {
			s := it.SentAt.Format(time.RFC3339)
			j.SentAt = &s
		}
		list = append(list, j)
	}
	if *asJSON {
		return writeJSON(e.stdout, list)
	}
	for _, j := range list {
		fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\t%s\n", j.ID, j.StateText, j.Subject, fmt.Sprint(j.To), j.Error)
	}
	return nil
}
