package mail

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"beiandesk/store/transfer"
)

// checkSpans decodes every attachment's RawSpan from raw again, as the store
// will when it is opened, and fails unless that gives the attachment's
// bytes. It returns how many attachments had a span.
func checkSpans(t testing.TB, raw []byte, m *Message) int {
	t.Helper()
	n := 0
	for _, a := range m.Attachments {
		if a.Raw == nil {
			continue
		}
		n++
		s := a.Raw
		if s.Start < 0 || s.Length < 0 || s.Start+s.Length > int64(len(raw)) {
			t.Errorf("%s: span %+v outside the %d-byte message", a.Name, *s, len(raw))
			continue
		}
		r, release, err := transfer.NewReader(s.Encoding, bytes.NewReader(raw[s.Start:s.Start+s.Length]))
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		h := sha256.New()
		size, _ := io.Copy(h, r)
		release()
		if got := hex.EncodeToString(h.Sum(nil)); got != a.SHA256 || size != a.Size {
			t.Errorf("%s: span %+v decodes to %d bytes %.12s…, the attachment is %d bytes %.12s…",
				a.Name, *s, size, got, a.Size, a.SHA256)
		}
	}
	return n
}

// TestRawSpans covers the ways an attachment is reached: which get a place
// in the raw message (and decode back from it), and which must be stored
// decoded because a reader on the way transformed the bytes.
func TestRawSpans(t *testing.T) {
	pdf := payload("span pdf", 5000)
	eml := "From: a@example.cn\r\nSubject: inner\r\nContent-Type: multipart/mixed; boundary=in\r\n\r\n" +
		"--in\r\nContent-Type: text/plain\r\n\r\ninner text\r\n" +
		"--in\r\nContent-Type: application/pdf; name=inner.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		b64Body(pdf) + "\r\n--in--\r\n"
	part := func(header, body string) string { return "--b\r\n" + header + "\r\n\r\n" + body + "\r\n" }
	mixed := func(parts ...string) string {
		return "Subject: spans\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\npreamble\r\n" +
			part("Content-Type: text/plain; charset=utf-8", "正文 晋ICP备12345678号") + strings.Join(parts, "") + "--b--\r\n"
	}
	tests := []struct {
		name         string
		raw          string
		attachments  int
		spans        int
		firstHasSpan bool
	}{
		{"base64 attachment", mixed(part("Content-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64", b64Body(pdf))), 1, 1, true},
		{"LF line endings", strings.ReplaceAll(mixed(part("Content-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64", b64Body(pdf))), "\r\n", "\n"), 1, 1, true},
		{"8bit attachment", mixed(part("Content-Type: text/csv; name=a.csv\r\nContent-Disposition: attachment", "域名,备案号\r\na.cn,晋ICP备12345678号\r\n")), 1, 1, true},
		{"quoted-printable attachment is decoded", mixed(part("Content-Type: text/csv; name=a.csv\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: quoted-printable", "a=3Db\r\n")), 1, 0, false},
		{"nested multipart", mixed("--b\r\nContent-Type: multipart/related; boundary=\"c\"\r\n\r\n--c\r\nContent-Type: image/png; name=x.png\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64Body(pdf[:999]) + "\r\n--c--\r\n"), 1, 1, true},
		{"attached message: the .eml is a span, its insides are not", mixed(part("Content-Type: message/rfc822; name=fw.eml\r\nContent-Disposition: attachment", eml)), 2, 1, true},
		{"multipart inside base64 (broken sender)", mixed(part("Content-Type: multipart/mixed; boundary=in\r\nContent-Transfer-Encoding: base64", base64.StdEncoding.EncodeToString([]byte(
			"--in\r\nContent-Type: application/pdf; name=z.pdf\r\n\r\nzzz\r\n--in--\r\n")))), 1, 0, false},
		{"text labelled base64 but words", mixed(part("Content-Type: text/plain; name=note.txt\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: base64",
			"this is not base64 at all\r\nbut a note typed by hand\r\nwith spaces in every line\r\n")), 1, 1, true},
		{"whole message is the attachment", "Subject: scan\r\nContent-Type: image/jpeg; name=scan.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64Body(pdf), 1, 1, true},
		{"damaged base64 decodes the same again", mixed(part("Content-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64", "QUJD*REVG\r\n=\r\nR0g")), 1, 1, true},
		{"unterminated multipart", strings.TrimSuffix(mixed(part("Content-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64", b64Body(pdf))), "--b--\r\n"), 1, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(tt.raw), hashOnly)
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Attachments) != tt.attachments {
				t.Fatalf("%d attachments, want %d: %+v", len(m.Attachments), tt.attachments, m.Attachments)
			}
			if n := checkSpans(t, []byte(tt.raw), m); n != tt.spans {
				t.Errorf("%d attachments with a span, want %d", n, tt.spans)
			}
			if (m.Attachments[0].Raw != nil) != tt.firstHasSpan {
				t.Errorf("first attachment's span: %+v, want one: %v", m.Attachments[0].Raw, tt.firstHasSpan)
			}
		})
	}
}

