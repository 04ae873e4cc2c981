package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"strings"
	"time"

	"beiandesk/store"
	"beiandesk/store/notice"
)

// Draft is a composed answer to the applicant: exactly the bytes that are
// sent, plus what the clerk previews.
type Draft struct {
	CaseID     int64
	Kind       notice.Kind
	Notice     *notice.Notice
	From       string
	To         string
	Subject    string
	MessageID  string // without brackets
	InReplyTo  string // without brackets; "" when the case did not come by mail
	References []string
	Body       string // the notice as text
	PDFName    string
	PDF        []byte
	Date       time.Time
	Raw        []byte // the complete message, CRLF line ends
}

// ComposeInput is what a reply needs.
type ComposeInput struct {
	CaseID int64
	Kind   notice.Kind
	To     string // typed address; "" takes the applicant's mail, else the case's contact
	From   string // the account's address
	Fonts  notice.Fonts
	Now    time.Time
	Clerk  string
}

// Compose builds the answer to a case: the notice as the body and as a
// PDF attachment, "Re: <subject>" with In-Reply-To and References when the
// case came by mail. A case without any address is refused before the
// notice is made.
func Compose(ctx context.Context, db store.Book, in ComposeInput) (*Draft, error) {
	c, err := db.Case(ctx, in.CaseID)
	if err != nil {
		return nil, err
	}
	from, err := mail.ParseAddress(strings.TrimSpace(in.From))
	if err != nil || in.From == "" {
		return nil, &Error{Kind: ErrConfig, Err: errors.New(msgReplyNoFrom)}
	}
	d := &Draft{CaseID: c.ID, Kind: in.Kind, From: from.Address, Date: in.Now}
	orig, err := originalMail(ctx, db, c)
	if err != nil {
		return nil, err
	}
	to := strings.TrimSpace(in.To)
	switch {
	case to != "":
	case orig != nil:
		to = orig.replyTo
	default:
		to = contactAddress(c)
	}
	if to == "" {
		return nil, fmt.Errorf(msgReplyNoAddress, c.Number)
	}
	addr, err := mail.ParseAddress(to)
	if err != nil {
		return nil, fmt.Errorf(msgReplyBadAddress, to)
	}
	d.To = addr.Address

	n, err := notice.ForCase(ctx, db, c.ID, in.Kind, in.Now, in.Clerk)
	if err != nil {
		return nil, err
	}
	d.Notice, d.Body = n, n.Text()
	if d.PDF, err = n.PDF(in.Fonts); err != nil {
		return nil, err
	}
	d.PDFName = fmt.Sprintf(msgReplyPDFName, n.Title, n.CaseNumber)
	d.Subject = fmt.Sprintf(msgReplySubject, n.Title, n.CaseNumber)
	if orig != nil {
		d.Subject = replySubject(orig.subject, d.Subject)
		d.InReplyTo = orig.messageID
		d.References = orig.references
	}
	d.MessageID = newMessageID(d.From, in.Now)
	d.Raw = d.render(n.Signature)
	return d, nil
}

type original struct {
	messageID, subject, replyTo string
	references                  []string
}

// originalMail is the applicant's first mail linked to the case (not one
// the desk sent), with what a reply needs from its header.
func originalMail(ctx context.Context, db store.Book, c *store.Case) (*original, error) {
	var first *store.Mail
	for _, id := range c.MailIDs {
		m, err := db.Mail(ctx, id)
		if err != nil {
			return nil, err
		}
		if m.Source == SourceSent {
			continue
		}
		if first == nil || m.Date.Before(first.Date) {
			first = m
		}
	}
	if first == nil {
		return nil, nil
	}
	o := &original{messageID: first.MessageID, subject: first.Subject, replyTo: first.FromAddr}
	r, _, err := db.OpenBlob(ctx, first.RawSHA256)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if msg, err := mail.ReadMessage(io.LimitReader(r, 1<<20)); err == nil {
		if l, err := msg.Header.AddressList("Reply-To"); err == nil && len(l) > 0 {
			o.replyTo = l[0].Address
		}
		for _, f := range strings.Fields(msg.Header.Get("References")) {
			if id := normalizeMessageID(f); id != "" && id != o.messageID {
				o.references = append(o.references, id)
			}
		}
	}
	if o.messageID != "" {
		o.references = append(o.references, o.messageID)
	}
	return o, nil
}

// contactAddress is the case's contact when it is a mail address.
func contactAddress(c *store.Case) string {
	for _, v := range []string{c.Contact, c.Details["email"]} {
		if a, err := mail.ParseAddress(strings.TrimSpace(v)); err == nil {
			return a.Address
		}
	}
	return ""
}

func replySubject(orig, fallback string) string {
	s := strings.TrimSpace(orig)
	if s == "" {
		return "Re: " + fallback
	}
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "re:") || strings.HasPrefix(s, "回复：") || strings.HasPrefix(s, "回复:") {
		return s
	}
	return "Re: " + s
}

// newMessageID makes a unique id on the sender's domain.
func newMessageID(from string, now time.Time) string {
	var b [8]byte
	rand.Read(b[:])
	domain := "beiandesk.local"
	if i := strings.LastIndexByte(from, '@'); i >= 0 {
		domain = from[i+1:]
	}
	return fmt.Sprintf("beiandesk.%d.%s@%s", now.UnixMilli(), hex.EncodeToString(b[:]), domain)
}

// render writes the message: UTF-8 text and the PDF, both base64.
func (d *Draft) render(fromName string) []byte {
	var b bytes.Buffer
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	enc := func(s string) string { return mime.BEncoding.Encode("UTF-8", s) }
	from := (&mail.Address{Name: fromName, Address: d.From}).String()
	h("From", from)
	h("To", "<"+d.To+">")
	h("Subject", enc(d.Subject))
	h("Date", d.Date.Format(time.RFC1123Z))
	h("Message-ID", "<"+d.MessageID+">")
	if d.InReplyTo != "" {
		h("In-Reply-To", "<"+d.InReplyTo+">")
	}
	if len(d.References) > 0 {
		refs := make([]string, len(d.References))
		for i, r := range d.References {
			refs[i] = "<" + r + ">"
		}
		h("References", strings.Join(refs, "\r\n "))
	}
	h("MIME-Version", "1.0")
	sum := sha256.Sum256([]byte(d.MessageID))
	boundary := "=_beiandesk_" + hex.EncodeToString(sum[:12])
	h("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": boundary}))
	b.WriteString("\r\n")
	b.WriteString("--" + boundary + "\r\n")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	base64Lines(&b, []byte(strings.ReplaceAll(d.Body, "\n", "\r\n")))
	b.WriteString("--" + boundary + "\r\n")
	h("Content-Type", mime.FormatMediaType("application/pdf", map[string]string{"name": d.PDFName}))
	h("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.PDFName}))
	h("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	base64Lines(&b, d.PDF)
	b.WriteString("--" + boundary + "--\r\n")
	return b.Bytes()
}

func base64Lines(b *bytes.Buffer, data []byte) {
	s := base64.StdEncoding.EncodeToString(data)
	for len(s) > 76 {
		b.WriteString(s[:76] + "\r\n")
		s = s[76:]
	}
	if s != "" {
		b.WriteString(s + "\r\n")
	}
}
