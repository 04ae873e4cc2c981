package mail

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"beiandesk/store"
)

const requestMail = "Received: from a.example.net by mx.163.com\r\n" +
	"Message-ID: <abc-1@example.com>\r\n" +
	"Date: Mon, 2 Mar 2026 09:30:00 +0800\r\n" +
	"From: =?gb2312?B?1cXI/Q==?= <zhangsan@example.com>\r\n" +
	"To: beianzhuxiao@163.com\r\n" +
	"Subject: =?UTF-8?B?5rOo6ZSA5aSH5qGI55Sz6K+3?=\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=\"b1\"\r\n" +
	"\r\n" +
	"--b1\r\n" +
	"Content-Type: text/plain; charset=utf-8\r\n" +
	"\r\n" +
	"申请注销 晋ICP备12345678号-1 的网站备案。\r\n" +
	"--b1\r\n" +
	"Content-Type: application/msword; name=\"=?UTF-8?B?5rOo6ZSA572R56uZQVBQ5aSH5qGI55Sz6K+36KGoKOS8geS4mikuZG9j?=\"\r\n" +
	"Content-Disposition: attachment\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"\r\n" +
	"aGVsbG8gd29ybGQ=\r\n" +
	"--b1--\r\n"

func TestImport(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	res, err := Import(ctx, db, strings.NewReader(requestMail), "file:a.eml")
	if err != nil || res.Duplicate || res.ID == 0 {
		t.Fatalf("import: %+v %v", res, err)
	}
	m, err := db.Mail(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.MessageID != "abc-1@example.com" || m.Subject != "注销备案申请" || m.FromName != "张三" || m.Source != "file:a.eml" {
		t.Errorf("mail = %+v", m)
	}
	if !strings.Contains(m.Text, "晋ICP备12345678号-1") {
		t.Errorf("text %q", m.Text)
	}
	if got := ProposalOf(m).Filings; len(got) != 1 || got[0] != "晋ICP备12345678号-1" {
		t.Errorf("proposed filings %q", got)
	}
	var keys map[string]any
	if err := json.Unmarshal(m.Proposal, &keys); err != nil || keys["filings"] == nil || keys["sponsor_type"] == nil {
		t.Errorf("stored proposal %s: %v", m.Proposal, err)
	}

	// Byte-exact original.
	raw := readBlob(t, db, m.RawSHA256)
	if raw != requestMail || m.RawSize != int64(len(requestMail)) {
		t.Errorf("raw differs: %d bytes, want %d", len(raw), len(requestMail))
	}
	if len(m.Attachments) != 1 {
		t.Fatalf("attachments %+v", m.Attachments)
	}
	a := m.Attachments[0]
	sum := sha256.Sum256([]byte("hello world"))
	if a.Name != "注销网站APP备案申请表(企业).doc" || a.Size != 11 || a.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("attachment %+v", a)
	}
	if got := readBlob(t, db, a.SHA256); got != "hello world" {
		t.Errorf("attachment blob %q", got)
	}

	// The same mail again, delivered through another relay and saved with
	// Unix line ends: a duplicate.
	again := strings.ReplaceAll(strings.Replace(requestMail, "a.example.net", "b.example.org", 1), "\r\n", "\n") + "\n"
	res2, err := Import(ctx, db, strings.NewReader(again), "file:b.eml")
	if err != nil || !res2.Duplicate || res2.ID != res.ID {
		t.Errorf("second import: %+v %v, want duplicate of %d", res2, err, res.ID)
	}
	// Same Message-ID, other content: a different mail.
	changed := strings.Replace(requestMail, "12345678", "87654321", 1)
	res3, err := Import(ctx, db, strings.NewReader(changed), "file:c.eml")
	if err != nil || res3.Duplicate {
		t.Errorf("changed content: %+v %v, want new", res3, err)
	}
	if n, _ := db.CountMails(ctx, ""); n != 2 {
		t.Errorf("%d mails stored, want 2", n)
	}
}

func TestImportWithoutMessageID(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	base := strings.Replace(requestMail, "Message-ID: <abc-1@example.com>\r\n", "", 1)
	tests := []struct {
		name string
		mail string
		dup  bool
	}{
		{"first", base, false},
		{"other relay", strings.Replace(base, "a.example.net", "c.example.net", 1), true},
		{"other subject", strings.Replace(base, "Subject: =?UTF-8?B?5rOo6ZSA5aSH5qGI55Sz6K+3?=", "Subject: hello", 1), false},
		{"other date", strings.Replace(base, "09:30:00", "09:31:00", 1), false},
		{"other body", strings.Replace(base, "12345678", "11111111", 1), false},
	}
	for _, tt := range tests {
		res, err := Import(ctx, db, strings.NewReader(tt.mail), "file:x.eml")
		if err != nil || res.Duplicate != tt.dup {
			t.Errorf("%s: %+v %v, want duplicate=%v", tt.name, res, err, tt.dup)
		}
	}
}

