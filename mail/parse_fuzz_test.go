package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.eml"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no corpus in %s: %v", corpusDir, err)
	}
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		type call struct {
			name string
			size int64
			sum  string
		}
		var calls []call
		save := func(name, contentType string, body io.Reader) (string, int64, error) {
			h := sha256.New()
			n, err := io.Copy(h, body)
			if err != nil {
				return "", 0, err
			}
			s := hex.EncodeToString(h.Sum(nil))
			calls = append(calls, call{name, n, s})
			return s, n, nil
		}
		m, err := Parse(bytes.NewReader(raw), save)
		// Neither the reader nor save can fail here, so there must be a Message.
		if err != nil || m == nil {
			t.Fatalf("Parse = %v, %v; want a Message", m, err)
		}
		if len(m.Attachments) != len(calls) {
			t.Fatalf("%d attachments but %d saves", len(m.Attachments), len(calls))
		}
		for _, a := range m.Attachments {
			found := false
			for _, c := range calls {
				if c.name == a.Name && c.size == a.Size && c.sum == a.SHA256 {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("attachment %+v does not match the bytes passed to save %+v", a, calls)
			}
			if a.Name == "" || !utf8.ValidString(a.Name) {
				t.Errorf("bad attachment name %q", a.Name)
			}
		}
		// An attachment's place in the raw message decodes back to it, as
		// the store will decode it when the attachment is opened.
		checkSpans(t, raw, m)
		if len(m.Text) > MaxText {
			t.Errorf("Text has %d bytes, cap is %d", len(m.Text), MaxText)
		}
		texts := append([]string{m.Subject, m.FromName, m.FromAddr, m.MessageID, m.Text, m.Proposal.Sponsor}, m.Problems...)
		for _, s := range append(texts, m.To...) {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 in result: %q", s)
			}
		}
		if len(m.BodySHA256) != 64 {
			t.Errorf("BodySHA256 = %q", m.BodySHA256)
		}
	})
}
