package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// savedFile is what a test SaveFunc received.
type savedFile struct {
	name, contentType string
	data              []byte
}

// memorySave returns a SaveFunc that keeps everything it is given.
func memorySave(saved *[]savedFile) SaveFunc {
	return func(name, contentType string, body io.Reader) (string, int64, error) {
		data, err := io.ReadAll(body)
		if err != nil {
			return "", 0, err
		}
		*saved = append(*saved, savedFile{name, contentType, data})
		return sha(data), int64(len(data)), nil
	}
}

func parseBytes(t testing.TB, raw []byte) (*Message, []savedFile) {
	t.Helper()
	var saved []savedFile
	m, err := Parse(bytes.NewReader(raw), memorySave(&saved))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	// Every place in the raw message decodes back to its attachment; the
	// tests below compare the other fields.
	checkSpans(t, raw, m)
	for i := range m.Attachments {
		m.Attachments[i].Raw = nil
	}
	return m, saved
}

// TestCorpusFiles checks that the committed corpus matches its generators, or
// rewrites it with -update.
func TestCorpusFiles(t *testing.T) {
	if *update {
		if err := os.MkdirAll(corpusDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range corpus() {
		path := filepath.Join(corpusDir, c.file)
		want := c.build()
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestCorpusFiles -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its generator (run go test -run TestCorpusFiles -update)", path)
		}
	}
}

func TestCorpus(t *testing.T) {
	cases := corpus()
	if len(cases) < 20 {
		t.Fatalf("corpus has %d messages, want at least 20", len(cases))
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(c.file, ".eml"), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(corpusDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			m, saved := parseBytes(t, raw)
			checkMessage(t, c, m, saved)
		})
	}
}

func checkMessage(t *testing.T, c corpusCase, m *Message, saved []savedFile) {
	t.Helper()
	eq := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	eq("Subject", m.Subject, c.subject)
	eq("FromName", m.FromName, c.fromName)
	eq("FromAddr", m.FromAddr, c.fromAddr)
	eq("MessageID", m.MessageID, c.messageID)
	if c.to != nil && !reflect.DeepEqual(m.To, c.to) {
		t.Errorf("To = %q, want %q", m.To, c.to)
	}
	switch {
	case c.date == "" && !m.Date.IsZero():
		t.Errorf("Date = %v, want zero", m.Date)
	case c.date != "":
		want, err := time.Parse(time.RFC3339, c.date)
		if err != nil {
			t.Fatal(err)
		}
		if !m.Date.Equal(want) {
			t.Errorf("Date = %v, want %v", m.Date, want)
		}
	}
	for _, s := range c.textHas {
		if !strings.Contains(m.Text, s) {
			t.Errorf("Text does not contain %q; Text:\n%s", s, m.Text)
		}
	}
	for _, s := range c.textNot {
		if strings.Contains(m.Text, s) {
			t.Errorf("Text contains %q; Text:\n%s", s, m.Text)
		}
	}
	if len(m.Attachments) != len(c.attachments) {
		t.Errorf("got %d attachments %+v, want %d", len(m.Attachments), m.Attachments, len(c.attachments))
	}
	for i := range min(len(m.Attachments), len(c.attachments)) {
		got, want := m.Attachments[i], c.attachments[i]
		w := Attachment{Name: want.name, ContentType: want.contentType, Size: int64(len(want.data)), SHA256: sha(want.data), Inline: want.inline}
		if got != w {
			t.Errorf("attachment %d = %+v, want %+v", i, got, w)
		}
		if !savedAs(saved, want) {
			t.Errorf("attachment %d: save did not receive %q with the expected bytes", i, want.name)
		}
	}
	if c.problems != (len(m.Problems) > 0) {
		t.Errorf("Problems = %q, want some: %v", m.Problems, c.problems)
	}
	if c.proposal != nil && !reflect.DeepEqual(normalizeProposal(m.Proposal), normalizeProposal(*c.proposal)) {
		t.Errorf("Proposal = %+v, want %+v", m.Proposal, *c.proposal)
	}
	for _, s := range append([]string{m.Subject, m.FromName, m.Text}, m.Problems...) {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8: %q", s)
		}
	}
}

