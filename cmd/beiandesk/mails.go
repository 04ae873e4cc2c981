package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"beiandesk/mail"
	"beiandesk/store"
)

// mailJSON is the contract's mail shape; fields after case_id are additions.
type mailJSON struct {
	ID            int64            `json:"id"`
	MessageID     string           `json:"message_id"`
	Date          *string          `json:"date"`
	FromName      string           `json:"from_name"`
	FromAddr      string           `json:"from_addr"`
	Subject       string           `json:"subject"`
	Text          string           `json:"text"`
	FilingNumbers []string         `json:"filing_numbers"`
	Attachments   []attachmentJSON `json:"attachments"`
	CaseID        *int64           `json:"case_id"`

	To        []string        `json:"to"`
	State     string          `json:"state"`
	Proposal  json.RawMessage `json:"proposal"`
	Problems  []string        `json:"problems"`
	Source    string          `json:"source"`
	RawSHA256 string          `json:"raw_sha256"`
	RawSize   int64           `json:"raw_size"`
	StoredAt  string          `json:"stored_at"`
}

type attachmentJSON struct {
	Name        string `json:"name"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	ContentType string `json:"content_type"`
	Inline      bool   `json:"inline"`
}

func toMailJSON(m *store.Mail) mailJSON {
	j := mailJSON{
		ID: m.ID, MessageID: m.MessageID, FromName: m.FromName, FromAddr: m.FromAddr,
		Subject: m.Subject, Text: m.Text, CaseID: m.CaseID, To: nonNil(m.To), State: m.State,
		Proposal: m.Proposal, Problems: nonNil(m.Problems), Source: m.Source,
		RawSHA256: m.RawSHA256, RawSize: m.RawSize, StoredAt: m.StoredAt.Format(time.RFC3339),
		FilingNumbers: nonNil(mail.ProposalOf(m).Filings),
		Attachments:   make([]attachmentJSON, len(m.Attachments)),
	}
	if !m.Date.IsZero() {
		d := m.Date.Format(time.RFC3339)
		j.Date = &d
	}
	if !json.Valid(j.Proposal) {
		j.Proposal = json.RawMessage("{}")
	}
	for i, a := range m.Attachments {
		j.Attachments[i] = attachmentJSON{Name: a.Name, Size: a.Size, SHA256: a.SHA256, ContentType: a.ContentType, Inline: a.Inline}
	}
	return j
}

// mailsList prints the stored mails, newest first.
func mailsList(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("mails", e)
	state := fs.String("state", "", "new|case|ignored")
	limit := fs.Int("limit", 0, "at most this many mails")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	switch *state {
	case "", store.MailNew, store.MailCase, store.MailIgnored:
	default:
		return usageError{fmt.Sprintf(msgBadMailState, *state)}
	}
	if *limit < 0 {
		return usageError{msgBadLimit}
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if *asJSON {
		return streamMailsJSON(ctx, db, e.stdout, *state, *limit)
	}
	mails, err := db.Mails(ctx, store.MailFilter{State: *state, Limit: *limit})
	if err != nil {
		return err
	}
	for _, m := range mails {
		date := "-"
		if !m.Date.IsZero() {
			date = m.Date.Format("2006-01-02 15:04")
		}
		from := m.FromAddr
		if m.FromName != "" {
			from = m.FromName + " <" + m.FromAddr + ">"
		}
		subject := strings.ReplaceAll(m.Subject, "\t", " ")
		if _, err := fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\t%s\n", m.ID, date, m.State, from, subject); err != nil {
			return err
		}
	}
	return nil
}

// mailsPage is how many mails are read from the book at a time for --json:
// a mail's text may be up to 1 MiB, so a page bounds the memory, not the count.
const mailsPage = 32

// streamMailsJSON writes the mails as one JSON array, element by element,
// reading the book a page at a time, so memory does not grow with the count.
func streamMailsJSON(ctx context.Context, db store.MailService, w io.Writer, state string, limit int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if _, err := bw.WriteString("["); err != nil {
		return err
	}
	n := 0
	for {
		size := mailsPage
		if limit > 0 {
			size = min(size, limit-n)
		}
		if size <= 0 {
			break
		}
		page, err := db.Mails(ctx, store.MailFilter{State: state, Limit: size, Offset: n})
		if err != nil {
			return err
		}
		for _, m := range page {
			if n > 0 {
				if _, err := bw.WriteString(","); err != nil {
					return err
				}
			}
			if err := enc.Encode(toMailJSON(m)); err != nil {
				return err
			}
			n++
		}
		if len(page) < size {
			break
		}
	}
	if _, err := bw.WriteString("]\n"); err != nil {
		return err
	}
	return bw.Flush()
}
