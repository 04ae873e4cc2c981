package mail

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
)

// spoolMemory is how much of a message or attachment a spool keeps in
// memory before it moves to a temporary file. Creating a file costs more
// than a typical 30 KB mail takes to parse, while a sync holds at most a
// batch of spools at a time, so memory stays bounded and a 50 MB message
// still never sits in memory.
const spoolMemory = 256 << 10

// spool is a write-once, read-many buffer: memory first, a temporary file
// beyond spoolMemory.
type spool struct {
	mem      bytes.Buffer
	f        *os.File
	unlinked bool
	size     int64
}

func (s *spool) Write(p []byte) (int, error) {
	s.size += int64(len(p))
	if s.f == nil && s.mem.Len()+len(p) <= spoolMemory {
		return s.mem.Write(p)
	}
	if s.f == nil {
		f, err := os.CreateTemp("", "beiandesk-*.spool")
		if err != nil {
			return 0, fmt.Errorf("spool: %w", err)
		}
		s.f = f
		// Unlink at once where the OS allows it, so that a killed process
		// leaves nothing behind; elsewhere Close removes it.
		s.unlinked = runtime.GOOS != "windows" && os.Remove(f.Name()) == nil
		if _, err := f.Write(s.mem.Bytes()); err != nil {
			return 0, fmt.Errorf("spool: %w", err)
		}
		s.mem = bytes.Buffer{}
	}
	return s.f.Write(p)
}

// Reader returns the content from its start; each call starts over.
func (s *spool) Reader() (io.Reader, error) {
	if s.f == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("rewind spool: %w", err)
	}
	return bufio.NewReaderSize(s.f, 64<<10), nil
}

// Close releases the memory or removes the file.
func (s *spool) Close() error {
	s.mem = bytes.Buffer{}
	if s.f == nil {
		return nil
	}
	err := s.f.Close()
	if !s.unlinked {
		os.Remove(s.f.Name())
	}
	return err
}
