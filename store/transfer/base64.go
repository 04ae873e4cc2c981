package transfer

import "fmt"

// base64 alphabet lookup: values 0-63, or one of the markers below. The URL-safe
// characters are accepted too: they are unambiguous and some encoders emit them.
const (
	b64Invalid = 0xff
	b64Space   = 0xfe
	b64Pad     = 0xfd
)

var base64Values = func() [256]byte {
	var t [256]byte
	for i := range t {
		t[i] = b64Invalid
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	t['-'], t['_'] = 62, 63
	for _, c := range []byte(" \t\r\n\f\v") {
		t[c] = b64Space
	}
	t['='] = b64Pad
	return t
}()

// Base64Decoder decodes base64 in pieces. Padding ends a group early, so
// concatenated padded blocks decode correctly; white space and foreign bytes
// are skipped; a group cut off at the end yields the bytes it holds. The
// output depends only on the bytes written, not on how they were cut. The
// zero value is ready to use.
type Base64Decoder struct {
	group   [4]byte
	n       int
	invalid int  // foreign bytes skipped
	partial bool // a group held a single character: bits were lost
}

// Write appends the bytes src decodes to to dst and returns it.
func (d *Base64Decoder) Write(dst, src []byte) []byte {
	for len(src) > 0 {
		if d.n == 0 {
			// Whole groups of four alphabet characters, the bulk of any
			// base64 line, decode without the per-byte state (pprof, issue
			// 11). The markers are ≥ 64, so one test covers all four.
			i := 0
			for ; i+4 <= len(src); i += 4 {
				a, b, c, e := base64Values[src[i]], base64Values[src[i+1]], base64Values[src[i+2]], base64Values[src[i+3]]
				if a|b|c|e >= 64 {
					break
				}
				dst = append(dst, a<<2|b>>4, b<<4|c>>2, c<<6|e)
			}
			if src = src[i:]; len(src) == 0 {
				break
			}
		}
		c := src[0]
		src = src[1:]
		v := base64Values[c]
		switch v {
		case b64Space:
		case b64Invalid:
			d.invalid++
		case b64Pad:
			dst = d.flush(dst)
		default:
			d.group[d.n] = v
			d.n++
			if d.n == 4 {
				dst = append(dst,
					d.group[0]<<2|d.group[1]>>4,
					d.group[1]<<4|d.group[2]>>2,
					d.group[2]<<6|d.group[3])
				d.n = 0
			}
		}
	}
	return dst
}

// flush emits the bytes of an incomplete group.
func (d *Base64Decoder) flush(dst []byte) []byte {
	switch d.n {
	case 1:
		d.partial = true // six bits cannot make a byte
	case 2:
		dst = append(dst, d.group[0]<<2|d.group[1]>>4)
	case 3:
		dst = append(dst, d.group[0]<<2|d.group[1]>>4, d.group[1]<<4|d.group[2]>>2)
	}
	d.n = 0
	return dst
}

// Finish appends what the end of input completes. A final group of two or
// three characters is only missing its padding and decodes fully; a lone
// character, which only truncation leaves behind, is noted as damage.
func (d *Base64Decoder) Finish(dst []byte) []byte {
	return d.flush(dst)
}

// Problems describes, in the clerk's words, what was broken in the input.
func (d *Base64Decoder) Problems() []string {
	var ps []string
	if d.partial {
		ps = append(ps, msgBase64Truncated)
	}
	if d.invalid > 0 {
		ps = append(ps, fmt.Sprintf(msgBase64Invalid, d.invalid))
	}
	return ps
}

// DecodeBase64 decodes a short base64 string such as an encoded word.
func DecodeBase64(s string) []byte {
	var d Base64Decoder
	out := d.Write(make([]byte, 0, len(s)*3/4+3), []byte(s))
	return d.Finish(out)
}
