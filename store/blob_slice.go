package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	"beiandesk/store/transfer"
)

// ErrSliceOutside is returned for a slice that does not lie inside its
// source blob, or whose source is not stored.
var ErrSliceOutside = errors.New(msgSliceOutside)

// ErrSliceDamaged is returned at the end of reading a blob slice that no
// longer decodes to the content it was stored as.
var ErrSliceDamaged = errors.New(msgSliceDamaged)

// OpenSlice returns a reader of the content of slice s, decoding it from
// src, which reads the source blob from s.Start on. At the end it checks
// what it read against s.SHA256 and s.Size, so a slice that no longer
// decodes to what was stored reads as an error, never as a different file.
// Close releases the decoder; it does not close src.
func OpenSlice(src io.Reader, s BlobSlice) (io.ReadCloser, error) {
	dec, release, err := transfer.NewReader(s.Encoding, io.LimitReader(src, s.Length))
	if err != nil {
		return nil, fmt.Errorf("blob %s: %w", s.SHA256, err)
	}
	return &sliceReader{r: dec, release: release, want: s, h: sha256.New()}, nil
}

type sliceReader struct {
	r       io.Reader
	release func()
	want    BlobSlice
	h       hash.Hash
	n       int64
}

func (s *sliceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	s.h.Write(p[:n])
	s.n += int64(n)
	if err == io.EOF && (s.n != s.want.Size || hex.EncodeToString(s.h.Sum(nil)) != s.want.SHA256) {
		return n, fmt.Errorf("blob %s: %w", s.want.SHA256, ErrSliceDamaged)
	}
	return n, err
}

func (s *sliceReader) Close() error {
	if s.release != nil {
		s.release()
		s.release = nil
	}
	return nil
}
