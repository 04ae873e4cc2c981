package mail

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
)

// RawSpan is where an attachment lies in the raw message, still in its
// transfer encoding: decoding Length bytes from Start with Encoding
// (store/transfer) gives the attachment back. The store keeps such an
// attachment as a slice of the raw message instead of a second, decoded
// copy (issue 11).
type RawSpan struct {
	Start, Length int64
	Encoding      string // transfer.Plain or transfer.Base64
}

// rawPositioner is a reader whose bytes are one contiguous run of the raw
// message and which knows where the next byte it returns lies in it. The
// readers between the raw message and a part's body pass this on, so the
// part's place is known without copying it; a reader that transforms its
// input (a transfer decoder, a spool) does not, and what is read through
// it is stored decoded as before.
type rawPositioner interface {
	rawPos() (int64, bool)
}

// rawPosOf returns where the next byte of r lies in the raw message.
func rawPosOf(r io.Reader) (int64, bool) {
	if p, ok := r.(rawPositioner); ok {
		return p.rawPos()
	}
	return 0, false
}

// rawCounter counts what the parser reads of the raw message: the position
// every other reader's is derived from.
type rawCounter struct{ countingReader }

func (c *rawCounter) rawPos() (int64, bool) { return c.n, true }

// headedBody is the body after a header block read from br, which reads
// from under: first the stray line readHeader returned, if any, then the
// rest of br.
type headedBody struct {
	rest  []byte
	br    *bufio.Reader
	under io.Reader
	stray bool // readHeader may have cut the stray line short: no position
}

// bodyReader returns the body that follows a header block read from br
// (built on under): rest, then what br still reads.
func bodyReader(rest []byte, br *bufio.Reader, under io.Reader) io.Reader {
	return &headedBody{rest: rest, br: br, under: under, stray: len(rest) > 0}
}

func (b *headedBody) Read(p []byte) (int, error) {
	if len(b.rest) > 0 {
		n := copy(p, b.rest)
		b.rest = b.rest[n:]
		return n, nil
	}
	return b.br.Read(p)
}

func (b *headedBody) rawPos() (int64, bool) {
	if b.stray {
		return 0, false
	}
	pos, ok := rawPosOf(b.under)
	return pos - int64(b.br.Buffered()), ok
}

// countedSlice measures the raw bytes of one part's body, from its start
// to its end, as the parser reads them to the end.
type countedSlice struct {
	countingReader
	start      int64
	positioned bool // start is known
}

func (c *countedSlice) rawPos() (int64, bool) { return c.start + c.n, c.positioned }

// hashedBody hashes the body as it is read.
type hashedBody struct {
	r io.Reader
	h hash.Hash
}

func (b *hashedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.h.Write(p[:n])
	return n, err
}

func (b *hashedBody) rawPos() (int64, bool) { return rawPosOf(b.r) }

func (r plainReader) rawPos() (int64, bool) { return rawPosOf(r.Reader) }

// rawPos is where the next byte of the part lies: its bytes are the raw
// lines after its delimiter, returned in order.
func (r *partReader) rawPos() (int64, bool) { return r.start + r.n, r.positioned }

// hashOnly is the SaveFunc of an attachment kept as a slice of the raw
// message: its bytes are not stored again, only hashed.
func hashOnly(_, _ string, body io.Reader) (string, int64, error) {
	h := sha256.New()
	n, err := io.Copy(h, body)
	return hex.EncodeToString(h.Sum(nil)), n, err
}
