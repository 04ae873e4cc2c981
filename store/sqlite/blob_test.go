package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"
)

func TestBlobRoundTripAndDedup(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	data := bytes.Repeat([]byte("注销备案材料 0123456789\n"), 40000) // > 3 chunks
	sum := sha256.Sum256(data)
	want := hex.EncodeToString(sum[:])
	for i := 0; i < 2; i++ {
		tx, err := db.BeginMail(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sha, size, err := tx.PutBlob(bytes.NewReader(data))
		if err != nil || sha != want || size != int64(len(data)) {
			t.Fatalf("put: %s %d %v", sha, size, err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	var blobs, chunks int
	db.db.QueryRow(`SELECT count(*) FROM blob`).Scan(&blobs)
	db.db.QueryRow(`SELECT count(*) FROM blob_chunk`).Scan(&chunks)
	if blobs != 1 || chunks != (len(data)+chunkSize-1)/chunkSize {
		t.Fatalf("%d blobs, %d chunks", blobs, chunks)
	}
	r, size, err := db.OpenBlob(ctx, want)
	if err != nil || size != int64(len(data)) {
		t.Fatal(size, err)
	}
	got, err := io.ReadAll(r)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read back %d bytes, %v", len(got), err)
	}
	// An empty blob is a blob too.
	tx, _ := db.BeginMail(ctx)
	if sha, size, err := tx.PutBlob(bytes.NewReader(nil)); err != nil || size != 0 || sha != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Fatalf("empty blob %s %d %v", sha, size, err)
	}
	tx.Rollback()
}
