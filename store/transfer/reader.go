package transfer

import (
	"fmt"
	"io"
)

// The encodings a blob slice may be kept in, as the store records them.
const (
	Plain  = "plain"  // 7bit, 8bit, binary: the bytes as they are
	Base64 = "base64" // RFC 2045 base64, read as tolerantly as Base64Decoder reads it
)

// NewReader returns a reader of what r decodes to in the encoding enc (Plain
// or Base64), and a function that releases its buffers.
func NewReader(enc string, r io.Reader) (io.Reader, func(), error) {
	switch enc {
	case Plain:
		return r, func() {}, nil
	case Base64:
		br := NewBase64Reader(r)
		return br, br.Release, nil
	}
	return nil, nil, fmt.Errorf(msgUnknownEncoding, enc)
}
