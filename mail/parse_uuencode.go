package mail

import (
	"bufio"
	"bytes"
	"io"
)

// uuReader decodes an x-uuencode body: a "begin MODE NAME" line, lines whose
// first character gives their decoded length, and "end". Text before "begin" is
// skipped; damaged lines yield what they hold.
type uuReader struct {
	br    *bufio.Reader
	begun bool
	done  bool
	bad   bool
	out   []byte
}

func newUUReader(r io.Reader) *uuReader {
	return &uuReader{br: bufio.NewReaderSize(r, 8<<10)}
}

func (r *uuReader) Read(p []byte) (int, error) {
	for len(r.out) == 0 {
		if r.done {
			return 0, io.EOF
		}
		line, err := r.br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			r.bad = true // no uuencoded line is this long
			for err == bufio.ErrBufferFull {
				_, err = r.br.ReadSlice('\n')
			}
			continue
		}
		if err != nil {
			r.done = true
		}
		r.out = r.decodeLine(trimEOL(line))
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
}

func (r *uuReader) decodeLine(line []byte) []byte {
	line = bytes.TrimRight(line, " \t\r")
	switch {
	case !r.begun:
		r.begun = bytes.HasPrefix(line, []byte("begin "))
		return nil
	case bytes.Equal(line, []byte("end")):
		r.done = true
		return nil
	case len(line) == 0:
		return nil
	}
	n := int((line[0] - ' ') & 63)
	out := make([]byte, 0, n+2)
	for i := 1; i < len(line) && len(out) < n; i += 4 {
		var g [4]byte
		for j := range g {
			if i+j < len(line) {
				g[j] = (line[i+j] - ' ') & 63
			}
		}
		out = append(out, g[0]<<2|g[1]>>4, g[1]<<4|g[2]>>2, g[2]<<6|g[3])
	}
	if len(out) < n {
		r.bad = true
		return out
	}
	return out[:n]
}

func (r *uuReader) problems() []string {
	if r.bad || !r.begun {
		return []string{"uuencode 内容不完整，已解码可读部分"}
	}
	return nil
}
