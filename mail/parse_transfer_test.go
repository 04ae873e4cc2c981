package mail

import (
	"bytes"
	"encoding/base64"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

func TestBase64Reader(t *testing.T) {
	data := payload("base64 reader", 1000)
	std := base64.StdEncoding.EncodeToString(data)
	tests := []struct {
		name    string
		in      string
		want    []byte
		problem bool
	}{
		{"wrapped", b64Body(data), data, false},
		{"one line", std, data, false},
		{"no padding", strings.TrimRight(std, "="), data, false},
		{"spaces and tabs", std[:10] + " \t " + std[10:50] + "\r\n\r\n" + std[50:], data, false},
		{"concatenated padded blocks", b64("a") + "\r\n" + b64("bc") + b64("def"), []byte("abcdef"), false},
		{"URL-safe alphabet", base64.URLEncoding.EncodeToString([]byte("\xfb\xff")), []byte("\xfb\xff"), false},
		{"foreign bytes skipped", std[:8] + "*!" + std[8:], data, true},
		{"truncated to a lone character", std[:9], data[:6], true},
		{"empty", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte at a time, to cross every internal buffer boundary.
			r := newBase64Reader(iotest.OneByteReader(strings.NewReader(tt.in)))
			got, err := io.ReadAll(iotest.OneByteReader(r))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("decoded %d bytes %q, want %d bytes", len(got), got[:min(len(got), 16)], len(tt.want))
			}
			if (len(r.problems()) > 0) != tt.problem {
				t.Errorf("problems = %q, want some: %v", r.problems(), tt.problem)
			}
		})
	}
}

func TestQPReader(t *testing.T) {
	tests := []struct {
		name, in, want string
		problem        bool
	}{
		{"escapes", "=E4=BD=A0=e5=a5=bd", "你好", false},
		{"soft break", "abc=\r\ndef\r\n", "abcdef\r\n", false},
		{"soft break LF", "abc=\ndef", "abcdef", false},
		{"trailing white space", "abc \t\r\nd", "abc\r\nd", false},
		{"soft break after white space", "abc =  \r\ndef", "abc def", false},
		{"invalid escape kept", "a=ZZb", "a=ZZb", true},
		{"lone equals kept", "a = b", "a = b", true},
		{"equals at end of input", "ab=", "ab", false},
		{"long line", strings.Repeat("=41", 10000) + "\r\n", strings.Repeat("A", 10000) + "\r\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newQPReader(iotest.HalfReader(strings.NewReader(tt.in)))
			got, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("decoded %q, want %q", got, tt.want)
			}
			if (len(r.problems()) > 0) != tt.problem {
				t.Errorf("problems = %q, want some: %v", r.problems(), tt.problem)
			}
		})
	}
}

func TestTransferEncodingNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"base64", "base64"}, {" Base64 ", "base64"}, {"x-base64", "base64"},
		{"Quoted-Printable", "quoted-printable"}, {"quoted_printable", "quoted-printable"},
		{"7BIT", "7bit"}, {"", ""},
	}
	for _, tt := range tests {
		if got := normalizeTransferEncoding(tt.in); got != tt.want {
			t.Errorf("normalizeTransferEncoding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	r := newTransferReader("x-gzip64", strings.NewReader("abc"))
	if b, _ := io.ReadAll(r); string(b) != "abc" || len(r.problems()) == 0 {
		t.Errorf("unknown encoding: read %q, problems %q", b, r.problems())
	}
}

// The decoder's fast path for whole groups must decode exactly as the
// byte-by-byte rules do, whatever the input and however it is cut.
func TestBase64FastPathMatchesByteRules(t *testing.T) {
	slow := func(src []byte) ([]byte, []string) {
		var d base64Decoder
		var out []byte
		for _, c := range src {
			out = d.write(out, []byte{c}) // one byte at a time: never the fast path
		}
		return d.finish(out), d.problems()
	}
	rng := rand.New(rand.NewPCG(11, 22))
	alphabet := []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \t\r\n*\x00\xff")
	for range 2000 {
		var src []byte
		if rng.IntN(2) == 0 {
			// Real base64 with line breaks, now and then damaged.
			raw := make([]byte, rng.IntN(300))
			for i := range raw {
				raw[i] = byte(rng.Uint32())
			}
			enc := base64.StdEncoding.EncodeToString(raw)
			for len(enc) > 0 {
				n := min(len(enc), 1+rng.IntN(80))
				src = append(append(src, enc[:n]...), "\r\n"...)
				enc = enc[n:]
			}
			for range rng.IntN(3) {
				if len(src) > 0 {
					src[rng.IntN(len(src))] = alphabet[rng.IntN(len(alphabet))]
				}
			}
		} else {
			src = make([]byte, rng.IntN(200))
			for i := range src {
				src[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		want, wantProblems := slow(src)
		var d base64Decoder
		var got []byte
		for rest := src; len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(40))
			got = d.write(got, rest[:n])
			rest = rest[n:]
		}
		got = d.finish(got)
		if !bytes.Equal(got, want) || !slices.Equal(d.problems(), wantProblems) {
			t.Fatalf("%q: got %x %v, want %x %v", src, got, d.problems(), want, wantProblems)
		}
	}
}
