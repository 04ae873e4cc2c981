package mail

import (
	"bufio"
	"bytes"
	"regexp"
)

// Limits that keep a hostile header block from using unbounded memory. Bytes
// beyond them are read and dropped, not kept.
const (
	maxHeaderLine   = 64 << 10 // bytes kept of one physical header line
	maxHeaderBytes  = 1 << 20  // bytes kept of one header block
	maxHeaderFields = 2000
	maxFieldName    = 76 // longer "keys" with spaces are prose that happens to hold a colon
)

// headerField is one header field, unfolded but not decoded: real mail carries
// raw 8-bit bytes in headers and only the decoder knows what to make of them.
type headerField struct {
	key   string // lower case
	value []byte // unfolded, surrounding white space removed
}

type mimeHeader []headerField

// get returns the value of the first field named key (lower case), or nil.
func (h mimeHeader) get(key string) []byte {
	for _, f := range h {
		if f.key == key {
			return f.value
		}
	}
	return nil
}

// getAll returns the values of all fields named key (lower case).
func (h mimeHeader) getAll(key string) [][]byte {
	var vs [][]byte
	for _, f := range h {
		if f.key == key {
			vs = append(vs, f.value)
		}
	}
	return vs
}

// headerEnd says how a header block ended.
type headerEnd int

const (
	endBlank headerEnd = iota // the blank line separating header and body
	endEOF                    // end of input: there is no body
	endStray                  // a line that is not a header field; it starts the body
)

// readHeader reads a header block from br. It never fails: malformed lines are
// handled the way tolerant mail readers do. When a line that cannot be a header
// field ends the block, that line is returned in rest, since it belongs to the body.
func readHeader(br *bufio.Reader) (h mimeHeader, rest []byte, end headerEnd) {
	kept := 0
	first := true
	for {
		line, eof := readPhysicalLine(br)
		if len(line) == 0 && eof {
			return finishHeader(h), nil, endEOF
		}
		content := trimEOL(line)
		if first {
			first = false
			content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))
			if isMboxFromLine(content) {
				continue
			}
		}
		if isBlankLine(content) {
			return finishHeader(h), nil, endBlank
		}
		if content[0] == ' ' || content[0] == '\t' {
			// A continuation line, also when it holds only white space: real
			// mail (SpamAssassin reports, Coremail part headers) folds empty
			// lines into fields, and only an empty line separates header and body.
			// Unfolding only removes the line break.
			if n := len(h); n > 0 && kept+len(content) <= maxHeaderBytes {
				h[n-1].value = append(h[n-1].value, content...)
				kept += len(content)
			}
		} else {
			key, value, ok := splitField(content)
			if !ok && len(h) > 0 && isParamLine(content) {
				// An unindented `name="x.zip"` after a Content-Type: a
				// fold that lost its indentation, not the start of the body.
				if kept+len(content) <= maxHeaderBytes {
					h[len(h)-1].value = append(append(h[len(h)-1].value, ' '), content...)
					kept += len(content)
				}
				if eof {
					return finishHeader(h), nil, endEOF
				}
				continue
			}
			if !ok {
				return finishHeader(h), line, endStray
			}
			if len(h) < maxHeaderFields && kept+len(content) <= maxHeaderBytes {
				h = append(h, headerField{key: key, value: append([]byte(nil), value...)})
				kept += len(content)
			}
		}
		if eof {
			return finishHeader(h), nil, endEOF
		}
	}
}

func finishHeader(h mimeHeader) mimeHeader {
	for i := range h {
		h[i].value = trimSpaceASCII(h[i].value)
	}
	return h
}

// readPhysicalLine reads one line including its terminator. Lines longer than
// maxHeaderLine are cut; the excess is consumed and dropped. eof reports that the
// input ended (the line may still hold a final unterminated line).
func readPhysicalLine(br *bufio.Reader) (line []byte, eof bool) {
	for {
		frag, err := br.ReadSlice('\n')
		if room := maxHeaderLine - len(line); room > 0 {
			if len(frag) > room {
				frag = frag[:room]
			}
			line = append(line, frag...)
		}
		switch err {
		case nil:
			return line, false
		case bufio.ErrBufferFull:
			continue
		default:
			return line, true
		}
	}
}

// splitField splits "Key: value". Keys with characters outside RFC 5322's
// printable ASCII are rejected: such a line is body text, not a field. A space
// inside the key ("X Mailer: …", written by broken gateways) is tolerated, so
// that one bad field does not turn the rest of the header into body text.
func splitField(line []byte) (key string, value []byte, ok bool) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 {
		return "", nil, false
	}
	k := trimSpaceASCII(line[:i]) // "Subject :" occurs in the wild
	if len(k) == 0 || len(k) > maxFieldName {
		return "", nil, false
	}
	spaces := 0
	for _, c := range k {
		if c == ' ' {
			spaces++
		}
		if (c < 33 || c > 126) && c != ' ' || spaces > 2 {
			return "", nil, false
		}
	}
	return string(bytes.ToLower(k)), line[i+1:], true
}

// paramLine matches a MIME parameter line such as `name="a.zip"` or
// `filename*0*=utf-8”%E4`.
var paramLine = regexp.MustCompile(`^(?i)(name|filename|boundary|charset)(\*[0-9]*\*?)?\s*=\s*\S`)

// isParamLine reports whether a line that is not a field is a MIME parameter.
func isParamLine(line []byte) bool {
	return paramLine.Match(line)
}

// isMboxFromLine reports whether line is an mbox "From sender date" separator, which
// some saved .eml files start with.
func isMboxFromLine(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("From ")) {
		return false
	}
	i := bytes.IndexByte(line, ':')
	return i < 0 || string(trimSpaceASCII(line[:i])) != "From"
}

// isBlankLine reports whether a line (without its line break) is empty. Carriage
// returns left by doubled line-end conversion ("\r\r\n") count as empty, but a
// line with spaces or tabs does not: in real mail such a line is a folded
// continuation, as RFC 5322 and every tolerant reader have it.
func isBlankLine(b []byte) bool {
	for _, c := range b {
		if c != '\r' {
			return false
		}
	}
	return true
}

// trimEOL removes a trailing "\n", "\r\n" or "\r".
func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// trimSpaceASCII trims ASCII white space only; bytes.TrimSpace would interpret
// GBK bytes as UTF-8.
func trimSpaceASCII(b []byte) []byte {
	i, j := 0, len(b)
	for i < j && isSpaceASCII(b[i]) {
		i++
	}
	for j > i && isSpaceASCII(b[j-1]) {
		j--
	}
	return b[i:j]
}

func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}
