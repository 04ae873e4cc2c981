package mail

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"beiandesk/store"
)

// headSize is how much of a file CheckMailHead looks at.
const headSize = 8 << 10

// ImportFile imports a saved message from the file at path (or from r when
// path is "-"), after making sure it is one: a clerk who picks the wrong
// file (a 0-byte file, a picture, a program) is told so instead of getting
// an empty "mail" in the inbox. Mail fetched over IMAP is never refused this
// way (see Import).
func ImportFile(ctx context.Context, db store.Book, path string, stdin io.Reader) (Result, error) {
	var r io.Reader = stdin
	source := "stdin"
	if path != "-" {
		st, err := os.Stat(path)
		if err != nil {
			return Result{}, err
		}
		if !st.Mode().IsRegular() {
			return Result{}, fmt.Errorf(msgNotAFile, path)
		}
		f, err := os.Open(path)
		if err != nil {
			return Result{}, err
		}
		defer f.Close()
		r, source = f, "file:"+filepath.Base(path)
	}
	br := bufio.NewReaderSize(r, headSize)
	head, err := br.Peek(headSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return Result{}, err
	}
	if err := CheckMailHead(head); err != nil {
		return Result{}, err
	}
	return Import(ctx, db, br, source)
}

// CheckMailHead refuses what cannot be a saved mail, judged by its first
// bytes: nothing at all, binary content (NUL bytes), or a first line that
// is neither a header field ("Name: value") nor an mbox "From " line.
func CheckMailHead(head []byte) error {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(head)) == 0 {
		return errors.New(msgMailEmpty)
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return errors.New(msgMailBinary)
	}
	line := head
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if bytes.HasPrefix(line, []byte("From ")) {
		return nil
	}
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 {
		return errors.New(msgMailNoHeader)
	}
	for _, c := range bytes.TrimRight(line[:colon], " \t") {
		if c < 33 || c > 126 {
			return errors.New(msgMailNoHeader)
		}
	}
	return nil
}
