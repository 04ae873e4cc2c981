package mail

import (
	"bytes"
	"io"
	"runtime"
	"testing"
)

// A spool that reuses a kept temporary file reads back only what was
// written to it, never the end of the longer content the file held before.
func TestSpoolReusesFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("files are not unlinked, so not kept, on Windows")
	}
	write := func(b []byte) *spool {
		s := &spool{}
		if _, err := s.Write(b); err != nil {
			t.Fatal(err)
		}
		return s
	}
	long := bytes.Repeat([]byte("first "), spoolMemory) // 6 × spoolMemory: a file
	a := write(long)
	if a.f == nil {
		t.Fatal("a spool larger than spoolMemory is not in a file")
	}
	fd := a.f.Fd()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	short := bytes.Repeat([]byte("second"), spoolMemory/6+1) // just over spoolMemory
	b := write(short)
	defer b.Close()
	if b.f == nil || b.f.Fd() != fd {
		t.Fatalf("the second spool did not take the kept file")
	}
	for range 2 { // each Reader starts over
		r, err := b.Reader()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(got, short) {
			t.Fatalf("read %d bytes (%v), want the %d written", len(got), err, len(short))
		}
	}
	if fi, err := b.f.Stat(); err != nil || fi.Size() != int64(len(short)) {
		t.Errorf("the kept file holds %v bytes, want %d", fi.Size(), len(short))
	}
}
