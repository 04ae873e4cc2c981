// Command compare decodes the real-world corpus with another Go parser and
// writes what it found in the shape of ../golden.json, so that the mail
// package's TestRealWorldAlternative can score it with the same comparison as
// beiandesk's own parser. It is a separate module, so that the parsers weighed
// here are not dependencies of beiandesk.
//
//	cd mail/testdata/realworld/compare && go run . enmime > /tmp/enmime.json
//	cd ../../.. && BEIANDESK_ALT_JSON=/tmp/enmime.json go test -run TestRealWorldAlternative -v .
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset"
	gomail "github.com/emersion/go-message/mail"
	"github.com/jhillyerd/enmime"
)

type attachment struct {
	Name        string `json:"name"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	ContentType string `json:"type"`
}

type record struct {
	Subject     string       `json:"subject"`
	FromName    string       `json:"from_name"`
	FromAddr    string       `json:"from_addr"`
	Text        string       `json:"text"`
	Attachments []attachment `json:"attachments"`
	Error       string       `json:"error,omitempty"`
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func withEnmime(raw []byte) record {
	env, err := enmime.ReadEnvelope(bytes.NewReader(raw))
	if err != nil {
		return record{Error: err.Error()}
	}
	r := record{Subject: env.GetHeader("Subject"), Text: env.Text}
	if env.HTML != "" && !hasPlain(env.Root) {
		// enmime renders HTML-only mail with its own converter (links in
		// brackets); hand the HTML on, so that only the decoding is weighed.
		r.Text = env.HTML
	}
	if list, err := env.AddressList("From"); err == nil && len(list) > 0 {
		r.FromName, r.FromAddr = list[0].Name, strings.ToLower(list[0].Address)
	}
	for _, parts := range [][]*enmime.Part{env.Attachments, env.Inlines, env.OtherParts} {
		for _, p := range parts {
			if strings.HasPrefix(p.ContentType, "message/") {
				continue
			}
			r.Attachments = append(r.Attachments, attachment{Name: p.FileName, Size: int64(len(p.Content)), SHA256: hash(p.Content), ContentType: p.ContentType})
		}
	}
	return r
}

func hasPlain(p *enmime.Part) bool {
	if p == nil {
		return false
	}
	if p.ContentType == "text/plain" && p.Disposition != "attachment" {
		return true
	}
	return hasPlain(p.FirstChild) || hasPlain(p.NextSibling)
}

// withoutMboxLine drops the mbox "From sender date" line that saved mail
// (the SpamAssassin corpus) starts with; neither parser expects it, and
// beiandesk's own parser skips it.
func withoutMboxLine(raw []byte) []byte {
	if bytes.HasPrefix(raw, []byte("From ")) {
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			return raw[i+1:]
		}
	}
	return raw
}

// withGoMessage reads with go-message's mail reader: first text/plain (else
// text/html, unconverted) as the text, every attachment part as an attachment.
func withGoMessage(raw []byte) record {
	mr, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
		return record{Error: err.Error()}
	}
	var r record
	r.Subject, _ = mr.Header.Subject()
	if list, err := mr.Header.AddressList("From"); err == nil && len(list) > 0 {
		r.FromName, r.FromAddr = list[0].Name, strings.ToLower(list[0].Address)
	}
	var plain, html string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err) {
			r.Error = err.Error()
			break
		}
		body, _ := io.ReadAll(p.Body)
		switch h := p.Header.(type) {
		case *gomail.InlineHeader:
			ct, _, _ := h.ContentType()
			switch {
			case ct == "text/plain" && plain == "":
				plain = string(body)
			case ct == "text/html" && html == "":
				html = string(body)
			}
		case *gomail.AttachmentHeader:
			name, _ := h.Filename()
			ct, _, _ := h.ContentType()
			if !strings.HasPrefix(ct, "message/") {
				r.Attachments = append(r.Attachments, attachment{Name: name, Size: int64(len(body)), SHA256: hash(body), ContentType: ct})
			}
		}
	}
	r.Text = plain
	if r.Text == "" {
		r.Text = html
	}
	return r
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: compare enmime|go-message")
		os.Exit(2)
	}
	decode := map[string]func([]byte) record{"enmime": withEnmime, "go-message": withGoMessage}[os.Args[1]]
	if decode == nil {
		fmt.Fprintln(os.Stderr, "unknown parser", os.Args[1])
		os.Exit(2)
	}
	out := map[string]record{}
	var files []string
	filepath.Walk("..", func(p string, info os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".eml") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		rel, _ := filepath.Rel("..", f)
		func() {
			defer func() {
				if p := recover(); p != nil {
					out[rel] = record{Error: fmt.Sprint("panic: ", p)}
				}
			}()
			out[rel] = decode(withoutMboxLine(raw))
		}()
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
