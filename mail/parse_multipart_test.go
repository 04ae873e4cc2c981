package mail

import (
	"bufio"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// splitParts returns the raw parts of body and the reader's final state.
func splitParts(t *testing.T, body, boundary string) ([]string, *multipartReader) {
	t.Helper()
	mr := newMultipartReader(iotest.HalfReader(strings.NewReader(body)), boundary)
	var parts []string
	for {
		pr := mr.next()
		if pr == nil {
			return parts, mr
		}
		b, err := io.ReadAll(pr)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, string(b))
	}
}

func TestMultipartReader(t *testing.T) {
	long := strings.Repeat("x", 20000)
	many := strings.Repeat("line\r\n", 5000) // more than one fill of short lines
	tests := []struct {
		name, boundary, body string
		want                 []string
		unterminated         bool
	}{
		{"basic", "b", "pre\r\n--b\r\n\r\none\r\n--b\r\nX: y\r\n\r\ntwo\r\n--b--\r\nepilogue", []string{"\r\none", "X: y\r\n\r\ntwo"}, false},
		{"LF only", "b", "--b\n\none\n--b\n\ntwo\n--b--\n", []string{"\none", "\ntwo"}, false},
		{"mixed line endings", "b", "--b\r\n\r\none\n--b\n\ntwo\r\n--b--", []string{"\r\none", "\ntwo"}, false},
		{"body keeps inner line breaks", "b", "--b\r\n\r\na\r\n\r\nb\r\n\r\n--b--", []string{"\r\na\r\n\r\nb\r\n"}, false},
		{"delimiter with trailing white space", "b", "--b \t\r\n\r\none\r\n--b-- \r\n", []string{"\r\none"}, false},
		{"look-alikes are content", "b", "--b\r\n\r\n--bb\r\n--b-x\r\n x--b\r\n--b--", []string{"\r\n--bb\r\n--b-x\r\n x--b"}, false},
		{"overlong lines", "b", "--b\r\n\r\n" + long + "\r\n" + long + "\r\n--b--", []string{"\r\n" + long + "\r\n" + long}, false},
		{"missing closing delimiter", "b", "--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n", []string{"\r\none", "\r\ntwo\r\n"}, true},
		{"closing delimiter without line break", "b", "--b\r\n\r\none\r\n--b--", []string{"\r\none"}, false},
		{"boundary never appears", "b", "just text\r\n--c\r\n", nil, false},
		{"guessed boundary", "", "preamble\r\n--guess\r\n\r\none\r\n--guess--\r\n", []string{"\r\none"}, false},
		{"empty body", "b", "", nil, false},
		{"empty parts", "b", "--b\r\n--b\r\n--b--", []string{"", ""}, false},
		{"many lines across fills", "b", "--b\r\n\r\n" + many + "--b\r\n\r\ntwo\r\n--b--", []string{"\r\n" + strings.TrimSuffix(many, "\r\n"), "\r\ntwo"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts, mr := splitParts(t, tt.body, tt.boundary)
			if !reflect.DeepEqual(parts, tt.want) {
				t.Errorf("parts = %q, want %q", parts, tt.want)
			}
			if mr.unterminated != tt.unterminated {
				t.Errorf("unterminated = %v, want %v", mr.unterminated, tt.unterminated)
			}
		})
	}
}

func TestMultipartPreambleKept(t *testing.T) {
	parts, mr := splitParts(t, "first line\r\nsecond line\r\n", "never")
	if len(parts) != 0 || string(mr.preamble) != "first line\r\nsecond line\r\n" {
		t.Errorf("parts %q, preamble %q", parts, mr.preamble)
	}
}

func TestMultipartSkipsUnreadPart(t *testing.T) {
	mr := newMultipartReader(strings.NewReader("--b\r\n\r\none\r\n--b\r\n\r\ntwo\r\n--b--"), "b")
	first := mr.next()
	second := mr.next() // first is skipped unread
	if b, _ := io.ReadAll(first); len(b) != 0 {
		t.Errorf("stale part read %q", b)
	}
	if b, _ := io.ReadAll(second); string(b) != "\r\ntwo" {
		t.Errorf("second part = %q", b)
	}
}

