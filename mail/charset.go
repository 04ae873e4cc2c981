package mail

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/japanese"
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
	"chinesebig5":     traditionalchinese.Big5, // Outlook Express
	"x-x-big5":        traditionalchinese.Big5,
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
	if name == "utf-7" || name == "unicode-1-1-utf-7" || name == "csunicode11utf7" || name == "x-utf-7" {
		return utf7Encoding{}, charsetOther
	}
	if alias, ok := charsetAliases[name]; ok {
		name = alias
	}
	enc, err := htmlindex.Get(name)
	if err != nil || enc == nil {
		// IANA knows the labels WHATWG dropped: "437", "cp850", "ibm852"…
		if enc, err = ianaindex.MIME.Encoding(name); err != nil || enc == nil {
			if enc, err = ianaindex.IANA.Encoding(name); err != nil || enc == nil {
				return nil, charsetUnknown
			}
		}
		return enc, charsetOther
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

// charsetAliases maps labels seen in real mail that neither WHATWG nor IANA
// knows to one they do.
var charsetAliases = map[string]string{
	"cp-437":         "ibm437",
	"cp-850":         "ibm850",
	"ks_c_5601":      "ks_c_5601-1987",
	"ks_c_5601-1989": "ks_c_5601-1987",
	"x-mac-roman":    "macintosh",
	"latin-1":        "iso-8859-1",
	"iso8859-1":      "iso-8859-1",
	"iso_8859_1":     "iso-8859-1",
	"iso-8859-8-i":   "iso-8859-8",
	"windows-874":    "windows-874",
	"x-sjis":         "shift_jis",
	"sjis":           "shift_jis",
	"x-euc-jp":       "euc-jp",
	"x-euc-kr":       "euc-kr",
	"unicode":        "utf-16le",
}

// decodeGuess decodes undeclared bytes: UTF-8 when valid; else, per run of
// bytes that are not UTF-8, GB18030 (what Chinese clients send when they do not
// say) or Windows-1252 (a lone byte such as 0x92, a curly apostrophe, between
// ASCII letters, which GB18030 would glue to the next letter).
func decodeGuess(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeRuns(b, guessEncoding(b))
}

// decodeHinted decodes undeclared 8-bit header bytes with hint, the charset the
// same message declares for its text, when the bytes are valid in it: a Korean
// or Big5 mailer writes its raw subject in the charset of its body. Otherwise,
// and for UTF-8, it guesses as decodeGuess does.
func decodeHinted(b []byte, hint string) string {
	if hint == "" || utf8.Valid(b) {
		return decodeGuess(b)
	}
	enc, kind := lookupCharset(hint)
	if kind != charsetOther {
		return decodeGuess(b)
	}
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(s, utf8.RuneError) {
		return decodeGuess(b)
	}
	return string(s)
}

// guessEncoding picks the fallback for bytes that are not UTF-8. Chinese text
// comes in pairs of high bytes; Western text has lone high bytes between ASCII.
// Undeclared Shift_JIS and Big5 are told from GB18030 first (guessJapaneseOrBig5).
func guessEncoding(b []byte) encoding.Encoding {
	if enc := guessJapaneseOrBig5(b); enc != nil {
		return enc
	}
	pairs, lone := 0, 0
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		j, c1 := i, true
		for j < len(b) && b[j] >= 0x80 {
			c1 = c1 && b[j] <= 0xa0
			j++
		}
		switch {
		case j-i == 1:
			lone++
		case c1:
			// Only bytes 0x80–0xA0: Windows-1252 punctuation and no-break
			// spaces ("\x85\x94" is …”, "\xa0\xa0" two NBSP). GB2312 never
			// uses these bytes, GBK only for rare characters.
			lone += j - i
		default:
			pairs += (j - i) / 2
		}
		i = j
	}
	if lone > pairs {
		return charmap.Windows1252
	}
	return simplifiedchinese.GB18030
}

// guessJapaneseOrBig5 recognises undeclared Shift_JIS and Big5, which GB18030
// would read as rare Han characters (Shift_JIS 「もも」 as 傕傕, Big5 力捷 as 倍м).
// Both must decode without a single invalid sequence. Shift_JIS is Japanese when
// at least a quarter of its characters are full-width kana: GBK read as Shift_JIS
// gives half-width katakana and kanji, almost never hiragana (lead byte 0x82).
// Big5 puts ~40 % of its second bytes in 0x40–0x7E, where GB2312 never does and
// GBK only for rare characters; between a fifth and four fifths of the pairs
// there is Big5.
func guessJapaneseOrBig5(b []byte) encoding.Encoding {
	if s, err := japanese.ShiftJIS.NewDecoder().Bytes(b); err == nil && !bytes.ContainsRune(s, utf8.RuneError) {
		kana, wide := 0, 0
		for _, r := range string(s) {
			if r >= 0x80 && !(r >= 0xff61 && r <= 0xff9f) {
				wide++
				if r >= 0x3041 && r <= 0x30ff {
					kana++
				}
			}
		}
		if kana >= 3 && kana*4 >= wide {
			return japanese.ShiftJIS
		}
	}
	pairs, low := 0, 0
	for i := 0; i+1 < len(b); i++ {
		if b[i] >= 0xa1 && b[i] <= 0xf9 {
			pairs++
			if b[i+1] >= 0x40 && b[i+1] <= 0x7e {
				low++
			}
			i++
		} else if b[i] >= 0x80 {
			return nil // not a Big5 lead byte
		}
	}
	// A Western text read this way has only "pairs" of a lone accented letter
	// and the ASCII letter after it (élections, It\xeds): all low, so Big5
	// also needs pairs of two high bytes.
	if pairs < 2 || low*5 < pairs || low*5 > 4*pairs {
		return nil
	}
	if s, err := traditionalchinese.Big5.NewDecoder().Bytes(b); err == nil && !bytes.ContainsRune(s, utf8.RuneError) {
		return traditionalchinese.Big5
	}
	return nil
}

