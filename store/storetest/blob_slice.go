package storetest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"io"
	"math/rand/v2"
	"testing"

	"beiandesk/store"
	"beiandesk/store/transfer"
)

// testBlobSlice checks blobs kept as slices of a raw message: each opens
// to its decoded content, also where it crosses the source's chunk
// boundaries; content stored already is kept once; a slice that does not
// decode to its hash reads as ErrSliceDamaged, never as another file; and
// a rolled-back slice leaves nothing.
func testBlobSlice(t *testing.T, open Opener) {
	ctx := context.Background()
	db := openTemp(t, open)
	rng := rand.New(rand.NewPCG(8, 22))
	scan := make([]byte, 300<<10) // a scan: crosses chunk boundaries once encoded
	for i := range scan {
		scan[i] = byte(rng.Uint32())
	}
	text := []byte("联系人:郭敏\r\n接入商:中国联通山西分公司\r\n")
	var raw bytes.Buffer
	raw.WriteString("Subject: slices\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\n")
	raw.Write(bytes.Repeat([]byte("padding line to move the parts along\r\n"), 5000)) // ~190 KiB
	raw.WriteString("--b\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	b64Start := int64(raw.Len())
	enc := base64.StdEncoding.EncodeToString(scan)
	for len(enc) > 76 {
		raw.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	raw.WriteString(enc)
	b64Len := int64(raw.Len()) - b64Start
	raw.WriteString("\r\n--b\r\n\r\n")
	plainStart := int64(raw.Len())
	raw.Write(text)
	raw.WriteString("\r\n--b--\r\n")

	sum := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	tx, err := db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rawSHA, rawSize, err := tx.PutBlob(bytes.NewReader(raw.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	kept := []byte("stored whole before")
	keptSHA, _, err := tx.PutBlob(bytes.NewReader(kept))
	if err != nil {
		t.Fatal(err)
	}
	slices := []store.BlobSlice{
		{SHA256: sum(scan), Size: int64(len(scan)), Source: rawSHA, Start: b64Start, Length: b64Len, Encoding: transfer.Base64},
		{SHA256: sum(text), Size: int64(len(text)), Source: rawSHA, Start: plainStart, Length: int64(len(text)), Encoding: transfer.Plain},
		// Content stored already stays as it was stored.
		{SHA256: keptSHA, Size: int64(len(kept)), Source: rawSHA, Start: 0, Length: 7, Encoding: transfer.Plain},
		// The same slice twice (two mails with one attachment) is kept once.
		{SHA256: sum(text), Size: int64(len(text)), Source: rawSHA, Start: plainStart, Length: int64(len(text)), Encoding: transfer.Plain},
		// Claims a content it does not decode to.
		{SHA256: sum([]byte("something else")), Size: 14, Source: rawSHA, Start: 0, Length: 14, Encoding: transfer.Plain},
	}
	for _, s := range slices {
		if err := tx.PutSlice(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []store.BlobSlice{
		{SHA256: sum([]byte("past the end")), Size: 1, Source: rawSHA, Start: rawSize - 3, Length: 4, Encoding: transfer.Plain},
		{SHA256: sum([]byte("before the start")), Size: 1, Source: rawSHA, Start: -1, Length: 4, Encoding: transfer.Plain},
		{SHA256: sum([]byte("no source")), Size: 1, Source: sum([]byte("not stored")), Start: 0, Length: 1, Encoding: transfer.Plain},
	} {
		if err := tx.PutSlice(bad); !errors.Is(err, store.ErrSliceOutside) {
			t.Errorf("slice %+v: %v, want ErrSliceOutside", bad, err)
		}
	}
	if _, err := tx.Insert(&store.Mail{DedupKey: "slices", RawSHA256: rawSHA, RawSize: rawSize, Source: "test",
		Attachments: []store.Attachment{{Name: "scan.png", Size: int64(len(scan)), SHA256: sum(scan)}}}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	read := func(sha string) ([]byte, int64, error) {
		rc, size, err := db.OpenBlob(ctx, sha)
		if err != nil {
			return nil, 0, err
		}
		defer rc.Close()
		// Small reads cross every buffer boundary on the way.
		b, err := io.ReadAll(io.LimitReader(struct{ io.Reader }{rc}, 1<<30))
		return b, size, err
	}
	for _, c := range []struct {
		name string
		sha  string
		want []byte
	}{{"base64 across chunks", sum(scan), scan}, {"plain", sum(text), text}, {"stored before", keptSHA, kept}} {
		got, size, err := read(c.sha)
		if err != nil || !bytes.Equal(got, c.want) || size != int64(len(c.want)) {
			t.Errorf("%s: read %d bytes (size %d), %v; want %d bytes", c.name, len(got), size, err, len(c.want))
		}
	}
	if _, _, err := read(slices[4].SHA256); !errors.Is(err, store.ErrSliceDamaged) {
		t.Errorf("a slice that decodes to other content: %v, want ErrSliceDamaged", err)
	}

	tx, err = db.BeginMail(ctx)
	if err != nil {
		t.Fatal(err)
	}
	gone := store.BlobSlice{SHA256: sum(text[:6]), Size: 6, Source: rawSHA, Start: plainStart, Length: 6, Encoding: transfer.Plain}
	if err := tx.PutSlice(gone); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.OpenBlob(ctx, gone.SHA256); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a rolled-back slice: %v, want ErrNotFound", err)
	}
}
