package mail

import (
	"bufio"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"testing"
)

// lineWriter inserts CRLF every width bytes, as base64 in mail is wrapped.
type lineWriter struct {
	w     io.Writer
	width int
	col   int
}

func (l *lineWriter) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		n := min(len(p), l.width-l.col)
		if _, err := l.w.Write(p[:n]); err != nil {
			return written, err
		}
		written += n
		l.col += n
		p = p[n:]
		if l.col == l.width {
			if _, err := io.WriteString(l.w, "\r\n"); err != nil {
				return written, err
			}
			l.col = 0
		}
	}
	return written, nil
}

// writeBigMessage streams a message with a text part and one base64 attachment of
// size pseudo-random bytes, generated on the fly, and returns the attachment's
// SHA-256.
func writeBigMessage(dst io.Writer, size int64) (string, error) {
	w := bufio.NewWriterSize(dst, 64<<10)
	head := "Message-ID: <big@example.cn>\r\nFrom: big@example.cn\r\nSubject: " + bWord("gb2312", gbk("大附件")) +
		"\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=big\r\n\r\n" +
		"--big\r\nContent-Type: text/plain; charset=gb2312\r\n\r\n" + gbk("五十兆的附件。") + "\r\n" +
		"--big\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=\"big.zip\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n"
	if _, err := io.WriteString(w, head); err != nil {
		return "", err
	}
	h := sha256.New()
	src := io.TeeReader(io.LimitReader(rand.NewChaCha8([32]byte{1, 2, 3}), size), h)
	enc := base64.NewEncoder(base64.StdEncoding, &lineWriter{w: w, width: 76})
	if _, err := io.Copy(enc, src); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	if _, err := io.WriteString(w, "\r\n--big--\r\n"); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), w.Flush()
}

// streamBigMessage returns a reader over a generated message and a channel that
// delivers the attachment's SHA-256 once it is fully written.
func streamBigMessage(size int64) (io.Reader, <-chan string) {
	pr, pw := io.Pipe()
	sum := make(chan string, 1)
	go func() {
		s, err := writeBigMessage(pw, size)
		sum <- s
		pw.CloseWithError(err)
	}()
	return pr, sum
}

func heapInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func TestParse50MBStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 50 MB")
	}
	const size = 50 << 20
	runtime.GC()
	base := heapInUse()
	peak := base

	r, wantSum := streamBigMessage(size)
	save := func(name, contentType string, body io.Reader) (string, int64, error) {
		h := sha256.New()
		buf := make([]byte, 64<<10)
		var n, nextSample int64
		for {
			k, err := body.Read(buf)
			h.Write(buf[:k])
			n += int64(k)
			if n >= nextSample {
				peak = max(peak, heapInUse())
				nextSample += 4 << 20
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				return "", n, err
			}
		}
		return hex.EncodeToString(h.Sum(nil)), n, nil
	}
	m, err := Parse(r, save)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 1 {
		t.Fatalf("attachments = %+v", m.Attachments)
	}
	a := m.Attachments[0]
	if a.Name != "big.zip" || a.Size != size || a.SHA256 != <-wantSum {
		t.Errorf("attachment = %+v, want big.zip of %d bytes", a, size)
	}
	if m.Subject != "大附件" || m.Text != "五十兆的附件。" {
		t.Errorf("subject %q, text %q", m.Subject, m.Text)
	}
	const limit = 16 << 20
	if grown := peak - min(base, peak); grown > limit {
		t.Errorf("heap in use grew by %d MiB while parsing, limit %d MiB: the attachment is not streamed", grown>>20, limit>>20)
	}
	t.Logf("heap in use: base %.1f MiB, peak %.1f MiB", float64(base)/(1<<20), float64(peak)/(1<<20))
}

// TestParseLargeAttachedMessage checks that a large attached message is spooled
// to disk rather than kept in memory, and still parsed and saved whole.
func TestParseLargeAttachedMessage(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 8 MB")
	}
	const size = 8 << 20
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	pr, pw := io.Pipe()
	innerSum := make(chan string, 1)
	go func() {
		_, err := io.WriteString(pw, "From: outer@example.cn\r\nSubject: outer\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n"+
			"--outer\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n")
		if err == nil {
			var s string
			s, err = writeBigMessage(pw, size)
			innerSum <- s
		}
		if err == nil {
			_, err = io.WriteString(pw, "\r\n--outer--\r\n")
		}
		pw.CloseWithError(err)
	}()
	var names []string
	save := func(name, contentType string, body io.Reader) (string, int64, error) {
		names = append(names, name)
		h := sha256.New()
		n, err := io.Copy(h, body)
		return hex.EncodeToString(h.Sum(nil)), n, err
	}
	m, err := Parse(pr, save)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Attachments) != 2 || m.Attachments[0].Name != "大附件.eml" || m.Attachments[1].Name != "big.zip" {
		t.Fatalf("attachments = %+v", m.Attachments)
	}
	if m.Attachments[0].Size <= size || m.Attachments[1].Size != size || m.Attachments[1].SHA256 != <-innerSum {
		t.Errorf("attachments = %+v", m.Attachments)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func TestPartSpoolSpills(t *testing.T) {
	s := newPartSpool(4)
	if _, err := s.Write([]byte("abc")); err != nil {
		t.Fatal(err)
	}
	if s.file != nil {
		t.Fatal("spilled below the limit")
	}
	if _, err := s.Write([]byte("defgh")); err != nil {
		t.Fatal(err)
	}
	if s.file == nil {
		t.Fatal("did not spill above the limit")
	}
	name := s.file.Name()
	for range 2 {
		r, err := s.reader()
		if err != nil {
			t.Fatal(err)
		}
		if b, _ := io.ReadAll(r); string(b) != "abcdefgh" {
			t.Errorf("read back %q", b)
		}
	}
	s.close()
	if _, err := os.Stat(name); !os.IsNotExist(err) {
		t.Errorf("temporary file %s left behind: %v", name, err)
	}
}

func BenchmarkParse50MB(b *testing.B) {
	const size = 50 << 20
	b.SetBytes(size)
	b.ReportAllocs()
	save := func(name, contentType string, body io.Reader) (string, int64, error) {
		n, err := io.Copy(io.Discard, body)
		return "", n, err
	}
	for b.Loop() {
		r, sum := streamBigMessage(size)
		m, err := Parse(r, save)
		if err != nil {
			b.Fatal(err)
		}
		<-sum
		if len(m.Attachments) != 1 || m.Attachments[0].Size != size {
			b.Fatalf("attachments = %+v", m.Attachments)
		}
	}
}
