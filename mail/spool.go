package mail

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
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
	mem      *bytes.Buffer // from spoolBufs; nil until written
	f        *os.File
	unlinked bool
	size     int64
}

// spoolBufs recycles the memory of closed spools: a sync spools every
// message and attachment, and growing a fresh buffer for each was a large
// share of its garbage (pprof, issue 11).
var spoolBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (s *spool) Write(p []byte) (int, error) {
	s.size += int64(len(p))
	if s.mem == nil && s.f == nil {
		s.mem = spoolBufs.Get().(*bytes.Buffer)
	}
	if s.f == nil && s.mem.Len()+len(p) <= spoolMemory {
		return s.mem.Write(p)
	}
	if s.f == nil {
		if s.f, s.unlinked = spoolFiles.get(); s.f == nil {
			f, err := os.CreateTemp("", "beiandesk-*.spool")
			if err != nil {
				return 0, fmt.Errorf("spool: %w", err)
			}
			s.f = f
			// Unlink at once where the OS allows it, so that a killed process
			// leaves nothing behind; elsewhere Close removes it.
			s.unlinked = runtime.GOOS != "windows" && os.Remove(f.Name()) == nil
		}
		if _, err := s.f.Write(s.mem.Bytes()); err != nil {
			return 0, fmt.Errorf("spool: %w", err)
		}
		s.putMem()
	}
	return s.f.Write(p)
}

// Reader returns the content from its start; each call starts over.
func (s *spool) Reader() (io.Reader, error) {
	if s.f == nil {
		if s.mem == nil {
			return bytes.NewReader(nil), nil
		}
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("rewind spool: %w", err)
	}
	return bufio.NewReaderSize(s.f, 64<<10), nil
}

// putMem gives the memory back for the next spool.
func (s *spool) putMem() {
	if s.mem != nil {
		s.mem.Reset()
		spoolBufs.Put(s.mem)
		s.mem = nil
	}
}

// Close releases the memory or removes the file. Readers from Reader must
// be done by then.
func (s *spool) Close() error {
	s.putMem()
	if s.f == nil {
		return nil
	}
	if s.unlinked && spoolFiles.put(s.f) {
		s.f = nil
		return nil
	}
	err := s.f.Close()
	if !s.unlinked {
		os.Remove(s.f.Name())
	}
	return err
}

// spoolFiles keeps the emptied temporary files of closed spools for the
// next ones. Creating a file cost 0.8 ms on the test machine's overlay file
// system, a tenth of a sync's CPU where one mail in ten is a scan too large
// for memory (pprof, issue 11). Only files already unlinked are kept, so a
// killed process still leaves nothing behind; a kept file is truncated, so
// it holds no disk space, only one of at most maxSpoolFiles descriptors.
var spoolFiles fileStash

const maxSpoolFiles = 16

type fileStash struct {
	mu   sync.Mutex
	free []*os.File
}

// get returns a kept file, empty and at its start, or nil.
func (st *fileStash) get() (*os.File, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if n := len(st.free); n > 0 {
		f := st.free[n-1]
		st.free = st.free[:n-1]
		return f, true
	}
	return nil, false
}

// put keeps f for a later spool; false means the caller closes it.
func (st *fileStash) put(f *os.File) bool {
	if f.Truncate(0) != nil {
		return false
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if len(st.free) >= maxSpoolFiles {
		return false
	}
	st.free = append(st.free, f)
	return true
}
