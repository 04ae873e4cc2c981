package mail

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// partSpool buffers a stream that has to be read twice (an attached message is parsed
// and also saved whole). Small streams stay in memory; larger ones spill to a
// temporary file, so memory stays bounded whatever the size.
type partSpool struct {
	mem   bytes.Buffer
	file  *os.File
	limit int
}

func newPartSpool(limit int) *partSpool { return &partSpool{limit: limit} }

func (s *partSpool) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) <= s.limit {
		return s.mem.Write(p)
	}
	if s.file == nil {
		f, err := os.CreateTemp("", "beiandesk-mail-*.eml")
		if err != nil {
			return 0, fmt.Errorf("mail: spool attached message: %w", err)
		}
		s.file = f
		if _, err := f.Write(s.mem.Bytes()); err != nil {
			return 0, fmt.Errorf("mail: spool attached message: %w", err)
		}
		s.mem = bytes.Buffer{}
	}
	n, err := s.file.Write(p)
	if err != nil {
		return n, fmt.Errorf("mail: spool attached message: %w", err)
	}
	return n, nil
}

// reader returns a reader over everything written so far, from the start.
func (s *partSpool) reader() (io.Reader, error) {
	if s.file == nil {
		return bytes.NewReader(s.mem.Bytes()), nil
	}
	if _, err := s.file.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("mail: rewind spooled message: %w", err)
	}
	return s.file, nil
}

// close removes the temporary file, if any.
func (s *partSpool) close() {
	if s.file != nil {
		s.file.Close()
		os.Remove(s.file.Name())
	}
}
