package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"strings"
)

// maxDedupHeader bounds how much of the header block is kept to find the
// fields of the dedup key; the rest of a huge header is only streamed past.
const maxDedupHeader = 256 << 10

// dedupHasher derives a message's dedup key while the message is written
// through it once, without holding the message.
//
// The key is "mid:<Message-ID>|<body hash>", or, for a message without
// Message-ID, "sha:<body hash>|<hash of From, Date and Subject>". The header
// block is left out of the body hash, so the same message delivered twice
// with different Received or X- headers gets the same key. The body hash is
// over canonical line ends (CRLF and LF alike, trailing line ends dropped),
// so a copy saved with Unix line ends matches the copy fetched over IMAP.
type dedupHasher struct {
	inHeader  bool
	header    []byte // the header block, up to maxDedupHeader
	lineLen   int    // bytes of the current header line so far
	lineFirst byte   // its first byte

	head canonHash // the whole header block
	body canonHash
}

func newDedupHasher() *dedupHasher {
	return &dedupHasher{inHeader: true, head: canonHash{h: sha256.New()}, body: canonHash{h: sha256.New()}}
}

func (d *dedupHasher) Write(p []byte) (int, error) {
	n := len(p)
	if d.inHeader {
		p = d.writeHeader(p)
	}
	if len(p) > 0 {
		d.body.write(p)
	}
	return n, nil
}

// writeHeader consumes header bytes up to and including the empty line that
// ends the header block, and returns what follows it.
func (d *dedupHasher) writeHeader(p []byte) []byte {
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			d.keepHeader(p)
			d.head.write(p)
			if d.lineLen == 0 {
				d.lineFirst = p[0]
			}
			d.lineLen += len(p)
			return nil
		}
		line := p[:i+1]
		p = p[i+1:]
		if d.lineLen == 0 && i > 0 {
			d.lineFirst = line[0]
		}
		total := d.lineLen + i // length without the '\n'
		empty := total == 0 || (total == 1 && d.lineFirst == '\r')
		d.lineLen = 0
		if empty {
			d.inHeader = false
			return p
		}
		d.keepHeader(line)
		d.head.write(line)
	}
	return nil
}

func (d *dedupHasher) keepHeader(b []byte) {
	if room := maxDedupHeader - len(d.header); room > 0 {
		d.header = append(d.header, b[:min(room, len(b))]...)
	}
}

// canonHash hashes text with CRLF turned into LF and line ends held back
// until more text follows, so trailing line ends do not count.
type canonHash struct {
	h         hash.Hash
	pendingCR bool
	pendingNL int
}

func (c *canonHash) write(p []byte) {
	for len(p) > 0 {
		if c.pendingCR {
			c.pendingCR = false
			if p[0] == '\n' {
				c.pendingNL++
				p = p[1:]
				continue
			}
			c.flushNL()
			c.h.Write(crByte)
		}
		switch p[0] {
		case '\r':
			c.pendingCR = true
			p = p[1:]
		case '\n':
			c.pendingNL++
			p = p[1:]
		default:
			// A run of ordinary bytes goes to the hash at once, uncopied:
			// byte by byte, or through a buffer of its own per message,
			// this cost more than the hash (pprof, issue 11).
			n := indexLineEnd(p)
			c.flushNL()
			c.h.Write(p[:n])
			p = p[n:]
		}
	}
}

var (
	crByte   = []byte{'\r'}
	newlines = bytes.Repeat([]byte{'\n'}, 64)
)

// indexLineEnd returns the index of the first CR or LF in p, or len(p).
func indexLineEnd(p []byte) int {
	n := bytes.IndexByte(p, '\n')
	if n < 0 {
		n = len(p)
	}
	if r := bytes.IndexByte(p[:n], '\r'); r >= 0 {
		n = r
	}
	return n
}

func (c *canonHash) flushNL() {
	for c.pendingNL > 0 {
		n := min(c.pendingNL, len(newlines))
		c.h.Write(newlines[:n])
		c.pendingNL -= n
	}
}

func (c *canonHash) sum() string { return hex.EncodeToString(c.h.Sum(nil)) }

// key returns the dedup key and the Message-ID found in the header.
func (d *dedupHasher) key() (key, messageID string) {
	body := d.body.sum()
	if d.inHeader {
		// No empty line anywhere: there is no body, and what was taken for
		// a header is all there is.
		body = d.head.sum()
	}
	fields := dedupFields(d.header)
	if mid := normalizeMessageID(fields["message-id"]); mid != "" {
		return "mid:" + mid + "|" + body, mid
	}
	if fields["from"] == "" && fields["date"] == "" && fields["subject"] == "" {
		// Not a mail header at all: let all of it count.
		return "sha:" + body + "|" + d.head.sum(), ""
	}
	h := sha256.New()
	for _, k := range []string{"from", "date", "subject"} {
		h.Write([]byte(fields[k]))
		h.Write([]byte{0})
	}
	return "sha:" + body + "|" + hex.EncodeToString(h.Sum(nil)), ""
}

// dedupFields returns the first Message-ID, From, Date and Subject of a raw
// header block, unfolded with runs of white space collapsed; values stay
// undecoded, which is all a key needs.
func dedupFields(header []byte) map[string]string {
	want := map[string]bool{"message-id": true, "from": true, "date": true, "subject": true}
	fields := map[string]string{}
	var name string
	var value strings.Builder
	flush := func() {
		if name != "" && want[name] {
			if _, seen := fields[name]; !seen {
				fields[name] = strings.Join(strings.Fields(value.String()), " ")
			}
		}
		name = ""
		value.Reset()
	}
	for _, line := range bytes.Split(header, []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			if name != "" {
				value.WriteByte(' ')
				value.Write(line)
			}
			continue
		}
		flush()
		i := bytes.IndexByte(line, ':')
		if i <= 0 {
			continue // an mbox "From " line or garbage
		}
		name = strings.ToLower(strings.TrimSpace(string(line[:i])))
		value.Write(line[i+1:])
	}
	flush()
	return fields
}

// normalizeMessageID keeps what is between the angle brackets, so that
// "<a@b>" and " <a@b> (comment)" give the same id.
func normalizeMessageID(v string) string {
	v = strings.TrimSpace(v)
	if i := strings.IndexByte(v, '<'); i >= 0 {
		if j := strings.IndexByte(v[i:], '>'); j > 1 {
			return strings.TrimSpace(v[i+1 : i+j])
		}
	}
	if f := strings.Fields(v); len(f) > 0 {
		return f[0]
	}
	return ""
}