// TestImportBroken: broken MIME is stored best-effort with notes, never
// refused.
func TestImportBroken(t *testing.T) {
	ctx := context.Background()
	db := openTestDB(t)
	tests := []string{
		"",
		"no header at all, only text",
		"Subject: x\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nunterminated",
		"Subject: y\r\nContent-Transfer-Encoding: base64\r\n\r\n5rOo6ZSA5a!!!",
		"\x00\xff\xfe garbage \r\n\r\n\r\n",
	}
	for i, raw := range tests {
		res, err := Import(ctx, db, strings.NewReader(raw), "file:broken.eml")
		if err != nil {
			t.Errorf("%d: %v", i, err)
			continue
		}
		m, err := db.Mail(ctx, res.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := readBlob(t, db, m.RawSHA256); got != raw {
			t.Errorf("%d: raw not kept", i)
		}
	}
}

// TestImportReadError: a message that cannot be read to its end is not
// stored half.
func TestImportReadError(t *testing.T) {
	db := openTestDB(t)
	r := io.MultiReader(strings.NewReader(requestMail[:100]), iotest.ErrReader(errors.New("disk gone")))
	if _, err := Import(context.Background(), db, r, "file:x.eml"); err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Errorf("err = %v, want the read error", err)
	}
	if n, _ := db.CountMails(context.Background(), ""); n != 0 {
		t.Errorf("a half-read message was stored")
	}
}

func TestImportCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Import(ctx, openTestDB(t), strings.NewReader(requestMail), "x"); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestParseGuardedPanic(t *testing.T) {
	// parseGuarded turns a panic inside the parser into an error; simulate
	// one through the reader it parses.
	_, err := parseGuarded(panicReader{}, hashOnly)
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("err = %v", err)
	}
}

func TestDedupKey(t *testing.T) {
	key := func(s string, chunk int) string {
		h := newDedupHasher()
		for b := []byte(s); len(b) > 0; {
			n := min(chunk, len(b))
			h.Write(b[:n])
			b = b[n:]
		}
		k, _ := h.key()
		return k
	}
	base := "Message-ID: <x@y>\r\nSubject: a\r\n\r\nline1\r\nline2\r\n"
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"identical", base, base, true},
		{"extra header", "Received: by z\r\n" + base, base, true},
		{"folded id", "Message-ID:\r\n <x@y>\r\nSubject: a\r\n\r\nline1\r\nline2\r\n", base, true},
		{"LF line ends", strings.ReplaceAll(base, "\r\n", "\n"), base, true},
		{"trailing newlines", base + "\r\n\r\n", base, true},
		{"body differs", strings.Replace(base, "line2", "line3", 1), base, false},
		{"inner blank line kept", strings.Replace(base, "line1\r\n", "line1\r\n\r\n", 1), base, false},
		{"id differs", strings.Replace(base, "x@y", "x@z", 1), base, false},
		{"lone CR kept", strings.Replace(base, "line1", "li\rne1", 1), base, false},
		{"no id, same", "Subject: a\r\n\r\nbody", "Received: x\r\nSubject: a\r\n\r\nbody\r\n", true},
		{"no id, subject differs", "Subject: a\r\n\r\nbody", "Subject: b\r\n\r\nbody", false},
		{"no id vs id", "Subject: a\r\n\r\nbody", "Message-ID: <q@r>\r\nSubject: a\r\n\r\nbody", false},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 2, 3, 7, 1 << 20} {
			ka, kb := key(tt.a, chunk), key(tt.b, 1<<20)
			if (ka == kb) != tt.same {
				t.Errorf("%s (chunk %d): %q vs %q", tt.name, chunk, ka, kb)
			}
		}
	}
	if k := key(base, 5); !strings.HasPrefix(k, "mid:x@y|") {
		t.Errorf("key %q", k)
	}
	if k := key("Subject: a\r\n\r\nbody", 5); !strings.HasPrefix(k, "sha:") {
		t.Errorf("key %q", k)
	}
}

func readBlob(t testing.TB, db store.Book, sha string) string {
	t.Helper()
	rc, _, err := db.OpenBlob(context.Background(), sha)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var b bytes.Buffer
	if _, err := io.Copy(&b, rc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// panicReader panics when read, as a parser bug would.
type panicReader struct{}

func (panicReader) Read([]byte) (int, error) { panic("boom") }
