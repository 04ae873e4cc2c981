// Package mail reads the mail that reaches the filing desk: it parses RFC 5322
// messages (with the many ways Chinese mail clients break MIME), streams the
// attachments to storage and proposes case fields found in the text.
package mail

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"time"
)

// SaveFunc stores one attachment. It must read body to the end and return the
// SHA-256 (hex) and size of what it read. Parse calls it sequentially from the
// calling goroutine, not always in the order of Message.Attachments (an attached
// message is saved after the attachments inside it). An error from it aborts Parse.
type SaveFunc func(name, contentType string, body io.Reader) (sha256hex string, size int64, err error)

// Message is a parsed mail.
type Message struct {
	MessageID          string    // without <>; "" when absent
	Date               time.Time // zero when absent or unparseable
	FromName, FromAddr string    // FromAddr is lower case
	To                 []string  // addresses only, lower case
	Subject            string
	// Text is the plain text of the mail, or its HTML converted to text, followed
	// by the text of forwarded messages. It is capped at MaxText bytes.
	Text string
	// Attachments in order of appearance, including inline images and the
	// attachments of forwarded messages; an attached message is listed itself
	// (as .eml) before its own attachments.
	Attachments []Attachment
	BodySHA256  string   // hex SHA-256 of the raw bytes after the header block
	Problems    []string // what was broken, in Chinese, for the clerk
	Proposal    Proposal
}

// Attachment describes one saved attachment.
type Attachment struct {
	Name        string // decoded file name; generated when the mail gave none
	ContentType string // media type without parameters, lower case
	Size        int64
	SHA256      string // as returned by the SaveFunc
	Inline      bool   // shown inside the mail body (Content-Disposition inline, or part of multipart/related)
	// Raw is where the attachment lies in the raw message, when every
	// reader on the way passed its position on; nil otherwise.
	Raw *RawSpan
}

// Limits on what Parse keeps or follows.
const (
	MaxText        = 1 << 20 // bytes of Message.Text
	maxPartText    = 4 << 20 // decoded bytes read from one text part (HTML is larger than its text)
	maxDepth       = 20      // nesting of multiparts and forwarded messages
	maxAttachments = 1000
	maxEntities    = 10000   // body parts in one message, however small
	spoolInMemory  = 1 << 20 // an attached message larger than this is spooled to a temporary file
)

// forwardSeparator introduces the text of a forwarded message in Message.Text.
const forwardSeparator = "---------- 转发的邮件 ----------"

// Parse reads one RFC 5322 message from r and streams attachment bodies to save,
// never holding them in memory. Broken MIME (missing closing boundary, truncated
// base64, unknown charset, garbage) is parsed best-effort and described in
// Message.Problems. Parse returns an error only when reading r or save fails, or
// when the temporary file for a large attached message cannot be written.
func Parse(r io.Reader, save SaveFunc) (*Message, error) {
	return parse(r, save, true, false)
}

// parse is Parse; without bodyHash, BodySHA256 stays empty (import and sync
// key mails by their dedup key and do not need a second hash of every byte).
// With hashSliced, an attachment whose RawSpan is known is only hashed, not
// given to save: the store keeps it as a slice of the raw message.
func parse(r io.Reader, save SaveFunc, bodyHash, hashSliced bool) (*Message, error) {
	src := &stickyReader{r: r}
	p := &mimeParser{save: save, seen: map[string]bool{}, hashSliced: hashSliced}

	counter := &rawCounter{countingReader{r: src}}
	br := bufio.NewReaderSize(counter, 32<<10)
	h, rest, end := readHeader(br)
	body := bodyReader(rest, br, counter)
	var sum hash.Hash
	if bodyHash {
		sum = sha256.New()
		body = &hashedBody{r: body, h: sum}
	}

	m := &Message{}
	topCharset := ""
	if ct := h.get("content-type"); ct != nil {
		topCharset = parseMediaHeader(ct).params["charset"]
	}
	env := p.envelope(h, topCharset)
	m.MessageID, m.Date, m.Subject = env.messageID, env.date, env.subject
	m.FromName, m.FromAddr, m.To = env.fromName, env.fromAddr, env.to
	switch {
	case len(h) == 0 && end == endEOF:
		p.problem("邮件是空的")
	case len(h) == 0:
		p.problem("没有找到邮件头")
	case end == endEOF:
		p.problem("邮件只有邮件头，没有正文（可能被截断）")
	case end == endStray:
		p.problem("邮件头与正文之间缺少空行")
	}

	c, err := p.walk(newEntity(h, "text/plain", p), body, 0, "")
	if err == nil {
		// The hash covers the whole body, also what the parser did not need.
		_, err = io.Copy(io.Discard, body)
	}
	if src.err != nil {
		return nil, fmt.Errorf("mail: read message: %w", src.err)
	}
	if err != nil {
		return nil, err
	}
	if topCharset == "" && p.textCharset != "" && has8bit(h) {
		// Raw 8-bit header bytes: the first text part's charset is the best hint.
		hinted := (&mimeParser{seen: map[string]bool{}}).envelope(h, p.textCharset)
		m.Subject, m.FromName, m.FromAddr = hinted.subject, hinted.fromName, hinted.fromAddr
	}
	m.Text = p.capText(c.text)
	m.Attachments = p.attachments
	if sum != nil {
		m.BodySHA256 = hex.EncodeToString(sum.Sum(nil))
	}
	m.Problems = p.problems
	m.Proposal = propose(m)
	return m, nil
}

// stickyReader remembers the first read error and reports plain EOF from then on,
// so that the tolerant parser treats a failing source like a truncated one, and
// Parse can still tell the two apart at the end.
type stickyReader struct {
	r   io.Reader
	err error
	eof bool
}

func (s *stickyReader) Read(p []byte) (int, error) {
	if s.eof {
		return 0, io.EOF
	}
	n, err := s.r.Read(p)
	if err != nil {
		s.eof = true
		if !errors.Is(err, io.EOF) {
			s.err = err
		}
		if n > 0 {
			return n, nil
		}
		return 0, io.EOF
	}
	return n, nil
}
