package transfer

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// payload returns n bytes that are not text, like a scan.
func payload(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]byte, n)
	for i := range out {
		out[i] = byte(rng.Uint32())
	}
	return out
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// b64Body wraps base64 at 76 characters, as mail clients send it.
func b64Body(data []byte) string {
	s := base64.StdEncoding.EncodeToString(data)
	var lines []string
	for len(s) > 76 {
		lines = append(lines, s[:76])
		s = s[76:]
	}
	return strings.Join(append(lines, s), "\r\n")
}

func TestBase64Reader(t *testing.T) {
	data := payload(1000)
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
			r := NewBase64Reader(iotest.OneByteReader(strings.NewReader(tt.in)))
			got, err := io.ReadAll(iotest.OneByteReader(r))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Errorf("decoded %d bytes %q, want %d bytes", len(got), got[:min(len(got), 16)], len(tt.want))
			}
			if (len(r.Problems()) > 0) != tt.problem {
				t.Errorf("problems = %q, want some: %v", r.Problems(), tt.problem)
			}
		})
	}
}

// A failing source is reported after what was decoded before it failed,
// not taken for the end of the text: a stored slice that cannot be read
// must not open as a shorter file.
func TestBase64ReaderKeepsSourceError(t *testing.T) {
	boom := errors.New("disk gone")
	src := io.MultiReader(strings.NewReader(b64("abcdef")), iotest.ErrReader(boom))
	r := NewBase64Reader(src)
	defer r.Release()
	got, err := io.ReadAll(r)
	if string(got) != "abcdef" || !errors.Is(err, boom) {
		t.Fatalf("read %q, %v; want abcdef, %v", got, err, boom)
	}
}

func TestNewReader(t *testing.T) {
	for _, tt := range []struct{ enc, in, want string }{
		{Plain, "as is\r\n", "as is\r\n"},
		{Base64, b64("decoded") + "\r\n", "decoded"},
	} {
		r, release, err := NewReader(tt.enc, strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		release()
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: %q, %v; want %q", tt.enc, got, err, tt.want)
		}
	}
	if _, _, err := NewReader("quoted-printable", strings.NewReader("")); err == nil {
		t.Error("an encoding a slice is never kept in was accepted")
	}
}

// The decoder's fast path for whole groups must decode exactly as the
// byte-by-byte rules do, whatever the input and however it is cut.
func TestBase64FastPathMatchesByteRules(t *testing.T) {
	slow := func(src []byte) ([]byte, []string) {
		var d Base64Decoder
		var out []byte
		for _, c := range src {
			out = d.Write(out, []byte{c}) // one byte at a time: never the fast path
		}
		return d.Finish(out), d.Problems()
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
		var d Base64Decoder
		var got []byte
		for rest := src; len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(40))
			got = d.Write(got, rest[:n])
			rest = rest[n:]
		}
		got = d.Finish(got)
		if !bytes.Equal(got, want) || !slices.Equal(d.Problems(), wantProblems) {
			t.Fatalf("%q: got %x %v, want %x %v", src, got, d.Problems(), want, wantProblems)
		}
	}
}
