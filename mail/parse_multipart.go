package mail

import (
	"bufio"
	"bytes"
	"io"
	"sync"
)

// maxPreamble bounds the preamble kept in case the boundary never appears and the
// body has to be shown as text instead.
const maxPreamble = maxPartText

// multipartReader splits a multipart body into parts while streaming. Unlike
// mime/multipart it never gives up: a missing closing delimiter ends the last part
// at end of input, lines of any length are fine, stray text between parts is
// ignored, and a missing boundary parameter is guessed from the first line that
// looks like a delimiter.
type multipartReader struct {
	src   io.Reader // what br reads: its position is the parts' (parse_position.go)
	br    *bufio.Reader
	dash  []byte // "--" + boundary; nil while it is still to be guessed
	state multipartState
	id    int // number of the current part, so a stale part reader reads nothing

	atLineStart bool
	pending     []byte // bytes of the current part ready to be returned
	buf         []byte // backing array of pending, reused line after line
	nl          []byte // the last line ending, held back: it belongs to a following delimiter

	preamble     []byte
	unterminated bool // input ended before the closing delimiter
	parts        int

	pooled *multipartBuf // returned by release
}

// release returns the buffers for the next multipart; nothing is read after it.
func (m *multipartReader) release() {
	if m.pooled == nil {
		return
	}
	m.pooled.br.Reset(nil)
	if cap(m.buf) <= multipartBufCap {
		m.pooled.buf = m.buf[:0]
	}
	multipartBufs.Put(m.pooled)
	m.pooled, m.br, m.buf, m.pending = nil, nil, nil, nil
	m.state = stateDone
}

type multipartState int

const (
	statePreamble multipartState = iota
	statePart                    // inside a part
	stateNextPart                // a delimiter was read; the next part begins
	stateDone                    // closing delimiter or end of input
)

// multipartBuf is a multipart reader's line reader and part buffer, which
// are recycled: a mail has a multipart or two, and allocating these afresh
// for each was the largest share of a sync's garbage (pprof, issue 11).
type multipartBuf struct {
	br  *bufio.Reader
	buf []byte
}

// multipartBufCap holds fillTarget plus the longest line the line reader returns.
const multipartBufCap = fillTarget + 8<<10 + 64

var multipartBufs = sync.Pool{New: func() any {
	return &multipartBuf{br: bufio.NewReaderSize(nil, 8<<10), buf: make([]byte, 0, multipartBufCap)}
}}

func newMultipartReader(r io.Reader, boundary string) *multipartReader {
	pb := multipartBufs.Get().(*multipartBuf)
	pb.br.Reset(r)
	m := &multipartReader{src: r, br: pb.br, buf: pb.buf[:0], pooled: pb, atLineStart: true}
	if boundary != "" {
		m.dash = []byte("--" + boundary)
	}
	return m
}

// next returns a reader for the next part (its header and body), or nil when
// there are no more parts. The previous part is skipped if unread.
func (m *multipartReader) next() io.Reader {
	if m.state == statePart {
		io.Copy(io.Discard, &partReader{m: m, id: m.id})
	}
	switch m.state {
	case statePreamble:
		if !m.skipPreamble() {
			return nil
		}
	case stateNextPart:
	default:
		return nil
	}
	m.state = statePart
	m.id++
	m.parts++
	m.pending, m.nl = m.pending[:0], m.nl[:0]
	pr := &partReader{m: m, id: m.id}
	if pos, ok := rawPosOf(m.src); ok {
		// The delimiter line has just been read: the part starts here.
		pr.start, pr.positioned = pos-int64(m.br.Buffered()), true
	}
	return pr
}

