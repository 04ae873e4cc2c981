package mail

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// chineseCharsets overrides htmlindex for labels that real Chinese senders misuse.
// Mail labelled gb2312 or gbk routinely carries GBK-only and even 4-byte GB18030
// characters, and GB18030 is a strict superset of both, so every GB label decodes as
// GB18030. htmlindex maps gb2312 to GBK (no 4-byte sequences) and does not know some
// of these labels at all.
var chineseCharsets = map[string]encoding.Encoding{
	"gb2312":          simplifiedchinese.GB18030,
	"gb_2312":         simplifiedchinese.GB18030,
	"gb_2312-80":      simplifiedchinese.GB18030,
	"gb-2312":         simplifiedchinese.GB18030,
	"csgb2312":        simplifiedchinese.GB18030,
	"csiso58gb231280": simplifiedchinese.GB18030,
	"iso-ir-58":       simplifiedchinese.GB18030,
	"chinese":         simplifiedchinese.GB18030,
	"euc-cn":          simplifiedchinese.GB18030,
	"x-euc-cn":        simplifiedchinese.GB18030,
	"euccn":           simplifiedchinese.GB18030,
	"gbk":             simplifiedchinese.GB18030,
	"x-gbk":           simplifiedchinese.GB18030,
	"csgbk":           simplifiedchinese.GB18030,
	"cp936":           simplifiedchinese.GB18030,
	"ms936":           simplifiedchinese.GB18030,
	"windows-936":     simplifiedchinese.GB18030,
	"gb18030":         simplifiedchinese.GB18030,
	"gb-18030":        simplifiedchinese.GB18030,
	"gb18030-2000":    simplifiedchinese.GB18030,
	"gb18030-2005":    simplifiedchinese.GB18030,
	"gb18030-2022":    simplifiedchinese.GB18030,
	"hz-gb-2312":      simplifiedchinese.HZGB2312,
	"hz":              simplifiedchinese.HZGB2312,
	"big5":            traditionalchinese.Big5,
	"big-5":           traditionalchinese.Big5,
	"x-big5":          traditionalchinese.Big5,
	"cn-big5":         traditionalchinese.Big5,
	"csbig5":          traditionalchinese.Big5,
	"big5-hkscs":      traditionalchinese.Big5,
	"cp950":           traditionalchinese.Big5,
	"ms950":           traditionalchinese.Big5,
	"windows-950":     traditionalchinese.Big5,
}

// charsetKind classifies a charset label after normalisation.
type charsetKind int

const (
	charsetUnknown charsetKind = iota // label not recognised
	charsetUTF8                       // utf-8 or a label that means "ASCII, or whatever the sender had"
	charsetOther                      // a real encoding from the table or htmlindex
)

// normalizeCharset lower-cases a label and strips the quoting, comments and
// RFC 2231 language suffix that turn up in the wild.
func normalizeCharset(label string) string {
	s := strings.TrimSpace(label)
	if i := strings.IndexByte(s, '*'); i >= 0 { // RFC 2231 section 5: charset*language
		s = s[:i]
	}
	s = strings.Trim(s, "\"' \t")
	return strings.ToLower(s)
}

// lookupCharset resolves a charset label. The empty label and ASCII labels count as
// UTF-8 because undeclared 8-bit text is decoded by guessing anyway.
func lookupCharset(label string) (encoding.Encoding, charsetKind) {
	name := normalizeCharset(label)
	switch name {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "unicode-1-1-utf-8", "x-unknown", "unknown", "default":
		return nil, charsetUTF8
	}
	if enc, ok := chineseCharsets[name]; ok {
		return enc, charsetOther
	}
	enc, err := htmlindex.Get(name)
	if err != nil || enc == nil {
		return nil, charsetUnknown
	}
	if n, _ := htmlindex.Name(enc); n == "replacement" || n == "utf-8" {
		if n == "utf-8" {
			return nil, charsetUTF8
		}
		// The "replacement" encoding turns the whole input into one U+FFFD;
		// guessing is strictly better.
		return nil, charsetUnknown
	}
	return enc, charsetOther
}

// decodeGuess decodes undeclared bytes: UTF-8 when valid, else GB18030, the
// encoding Chinese mail clients use when they do not say.
func decodeGuess(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeWith(simplifiedchinese.GB18030, b)
}

// decodeWith converts b to UTF-8 with enc; invalid sequences become U+FFFD.
func decodeWith(enc encoding.Encoding, b []byte) string {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		// x/text decoders replace invalid input instead of failing, so this is
		// unreachable in practice; fall back to a lossless-as-possible view.
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// decodeCharset converts b from the charset named by label to UTF-8. The returned
// problem is non-empty when the label was unknown or the bytes did not match it.
func decodeCharset(label string, b []byte) (string, string) {
	enc, kind := lookupCharset(label)
	switch kind {
	case charsetOther:
		return decodeWith(enc, b), ""
	case charsetUnknown:
		return decodeGuess(b), fmt.Sprintf("未知字符集 %q，已按 UTF-8/GB18030 猜测解码", label)
	}
	if utf8.Valid(b) {
		return string(b), ""
	}
	// Declared (or assumed) UTF-8 but invalid. GBK mislabelled as UTF-8 or
	// us-ascii is common; a UTF-8 text with a few stray bytes is too. GBK read as
	// UTF-8 is nearly all invalid sequences, so compare the counts.
	valid, invalid := utf8Stats(b)
	if invalid > valid {
		problem := ""
		if normalizeCharset(label) != "" && !isASCIILabel(label) {
			problem = fmt.Sprintf("内容声明为 %s 但不是有效的 UTF-8，已按 GB18030 解码", label)
		}
		return decodeWith(simplifiedchinese.GB18030, b), problem
	}
	return strings.ToValidUTF8(string(b), "\uFFFD"), "文本含有无效的 UTF-8 字节，已替换为 U+FFFD"
}

func isASCIILabel(label string) bool {
	switch normalizeCharset(label) {
	case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367":
		return true
	}
	return false
}

// utf8Stats counts valid multi-byte runes and invalid bytes in b. A sequence cut
// off at the very end (a truncated text) is not counted as invalid.
func utf8Stats(b []byte) (valid, invalid int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			if !utf8.FullRune(b) {
				break
			}
			invalid++
		} else {
			valid++
		}
		b = b[size:]
	}
	return valid, invalid
}

// CharsetReader returns a reader that converts input from charset to UTF-8, with
// the GB2312/GBK → GB18030 mapping this package uses. It fits
// mime.WordDecoder.CharsetReader (use it for IMAP ENVELOPE decoding too) and
// go-message's message.CharsetReader. Unknown charsets are an error.
func CharsetReader(charset string, input io.Reader) (io.Reader, error) {
	enc, kind := lookupCharset(charset)
	switch kind {
	case charsetUTF8:
		return input, nil
	case charsetOther:
		return transform.NewReader(input, enc.NewDecoder()), nil
	}
	return nil, fmt.Errorf("mail: unknown charset %q", charset)
}
