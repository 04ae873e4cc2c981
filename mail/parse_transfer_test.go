package mail

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

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
