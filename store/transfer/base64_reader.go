package transfer

import (
	"io"
	"sync"
)

// Base64Reader decodes base64 read from another reader.
type Base64Reader struct {
	pooled *base64Buf
	src    io.Reader
	dec    Base64Decoder
	in     []byte
	out    []byte // decoded bytes not yet returned; aliases buf
	buf    []byte
	eof    bool
	err    error // the source's error other than io.EOF
}

// base64Chunk is how much encoded text a Base64Reader decodes at a time.
const base64Chunk = 16 << 10

// base64Buf holds a Base64Reader's input chunk and its decoded output.
type base64Buf [base64Chunk + base64Chunk*3/4 + 8]byte

// base64Bufs recycles the buffers of Base64Readers: a mail has a few
// base64 parts, and fresh buffers for each cost a sync more in garbage
// collection than the decoding.
var base64Bufs = sync.Pool{New: func() any { return new(base64Buf) }}

// NewBase64Reader returns a reader of what r decodes to. Call Release when
// done with it.
func NewBase64Reader(r io.Reader) *Base64Reader {
	b := base64Bufs.Get().(*base64Buf)
	return &Base64Reader{src: r, pooled: b, in: b[:base64Chunk], buf: b[base64Chunk:base64Chunk]}
}

// Release returns the buffers; the reader reads nothing after it.
func (r *Base64Reader) Release() {
	if r.pooled != nil {
		base64Bufs.Put(r.pooled)
	}
	r.pooled, r.in, r.buf, r.out, r.eof = nil, nil, nil, nil, true
}

// Read reads decoded bytes. An error from the source ends the input: what
// was decoded is returned first, then the error.
func (r *Base64Reader) Read(p []byte) (int, error) {
	for len(r.out) == 0 {
		if r.eof {
			if r.err != nil {
				return 0, r.err
			}
			return 0, io.EOF
		}
		n, err := r.src.Read(r.in)
		r.out = r.dec.Write(r.buf[:0], r.in[:n])
		if err != nil {
			r.eof = true
			if err != io.EOF {
				r.err = err
			}
			r.out = r.dec.Finish(r.out)
		}
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
}

// Problems describes what was broken in what was read so far.
func (r *Base64Reader) Problems() []string { return r.dec.Problems() }