// decodeRuns decodes bytes that are not all valid UTF-8 in one of two ways and
// keeps the more plausible result: the whole input in fallback (a GBK text also
// holds byte pairs that happen to be valid UTF-8), or run by run, keeping what is
// valid UTF-8 and decoding only the rest (so one stray byte does not garble a
// UTF-8 text).
func decodeRuns(b []byte, fallback encoding.Encoding) string {
	whole := decodeWith(fallback, b)
	valid, _ := utf8Stats(b)
	if valid == 0 {
		return whole
	}
	var out strings.Builder
	out.Grow(len(b) + 8)
	for rest := b; len(rest) > 0; {
		r, size := utf8.DecodeRune(rest)
		if r != utf8.RuneError || size > 1 {
			out.Write(rest[:size])
			rest = rest[size:]
			continue
		}
		j := 1
		for j < len(rest) {
			r, size := utf8.DecodeRune(rest[j:])
			if r != utf8.RuneError || size > 1 {
				break
			}
			j++
		}
		out.WriteString(decodeWith(guessEncoding(rest[:j]), rest[:j]))
		rest = rest[j:]
	}
	if runs := out.String(); plausibility(runs) > plausibility(whole) {
		return runs
	}
	return whole
}

// plausibility scores decoded text: CJK and accented Latin letters are what
// real mail holds; replacement characters, and the Cyrillic-to-Arabic block
// that GBK byte pairs turn into when read as UTF-8, are not.
func plausibility(s string) int {
	score := 0
	for _, r := range s {
		switch {
		case r < 0x80:
		case r == utf8.RuneError:
			score -= 3
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul),
			r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef:
			score += 2
		case r >= 0xc0 && r <= 0x24f, r >= 0x2010 && r <= 0x203a, r == 0x20ac:
			score++
		case r >= 0x80 && r <= 0x9f, r >= 0x400 && r <= 0x7ff:
			score--
		}
	}
	return score
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
	text, problem := decodeCharsetRaw(label, b)
	// Whatever a decoder or a fallback did with a truncated or broken
	// sequence, the text stored and shown is valid UTF-8 (found by FuzzParse:
	// GB2312 words joined with a cut-off byte, beside a UTF-7 word).
	return strings.ToValidUTF8(text, "\uFFFD"), problem
}

func decodeCharsetRaw(label string, b []byte) (string, string) {
	enc, kind := lookupCharset(label)
	switch kind {
	case charsetOther:
		return decodeDeclared(enc, label, b)
	case charsetUnknown:
		return decodeGuess(b), fmt.Sprintf("未知字符集 %q，已按 UTF-8/GB18030 猜测解码", label)
	}
	if utf8.Valid(b) {
		return string(b), ""
	}
	// Declared (or assumed) UTF-8 but invalid. GBK mislabelled as UTF-8 or us-ascii is common, and so is a UTF-8 text
	// with a few stray bytes: decodeRuns tells them apart.
	problem := ""
	if normalizeCharset(label) != "" && !isASCIILabel(label) {
		problem = fmt.Sprintf("内容声明为 %s 但不是有效的 UTF-8，无效部分已按 GB18030/Windows-1252 解码", label)
	}
	return decodeRuns(b, guessEncoding(b)), problem
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

// decodeDeclared decodes b with its declared charset, which wins whenever the
// bytes are valid in it. Bytes that are not (a multi-byte label over other
// bytes) are mislabelled: valid UTF-8 is kept, else the guess decides.
func decodeDeclared(enc encoding.Encoding, label string, b []byte) (string, string) {
	s, err := enc.NewDecoder().Bytes(b)
	if err == nil && (!bytes.ContainsRune(s, utf8.RuneError) || bytes.Contains(b, []byte("\xef\xbf\xbd"))) {
		return string(s), ""
	}
	if utf8.Valid(b) {
		return string(b), fmt.Sprintf("内容声明为 %s 但实为 UTF-8，已按 UTF-8 解码", label)
	}
	if g, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil && !bytes.ContainsRune(g, utf8.RuneError) {
		return string(g), fmt.Sprintf("内容声明为 %s 但不符合该字符集，已按 GB18030 解码", label)
	}
	if err != nil {
		return decodeWith(enc, b), ""
	}
	return string(s), ""
}