// savedAs reports whether save received want. Saves need not come in list
// order: an attached message is saved after the attachments inside it.
func savedAs(saved []savedFile, want wantAttachment) bool {
	for _, s := range saved {
		if s.name == want.name && s.contentType == want.contentType && bytes.Equal(s.data, want.data) {
			return true
		}
	}
	return false
}

// normalizeProposal makes empty and nil slices compare equal.
func normalizeProposal(p Proposal) Proposal {
	for _, s := range []*[]string{&p.Filings, &p.Domains, &p.USCCs, &p.IDNumbers, &p.Phones} {
		if len(*s) == 0 {
			*s = nil
		}
	}
	// Fields follows from the rest; the cases state the rest.
	p.Fields = filledFields(p)
	return p
}

func TestDuplicatePairHashesEqual(t *testing.T) {
	var msgs []*Message
	var raws [][]byte
	for _, f := range []string{"25-duplicate-a.eml", "26-duplicate-b.eml"} {
		raw, err := os.ReadFile(filepath.Join(corpusDir, f))
		if err != nil {
			t.Fatal(err)
		}
		m, _ := parseBytes(t, raw)
		msgs, raws = append(msgs, m), append(raws, raw)
	}
	if bytes.Equal(raws[0], raws[1]) {
		t.Fatal("the duplicate pair must differ in its raw bytes")
	}
	if msgs[0].MessageID != msgs[1].MessageID || msgs[0].MessageID == "" {
		t.Errorf("Message-IDs %q and %q, want equal", msgs[0].MessageID, msgs[1].MessageID)
	}
	if msgs[0].BodySHA256 != msgs[1].BodySHA256 {
		t.Errorf("BodySHA256 %s and %s, want equal", msgs[0].BodySHA256, msgs[1].BodySHA256)
	}
}