// skipPreamble reads up to the first delimiter and reports whether one was found.
func (m *multipartReader) skipPreamble() bool {
	for {
		line, complete, eof := m.readLine()
		if eof {
			m.state = stateDone
			return false
		}
		if m.atLineStart && complete {
			if m.dash == nil {
				m.dash = guessBoundary(line)
			}
			switch m.delimiter(line) {
			case delimPart:
				return true
			case delimFinal:
				m.state = stateDone
				return false
			}
		}
		if room := maxPreamble - len(m.preamble); room > 0 {
			m.preamble = append(m.preamble, line[:min(room, len(line))]...)
		}
		m.atLineStart = complete
	}
}

// readLine reads a line, or a fragment of an overlong one (complete is false).
// The returned slice is valid until the next read.
func (m *multipartReader) readLine() (line []byte, complete, eof bool) {
	line, err := m.br.ReadSlice('\n')
	switch {
	case err == nil:
		return line, true, false
	case err == bufio.ErrBufferFull:
		return line, false, false
	case len(line) > 0:
		return line, true, false // last line without a line ending
	default:
		return nil, false, true
	}
}

type delimKind int

const (
	delimNone delimKind = iota
	delimPart
	delimFinal
)

func (m *multipartReader) delimiter(line []byte) delimKind {
	if m.dash == nil {
		return delimNone
	}
	l := bytes.TrimRight(line, " \t\r\n")
	if !bytes.HasPrefix(l, m.dash) {
		return delimNone
	}
	rest := l[len(m.dash):]
	switch {
	case len(rest) == 0:
		return delimPart
	case bytes.HasPrefix(rest, []byte("--")):
		// "--boundary-->" and other junk after the closing delimiter: it
		// still closes, as Python and mailparser read it.
		return delimFinal
	}
	return delimNone
}

// guessBoundary returns "--boundary" from a line that looks like a delimiter.
func guessBoundary(line []byte) []byte {
	l := bytes.TrimRight(line, " \t\r\n")
	if len(l) < 3 || len(l) > 2+200 || !bytes.HasPrefix(l, []byte("--")) {
		return nil
	}
	if bytes.ContainsAny(l, " \t") || len(bytes.Trim(l, "-")) == 0 {
		return nil
	}
	return bytes.Clone(l)
}

// partReader reads the current part's raw bytes.
type partReader struct {
	m  *multipartReader
	id int

	start      int64 // where the part starts in the raw message, when positioned
	n          int64 // bytes returned
	positioned bool
}

func (r *partReader) Read(p []byte) (int, error) {
	m := r.m
	for len(m.pending) == 0 {
		if m.state != statePart || m.id != r.id {
			return 0, io.EOF
		}
		m.fill()
	}
	n := copy(p, m.pending)
	m.pending = m.pending[n:]
	r.n += int64(n)
	return n, nil
}

// fillTarget is how many bytes fill gathers before it returns: a line per
// call made every reader above (transfer decoding, charset, spooling) run
// once per 78-byte line.
const fillTarget = 16 << 10

// fill reads lines of the current part into pending until it holds
// fillTarget bytes or the part ends.
func (m *multipartReader) fill() {
	m.pending = m.buf[:0]
	for m.state == statePart && len(m.pending) < fillTarget {
		m.fillLine()
	}
	m.buf = m.pending[:0]
}

// fillLine appends one line of the current part to pending, or ends the part.
func (m *multipartReader) fillLine() {
	wasLineStart := m.atLineStart
	line, complete, eof := m.readLine()
	if eof {
		// The closing delimiter never came; what was held back is content.
		m.unterminated = true
		m.state = stateDone
		m.pending = append(m.pending, m.nl...)
		m.nl = m.nl[:0]
		return
	}
	if wasLineStart && complete {
		switch m.delimiter(line) {
		case delimPart:
			m.state = stateNextPart
			return
		case delimFinal:
			m.state = stateDone
			return
		}
	}
	m.pending = append(m.pending, m.nl...)
	m.nl = m.nl[:0]
	if !complete {
		m.pending = append(m.pending, line...)
		m.atLineStart = false
		return
	}
	content := trimEOL(line)
	m.pending = append(m.pending, content...)
	m.nl = append(m.nl, line[len(content):]...)
	m.atLineStart = true
}
