package mail

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"

	"beiandesk/store"
)

// Result tells what Import did with one message.
type Result struct {
	ID        int64 // the stored mail (the earlier copy for a duplicate)
	Duplicate bool  // the message was already stored
}

// Import stores one message read from r (a saved .eml, or a literal fetched
// over IMAP) unless an identical message is stored already. source names
// where it came from, e.g. "file:申请.eml". The message is spooled to a
// temporary file, so its size does not matter for memory.
func Import(ctx context.Context, db store.Book, r io.Reader, source string) (Result, error) {
	sp, err := spoolMessage(ctx, r)
	if err != nil {
		return Result{}, err
	}
	defer sp.close()
	p, err := prepare(ctx, db, sp)
	if err != nil {
		return Result{}, err
	}
	defer p.close()
	return commitPrepared(ctx, db, p, source)
}

// spooled is a message on disk together with its dedup key.
type spooled struct {
	data      spool
	size      int64
	key       string
	messageID string
}

// spoolMessage copies r to a spool, deriving the dedup key on the way.
func spoolMessage(ctx context.Context, r io.Reader) (*spooled, error) {
	sp := &spooled{}
	h := newDedupHasher()
	n, err := copyBuffered(io.MultiWriter(&sp.data, h), ctxReader{ctx, r})
	if err != nil {
		sp.close()
		return nil, fmt.Errorf("spool message: %w", err)
	}
	sp.size = n
	sp.key, sp.messageID = h.key()
	return sp, nil
}

// rewind returns the spooled message from its start.
func (sp *spooled) rewind() (io.Reader, error) { return sp.data.Reader() }

func (sp *spooled) close() { sp.data.Close() }

// prepared is a spooled message parsed outside any transaction, ready to be
// stored: parsing is the slow part, and doing it before taking the write
// lock lets a sync parse one message while it stores another.
type prepared struct {
	sp    *spooled
	dup   bool  // stored already (seen before parsing)
	dupID int64 // the stored copy
	mail  *store.Mail
	files []*spool // attachment bodies, in the order the parser saved them
	// Attachments kept as slices of the raw message; Source is filled in
	// once the raw message is stored.
	slices []store.BlobSlice
}

func (p *prepared) close() {
	for _, f := range p.files {
		f.Close()
	}
	p.files = nil
}

// prepare parses a spooled message unless it is stored already. Only local
// I/O errors fail; a message the parser cannot read gets a problem note
// and an empty text, and its raw bytes are still stored.
func prepare(ctx context.Context, db store.Book, sp *spooled) (*prepared, error) {
	p := &prepared{sp: sp}
	id, ok, err := db.LookupMail(ctx, sp.key)
	if err != nil {
		return nil, err
	}
	if ok {
		p.dup, p.dupID = true, id
		return p, nil
	}
	r, err := sp.rewind()
	if err != nil {
		return nil, err
	}
	var saveErr error
	save := func(name, contentType string, body io.Reader) (string, int64, error) {
		f, sha, size, err := spoolBlob(ctx, body)
		if err != nil {
			if saveErr == nil {
				saveErr = err
			}
			return "", 0, err
		}
		p.files = append(p.files, f)
		return sha, size, nil
	}
	msg, err := parseGuarded(r, save)
	if saveErr != nil {
		p.close()
		return nil, saveErr
	}
	m := &store.Mail{DedupKey: sp.key, MessageID: sp.messageID}
	p.mail = m
	if err != nil || msg == nil {
		if err == nil {
			err = errors.New("no message")
		}
		p.close()
		m.Problems = []string{err.Error()}
		return p, nil
	}
	if msg.MessageID != "" {
		m.MessageID = msg.MessageID
	}
	m.Date, m.FromName, m.FromAddr, m.To = msg.Date, msg.FromName, msg.FromAddr, msg.To
	m.Subject, m.Text, m.Problems = msg.Subject, msg.Text, msg.Problems
	m.Proposal, _ = json.Marshal(storedProposal(msg.Proposal))
	for _, a := range msg.Attachments {
		m.Attachments = append(m.Attachments, store.Attachment{
			Name: a.Name, ContentType: a.ContentType, Size: a.Size, SHA256: a.SHA256, Inline: a.Inline,
		})
		if a.Raw != nil {
			p.slices = append(p.slices, store.BlobSlice{SHA256: a.SHA256, Size: a.Size,
				Start: a.Raw.Start, Length: a.Raw.Length, Encoding: a.Raw.Encoding})
		}
	}
	return p, nil
}

