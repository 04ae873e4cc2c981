package mail

import (
	"unicode/utf16"
	"unicode/utf8"

	"beiandesk/store/transfer"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// utf7Encoding decodes UTF-7 (RFC 2152), which old Outlook versions and some
// webmail still put in encoded words and bodies. x/text has no UTF-7. Only
// decoding is needed: nothing here writes UTF-7.
type utf7Encoding struct{}

func (utf7Encoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: &utf7Decoder{}}
}

func (utf7Encoding) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: encoding.UTF8Validator}
}

type utf7Decoder struct{ transform.NopResetter }

// Transform copies direct characters and expands each "+…-" shifted run, a
// modified-base64 UTF-16BE sequence. "+-" is a literal plus. A run cut at the end
// of src is asked for again with more input.
func (d *utf7Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c != '+' {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		end := nSrc + 1
		for end < len(src) && isModBase64(src[end]) {
			end++
		}
		if end == len(src) && !atEOF {
			return nDst, nSrc, transform.ErrShortSrc
		}
		var out []byte
		if end == nSrc+1 {
			out = []byte{'+'} // "+-" or a lone plus
		} else {
			out = decodeUTF7Run(src[nSrc+1 : end])
		}
		if end < len(src) && src[end] == '-' {
			end++ // the minus only ends the run
		}
		if nDst+len(out) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], out)
		nSrc = end
	}
	return nDst, nSrc, nil
}

func isModBase64(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/'
}

// decodeUTF7Run turns modified base64 into UTF-8 via UTF-16BE.
func decodeUTF7Run(b64 []byte) []byte {
	raw := transfer.DecodeBase64(string(b64))
	units := make([]uint16, 0, len(raw)/2)
	for i := 0; i+1 < len(raw); i += 2 {
		units = append(units, uint16(raw[i])<<8|uint16(raw[i+1]))
	}
	var out []byte
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}
