package mail

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"beiandesk/store/transfer"
)

// transferReader undoes a Content-Transfer-Encoding while streaming. Decoding is
// tolerant: damage is remembered and reported by problems once the body has been
// read, instead of stopping the read.
type transferReader interface {
	io.Reader
	problems() []string
}

// newTransferReader returns a decoder for the encoding named by cte.
func newTransferReader(cte string, r io.Reader) transferReader {
	switch enc := normalizeTransferEncoding(cte); enc {
	case "base64":
		return newBase64Reader(r)
	case "quoted-printable":
		return newQPReader(r)
	case "x-uuencode":
		return newUUReader(r)
	case "", "7bit", "8bit", "binary":
		return plainReader{Reader: r}
	default:
		return plainReader{Reader: r, note: fmt.Sprintf("未知的传输编码 %q，已按原样读取", cte)}
	}
}

// normalizeTransferEncoding maps the spellings seen in the wild ("Base64 ",
// "quoted_printable", "x-base64") to the RFC 2045 names.
func normalizeTransferEncoding(cte string) string {
	s := strings.ToLower(strings.Trim(cte, " \t\"'"))
	switch {
	case strings.Contains(s, "base64"):
		return "base64"
	case strings.Contains(s, "quoted"):
		return "quoted-printable"
	case s == "x-uuencode" || s == "uuencode" || s == "x-uue" || s == "uue":
		return "x-uuencode"
	}
	return s
}

// wordsNotBase64 reports whether head, the start of a text part labelled
// base64 in charset, is plain words instead: most of its lines hold a space
// between characters, which no base64 encoder writes (it breaks lines, never
// words), and what base64 characters there are do not decode to text in the
// charset. A sloppy encoder's stray spaces still decode to text, so they stay
// base64. The last line may be cut by the peek and is not weighed.
func wordsNotBase64(head []byte, charset string) bool {
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1]
	}
	filled, spaced := 0, 0
	for _, l := range lines {
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		filled++
		if bytes.ContainsAny(l, " \t") {
			spaced++
		}
	}
	if filled == 0 || spaced*2 <= filled {
		return false
	}
	decoded := transfer.DecodeBase64(string(bytes.Join(lines, []byte("\n"))))
	if utf8.Valid(trimPartialRune(decoded)) {
		return false
	}
	if enc, kind := lookupCharset(charset); kind == charsetOther {
		if s, err := enc.NewDecoder().Bytes(decoded); err == nil && !bytes.ContainsRune(s, utf8.RuneError) {
			return false
		}
	}
	return true
}

// trimPartialRune drops a UTF-8 sequence cut off at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

type plainReader struct {
	io.Reader
	note string
}

func (r plainReader) problems() []string {
	if r.note == "" {
		return nil
	}
	return []string{r.note}
}

// base64Reader adapts the store's base64 decoder, which the parser shares
// so that an attachment kept as a slice of the raw message reopens to the
// bytes hashed here.
type base64Reader struct{ *transfer.Base64Reader }

func newBase64Reader(r io.Reader) base64Reader { return base64Reader{transfer.NewBase64Reader(r)} }

func (r base64Reader) problems() []string { return r.Problems() }

// release returns the buffers; the reader reads nothing after it.
func (r base64Reader) release() { r.Release() }

// qpReader decodes quoted-printable line by line. Malformed escapes are kept as
// literal text, which is what the sender most likely meant.
type qpReader struct {
	br    *bufio.Reader
	carry []byte // an escape cut by a line fragment, completed by the next one
	out   []byte
	buf   []byte
	bad   bool
	eof   bool
}

func newQPReader(r io.Reader) *qpReader {
	return &qpReader{br: bufio.NewReaderSize(r, 8<<10)}
}

func (r *qpReader) Read(p []byte) (int, error) {
	for len(r.out) == 0 {
		if r.eof {
			return 0, io.EOF
		}
		line, err := r.br.ReadSlice('\n')
		fragment := err == bufio.ErrBufferFull
		if err != nil && !fragment {
			r.eof = true
		}
		if len(r.carry) > 0 {
			line = append(r.carry, line...)
			r.carry = nil
		}
		r.out = r.decodeLine(r.buf[:0], line, fragment)
		r.buf = r.out[:0]
	}
	n := copy(p, r.out)
	r.out = r.out[n:]
	return n, nil
}

// decodeLine decodes one line (or a fragment of an overlong one) into dst.
func (r *qpReader) decodeLine(dst, line []byte, fragment bool) []byte {
	var eol []byte
	if !fragment {
		content := trimEOL(line)
		eol = line[len(content):]
		// RFC 2045 section 6.7 (3): trailing white space was added in transport.
		// A stray CR counts as such: "=\r\r\n" comes from clients that convert
		// line endings twice, and is still a soft break.
		line = trimRightSpaceTab(content)
		if n := len(line); n > 0 && line[n-1] == '=' {
			line, eol = line[:n-1], nil // soft line break
		}
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '=' {
			dst = append(dst, c)
			continue
		}
		if fragment && len(line)-i < 3 {
			r.carry = append([]byte(nil), line[i:]...)
			return dst
		}
		if i+2 < len(line) && isHex(line[i+1]) && isHex(line[i+2]) {
			dst = append(dst, unhex(line[i+1])<<4|unhex(line[i+2]))
			i += 2
			continue
		}
		r.bad = true
		dst = append(dst, c)
	}
	return append(dst, eol...)
}

func (r *qpReader) problems() []string {
	if r.bad {
		return []string{"quoted-printable 编码有误，无效部分按原样保留"}
	}
	return nil
}

func trimRightSpaceTab(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// decodeQWord decodes the Q encoding of RFC 2047 section 4.2.
func decodeQWord(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
			out = append(out, ' ')
		case c == '=' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out
}