// spoolBlob copies an attachment body to a spool and returns it with its
// SHA-256 and size.
func spoolBlob(ctx context.Context, body io.Reader) (*spool, string, int64, error) {
	s := &spool{}
	h := sha256.New()
	n, err := copyBuffered(io.MultiWriter(s, h), ctxReader{ctx, body})
	if err != nil {
		s.Close()
		return nil, "", 0, fmt.Errorf("spool attachment: %w", err)
	}
	return s, hex.EncodeToString(h.Sum(nil)), n, nil
}

// copyWriters recycles the 64 KiB writers of copyBuffered.
var copyWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 64<<10) }}

// copyBuffered copies r to w in writes of up to 64 KiB, however small the
// reads (an IMAP literal comes in pieces): the hash and the spool behind w
// cost per call.
func copyBuffered(w io.Writer, r io.Reader) (int64, error) {
	bw := copyWriters.Get().(*bufio.Writer)
	defer copyWriters.Put(bw)
	bw.Reset(w)
	defer bw.Reset(nil)
	n, err := io.Copy(bw, r)
	if err == nil {
		err = bw.Flush()
	}
	return n, err
}

// commitPrepared stores a prepared message in its own transaction.
func commitPrepared(ctx context.Context, db store.Book, p *prepared, source string) (Result, error) {
	if p.dup {
		return Result{ID: p.dupID, Duplicate: true}, nil
	}
	tx, err := db.BeginMail(ctx)
	if err != nil {
		return Result{}, err
	}
	defer tx.Rollback()
	res, err := storePrepared(tx, p, source)
	if err != nil || res.Duplicate {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return Result{}, fmt.Errorf("store mail: %w", err)
	}
	return res, nil
}

// storePrepared stores a prepared message inside tx: the raw bytes, the
// attachments and the mail row. A message stored already (found before or
// now, inside the write lock, since another process may have stored it
// meanwhile) is not stored again.
func storePrepared(tx store.MailTx, p *prepared, source string) (Result, error) {
	if p.dup {
		return Result{ID: p.dupID, Duplicate: true}, nil
	}
	id, ok, err := tx.Lookup(p.sp.key)
	if err != nil {
		return Result{}, err
	}
	if ok {
		return Result{ID: id, Duplicate: true}, nil
	}
	r, err := p.sp.rewind()
	if err != nil {
		return Result{}, err
	}
	m := *p.mail
	m.Source = source
	if m.RawSHA256, m.RawSize, err = tx.PutBlob(r); err != nil {
		return Result{}, err
	}
	for _, s := range p.slices {
		s.Source = m.RawSHA256
		if err := tx.PutSlice(s); err != nil {
			return Result{}, err
		}
	}
	for _, f := range p.files {
		r, err := f.Reader()
		if err != nil {
			return Result{}, fmt.Errorf("store attachment: %w", err)
		}
		if _, _, err := tx.PutBlob(r); err != nil {
			return Result{}, err
		}
	}
	if id, err = tx.Insert(&m); err != nil {
		return Result{}, err
	}
	return Result{ID: id}, nil
}

// parseGuarded runs the parser so that nothing in one bad message can end a
// whole import or sync run: a panic becomes a problem note.
func parseGuarded(r io.Reader, save SaveFunc) (msg *Message, err error) {
	defer func() {
		if v := recover(); v != nil {
			msg, err = nil, fmt.Errorf(msgParsePanic, v)
		}
	}()
	msg, err = parse(r, save, false, true)
	if err != nil {
		return msg, fmt.Errorf(msgParseFailed, err)
	}
	return msg, nil
}

// ctxReader stops a copy when ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// proposalJSON is how a Proposal is kept in the mail table: a stable,
// snake_case shape that the command line prints and the window reads back
// with ProposalOf.
type proposalJSON struct {
	Filings     []string `json:"filings"`
	Domains     []string `json:"domains"`
	USCCs       []string `json:"usccs"`
	IDNumbers   []string `json:"id_numbers"`
	Phones      []string `json:"phones"`
	Sponsor     string   `json:"sponsor"`
	Kind        string   `json:"kind"`
	SponsorType string   `json:"sponsor_type"`
	Contact     string   `json:"contact,omitempty"`
	Provider    string   `json:"provider,omitempty"`
	Fields      []string `json:"fields"`
}

func storedProposal(p Proposal) proposalJSON {
	j := proposalJSON(p)
	for _, s := range []*[]string{&j.Filings, &j.Domains, &j.USCCs, &j.IDNumbers, &j.Phones, &j.Fields} {
		if *s == nil {
			*s = []string{}
		}
	}
	return j
}

// ProposalOf returns the case fields the parser proposed for a stored mail
// (empty for a mail that could not be parsed).
func ProposalOf(m *store.Mail) Proposal {
	var j proposalJSON
	_ = json.Unmarshal(m.Proposal, &j)
	return Proposal(j)
}
