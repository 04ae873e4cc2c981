package mail

// The hostile corpus: messages that break MIME the ways Chinese mail does. Each
// message is generated here, byte-exact (GBK via the x/text encoder), and committed
// as testdata/corpus/*.eml; run `go test -run TestCorpusFiles -update` to rewrite
// the files after changing a generator.

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"flag"
	"fmt"
	"mime/quotedprintable"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"beiandesk/store/validate"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus from the generators")

const corpusDir = "testdata/corpus"

// encode converts s with enc and panics on failure: corpus text is chosen to be
// encodable.
func encode(enc encoding.Encoding, s string) string {
	b, err := enc.NewEncoder().String(s)
	if err != nil {
		panic(fmt.Sprintf("encode %q: %v", s, err))
	}
	return b
}

func gbk(s string) string  { return encode(simplifiedchinese.GB18030, s) }
func big5(s string) string { return encode(traditionalchinese.Big5, s) }
func hz(s string) string   { return encode(simplifiedchinese.HZGB2312, s) }

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// bWord and qWord build RFC 2047 encoded words from raw bytes.
func bWord(charset, raw string) string { return "=?" + charset + "?B?" + b64(raw) + "?=" }

func qWord(charset, raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == ' ':
			b.WriteByte('_')
		case c >= '0' && c <= '9', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == '.', c == '-':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "=%02X", c)
		}
	}
	return "=?" + charset + "?Q?" + b.String() + "?="
}

// pct percent-encodes everything but RFC 2231 attribute characters.
func pct(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// b64Body wraps base64 at 76 columns with CRLF, as mail clients do.
func b64Body(data []byte) string {
	s := base64.StdEncoding.EncodeToString(data)
	var lines []string
	for len(s) > 76 {
		lines = append(lines, s[:76])
		s = s[76:]
	}
	return strings.Join(append(lines, s), "\r\n")
}

func qpBody(raw string) string {
	var b bytes.Buffer
	w := quotedprintable.NewWriter(&b)
	w.Write([]byte(raw))
	w.Close()
	return b.String()
}

// eml joins lines with CRLF and ends with CRLF.
func eml(lines ...string) []byte {
	return []byte(strings.Join(lines, "\r\n") + "\r\n")
}

// payload returns n deterministic pseudo-random bytes for attachment bodies.
func payload(seed string, n int) []byte {
	out := make([]byte, 0, n+sha256.Size)
	h := sha256.Sum256([]byte(seed))
	for len(out) < n {
		out = append(out, h[:]...)
		h = sha256.Sum256(h[:])
	}
	return out[:n]
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// withUSCCCheck appends the GB 32100 check character to a 17-character prefix.
func withUSCCCheck(prefix string) string {
	return prefix + string(validate.USCCCheckChar(prefix))
}

var sponsorUSCC = withUSCCCheck("91140100MA0K7G3U5")

// Attachment bodies, shared by generators and expectations.
var (
	att03Doc   = payload("03 doc", 3000)
	att04Bin   = append(payload("04 bin", 5000), []byte("\r\n--b04x not a delimiter\r\n--b04 \tx\r\n\r\nend with CRLF\r\n")...)
	att05Docx  = payload("05 docx", 1200)
	att06Doc   = payload("06 doc", 700)
	att06Jpg   = payload("06 jpg", 900)
	att07a     = payload("07 a", 100)
	att07b     = payload("07 b", 101)
	att07c     = payload("07 c", 102)
	att07d     = payload("07 d", 103)
	att08Jpg   = payload("08 jpg", 2000)
	att08Pdf   = payload("08 pdf", 2001)
	att08Long  = payload("08 long", 2002)
	att11Bin   = payload("11 sloppy", 4000) // 4000 % 3 == 1: unpadded base64 ends in a 2-character group
	att14Png   = payload("14 png", 800)
	att14Pdf   = payload("14 pdf", 1500)
	att15Xlsx  = payload("15 xlsx", 2500)
	att16Jpg   = payload("16 jpg", 1800)
	att17Zip   = payload("17 zip", 3333)
	att19Full  = payload("19 full", 6000)
	att20Full  = payload("20 pdf", 900)
	att24Txt   = payload("24 guessed", 400)
	att28Doc   = payload("28 doc", 9000)
	att28Jpg   = payload("28 jpg", 12000)
	att30Gif   = payload("30 gif", 300)
	att19Kept  = att19Full[:19*57+30] // cut after 19 full base64 lines and 40 characters of the 20th
	att20Kept  = att20Full[:13*3]     // cut after 53 characters: 13 groups survive, the 53rd is lost
	inner15    = inner15Message()
	inner16    = inner16Message()
	inner16b   = inner16bMessage()
	dupBody    = dupBodyLines()
	noIDBody   = "没有 Message-ID 的邮件，按内容哈希识别。\r\n"
	deepNested = 30
)