// TestSlicedAttachmentsReopen imports every mail of the test data (the
// real-world corpus, nobody's on this project, and our own) into one real
// book and opens every attachment again: each must give back the bytes the
// parser decoded, whether it is kept as a slice of the raw message or whole.
// Most must be slices, or the book is back to storing each twice.
func TestSlicedAttachmentsReopen(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	var files []string
	filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".eml") {
			files = append(files, path)
		}
		return nil
	})
	if len(files) < 500 {
		t.Fatalf("only %d mails in testdata", len(files))
	}
	total, sliced := 0, 0
	slicedSHA, wholeSHA := map[string]bool{}, map[string]bool{}
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := Parse(bytes.NewReader(raw), hashOnly)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		spans := checkSpans(t, raw, ref)
		res, err := Import(ctx, db, bytes.NewReader(raw), "file:"+path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if res.Duplicate {
			continue
		}
		sliced += spans
		for _, a := range ref.Attachments {
			if a.Raw != nil {
				slicedSHA[a.SHA256] = true
			} else {
				wholeSHA[a.SHA256] = true
			}
		}
		m, err := db.Mail(ctx, res.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.Attachments) != len(ref.Attachments) {
			t.Errorf("%s: %d attachments stored, the parser found %d", path, len(m.Attachments), len(ref.Attachments))
			continue
		}
		for i, a := range m.Attachments {
			total++
			if a.SHA256 != ref.Attachments[i].SHA256 || a.Size != ref.Attachments[i].Size {
				t.Errorf("%s: attachment %d stored as %s (%d bytes), decoded as %s (%d bytes)",
					path, i+1, a.SHA256, a.Size, ref.Attachments[i].SHA256, ref.Attachments[i].Size)
				continue
			}
			if got := readBlob(t, db, a.SHA256); int64(len(got)) != a.Size || sha([]byte(got)) != a.SHA256 {
				t.Errorf("%s: attachment %q reopens as %d other bytes", path, a.Name, len(got))
			}
		}
	}
	t.Logf("%d mails, %d attachments, %d of them kept as slices of the raw message", len(files), total, sliced)
	if sliced*10 < total*8 {
		t.Errorf("only %d of %d attachments are slices", sliced, total)
	}
	// The book holds them as slices indeed: one row per content, except
	// where the same content came whole first.
	onlySliced := 0
	for sha := range slicedSHA {
		if !wholeSHA[sha] {
			onlySliced++
		}
	}
	raw, err := sql.Open("sqlite", "file:"+db.Location()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var rows int
	if err := raw.QueryRow(`SELECT count(*) FROM blob_slice`).Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if rows < onlySliced || rows > len(slicedSHA) {
		t.Errorf("the book holds %d slices, want %d to %d", rows, onlySliced, len(slicedSHA))
	}
}