func TestReadHeader(t *testing.T) {
	tests := []struct {
		name, in string
		keys     []string
		values   []string
		end      headerEnd
		rest     string
	}{
		{"basic", "A: 1\r\nB: 2\r\n\r\nbody", []string{"a", "b"}, []string{"1", "2"}, endBlank, ""},
		{"folded", "Subject: a\r\n b\r\n\tc\r\n\r\n", []string{"subject"}, []string{"a b\tc"}, endBlank, ""},
		{"LF only", "A: 1\nB: 2\n\n", []string{"a", "b"}, []string{"1", "2"}, endBlank, ""},
		{"space before colon", "Subject : x\r\n\r\n", []string{"subject"}, []string{"x"}, endBlank, ""},
		{"empty value", "A:\r\n\r\n", []string{"a"}, []string{""}, endBlank, ""},
		{"no body", "A: 1\r\nB: 2", []string{"a", "b"}, []string{"1", "2"}, endEOF, ""},
		{"stray line starts the body", "A: 1\r\n正文: 没有空行\r\nmore", []string{"a"}, []string{"1"}, endStray, "正文: 没有空行\r\n"},
		{"line without colon starts the body", "A: 1\r\nhello\r\n", []string{"a"}, []string{"1"}, endStray, "hello\r\n"},
		{"mbox From_ line", "From a@b Mon Jan 1 00:00:00 2024\r\nA: 1\r\n\r\n", []string{"a"}, []string{"1"}, endBlank, ""},
		{"byte order mark", "\xef\xbb\xbfA: 1\r\n\r\n", []string{"a"}, []string{"1"}, endBlank, ""},
		{"leading continuation ignored", " junk\r\nA: 1\r\n\r\n", []string{"a"}, []string{"1"}, endBlank, ""},
		// Issue 11, defect 1: a line of only white space is a folded continuation.
		{"white space line continues", "A: 1\r\n \r\n\tmore\r\nB: 2\r\n\r\nbody", []string{"a", "b"}, []string{"1 \tmore", "2"}, endBlank, ""},
		{"tab-only line continues", "A: 1\n\t\n x\nB: 2\n\nbody", []string{"a", "b"}, []string{"1\t x", "2"}, endBlank, ""},
		{"doubled CR line ends header", "A: 1\r\r\n\r\r\nbody", []string{"a"}, []string{"1"}, endBlank, ""},
		// Issue 11, defect 5: a space inside a field name is tolerated.
		{"space in field name", "X Mailer: Foxmail\r\nSubject: s\r\n\r\n", []string{"x mailer", "subject"}, []string{"Foxmail", "s"}, endBlank, ""},
		{"raw 8-bit value", "Subject: " + gbk("中文") + "\r\n\r\n", []string{"subject"}, []string{gbk("中文")}, endBlank, ""},
		{"empty", "", nil, nil, endEOF, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, rest, end := readHeader(bufio.NewReaderSize(strings.NewReader(tt.in), 16))
			var keys, values []string
			for _, f := range h {
				keys, values = append(keys, f.key), append(values, string(f.value))
			}
			if !reflect.DeepEqual(keys, tt.keys) || !reflect.DeepEqual(values, tt.values) {
				t.Errorf("fields %q = %q, want %q = %q", keys, values, tt.keys, tt.values)
			}
			if end != tt.end || string(rest) != tt.rest {
				t.Errorf("end %v rest %q, want %v %q", end, rest, tt.end, tt.rest)
			}
		})
	}
}

func TestReadHeaderLimits(t *testing.T) {
	in := "Subject: " + strings.Repeat("x", 2*maxHeaderLine) + "\r\n" + strings.Repeat("X-A: b\r\n", 3*maxHeaderFields) + "\r\nbody"
	br := bufio.NewReader(strings.NewReader(in))
	h, _, end := readHeader(br)
	if end != endBlank || len(h) != maxHeaderFields || len(h[0].value) >= maxHeaderLine {
		t.Errorf("end %v, %d fields, first value %d bytes", end, len(h), len(h[0].value))
	}
	if rest, _ := io.ReadAll(br); string(rest) != "body" {
		t.Errorf("body = %q", rest)
	}
}

// TestAlternativeHTMLSkippedButItsImagesKept: once the plain version of an
// alternative was read, the HTML one is not rendered, but the images of a
// multipart/related HTML version are still saved, and an HTML version that
// comes first is still the fallback.
func TestAlternativeHTMLSkippedButItsImagesKept(t *testing.T) {
	raw := "Content-Type: multipart/alternative; boundary=a\r\n\r\n" +
		"--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n纯文本\r\n" +
		"--a\r\nContent-Type: multipart/related; boundary=r\r\n\r\n" +
		"--r\r\nContent-Type: text/html\r\n\r\n<p>网页</p><img src=cid:x>\r\n" +
		"--r\r\nContent-Type: image/png\r\nContent-ID: <x>\r\n\r\nPNG\r\n" +
		"--r--\r\n--a--\r\n"
	m, saved := parseBytes(t, []byte(raw))
	if m.Text != "纯文本" {
		t.Errorf("text %q, want the plain version", m.Text)
	}
	if len(saved) != 1 || saved[0].contentType != "image/png" {
		t.Errorf("saved %+v, want the related image", saved)
	}
	htmlFirst := "Content-Type: multipart/alternative; boundary=a\r\n\r\n" +
		"--a\r\nContent-Type: text/html\r\n\r\n<p>网页</p>\r\n" +
		"--a\r\nContent-Type: text/plain\r\n\r\n \r\n--a--\r\n"
	if m, _ := parseBytes(t, []byte(htmlFirst)); m.Text != "网页" {
		t.Errorf("text %q, want the HTML version when the plain one is empty", m.Text)
	}
}