// TestBodySHA256 checks that the hash covers exactly the bytes after the header
// block, also those the parser did not need.
func TestBodySHA256(t *testing.T) {
	for _, c := range corpus() {
		raw, err := os.ReadFile(filepath.Join(corpusDir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.Index(raw, []byte("\r\n\r\n"))
		sep := 4
		if j := bytes.Index(raw, []byte("\n\n")); i < 0 || j >= 0 && j < i {
			i, sep = j, 2
		}
		if i < 0 {
			continue // no blank line: header only or garbage
		}
		m, _ := parseBytes(t, raw)
		if want := sha(raw[i+sep:]); m.BodySHA256 != want {
			t.Errorf("%s: BodySHA256 = %s, want %s", c.file, m.BodySHA256, want)
		}
	}
	empty := sha256.Sum256(nil)
	m, _ := parseBytes(t, []byte("Subject: x\r\n"))
	if m.BodySHA256 != hex.EncodeToString(empty[:]) {
		t.Errorf("header-only BodySHA256 = %s, want the hash of nothing", m.BodySHA256)
	}
}

func TestParseErrors(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(corpusDir, "28-deregister-request.eml"))
	if err != nil {
		t.Fatal(err)
	}
	errDisk := errors.New("disk full")
	failing := func(name, contentType string, body io.Reader) (string, int64, error) {
		return "", 0, errDisk
	}
	if _, err := Parse(bytes.NewReader(raw), failing); !errors.Is(err, errDisk) {
		t.Errorf("Parse with failing save: err = %v, want %v", err, errDisk)
	}

	lazy := func(name, contentType string, body io.Reader) (string, int64, error) {
		return "x", 0, nil // reads nothing
	}
	if _, err := Parse(bytes.NewReader(raw), lazy); err == nil {
		t.Error("Parse with a save that reads nothing: want an error")
	}

	errRead := errors.New("connection reset")
	r := io.MultiReader(bytes.NewReader(raw[:len(raw)/2]), iotestErrReader{errRead})
	var saved []savedFile
	if _, err := Parse(r, memorySave(&saved)); !errors.Is(err, errRead) {
		t.Errorf("Parse with failing reader: err = %v, want %v", err, errRead)
	}
}

type iotestErrReader struct{ err error }

func (r iotestErrReader) Read([]byte) (int, error) { return 0, r.err }

func TestParseEmpty(t *testing.T) {
	m, saved := parseBytes(t, nil)
	if len(saved) != 0 || m.Text != "" || len(m.Problems) == 0 {
		t.Errorf("empty input: %+v", m)
	}
}

func TestTextCap(t *testing.T) {
	body := strings.Repeat("备案文本", MaxText/len("备案文本")+1000)
	raw := "Subject: big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
	m, _ := parseBytes(t, []byte(raw))
	if len(m.Text) > MaxText || len(m.Text) < MaxText-4 {
		t.Errorf("len(Text) = %d, want just under %d", len(m.Text), MaxText)
	}
	if !utf8.ValidString(m.Text) {
		t.Error("capped text is not valid UTF-8")
	}
	if len(m.Problems) == 0 {
		t.Error("no problem noted for the cut text")
	}
}

func TestEntityLimit(t *testing.T) {
	raw := "Content-Type: multipart/mixed; boundary=b\r\n\r\n" + strings.Repeat("--b\r\n\r\nx\r\n", maxEntities+10) + "--b--\r\n"
	m, _ := parseBytes(t, []byte(raw))
	if len(m.Problems) == 0 {
		t.Error("no problem noted for too many parts")
	}
}

func TestAttachmentWithoutContentType(t *testing.T) {
	raw := "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Disposition: attachment; filename=a.doc\r\n\r\nabc\r\n--b--\r\n"
	m, _ := parseBytes(t, []byte(raw))
	want := []Attachment{{Name: "a.doc", ContentType: "application/octet-stream", Size: 3, SHA256: sha([]byte("abc"))}}
	if !reflect.DeepEqual(m.Attachments, want) {
		t.Errorf("attachments = %+v, want %+v", m.Attachments, want)
	}
}

func TestNestedForwardsAreBounded(t *testing.T) {
	msg := "From: inner@example.cn\r\nSubject: 最里面\r\n\r\n最里面的正文\r\n"
	for i := 0; i < 30; i++ {
		msg = "From: level@example.cn\r\nSubject: Fwd\r\nContent-Type: message/rfc822\r\n\r\n" + msg
	}
	m, _ := parseBytes(t, []byte(msg))
	if strings.Contains(m.Text, "最里面的正文") || len(m.Problems) == 0 {
		t.Errorf("30 nested forwards: text %q, problems %q", m.Text, m.Problems)
	}
	if n := strings.Count(m.Text, forwardSeparator); n == 0 || n > maxDepth {
		t.Errorf("%d forward separators", n)
	}
}

func TestHTMLAlternativeOnly(t *testing.T) {
	raw := "Content-Type: multipart/alternative; boundary=a\r\n\r\n" +
		"--a\r\nContent-Type: text/plain\r\n\r\n\r\n" + // empty plain part
		"--a\r\nContent-Type: text/html; charset=gbk\r\n\r\n" + gbk("<p>只有 HTML 有内容</p>") + "\r\n--a--\r\n"
	m, _ := parseBytes(t, []byte(raw))
	if m.Text != "只有 HTML 有内容" {
		t.Errorf("Text = %q", m.Text)
	}
}

func TestInlineTextAttachment(t *testing.T) {
	raw := "Content-Type: multipart/mixed; boundary=b\r\n\r\n" +
		"--b\r\nContent-Type: text/plain\r\n\r\n正文\r\n" +
		"--b\r\nContent-Type: text/plain; charset=gbk\r\nContent-Disposition: inline; filename=\"readme.txt\"\r\n\r\n" + gbk("附件内容") + "\r\n--b--\r\n"
	m, saved := parseBytes(t, []byte(raw))
	if m.Text != "正文" || len(m.Attachments) != 1 || !m.Attachments[0].Inline || string(saved[0].data) != gbk("附件内容") {
		t.Errorf("Text %q, attachments %+v", m.Text, m.Attachments)
	}
}
