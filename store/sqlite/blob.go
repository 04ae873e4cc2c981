package sqlite

import (
	"beiandesk/store"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"
)

const chunkSize = 256 << 10

// chunkBufs recycles the chunk buffers: a sync puts a few blobs per mail,
// and a fresh 256 KiB buffer each time costs more in clearing and garbage
// collection than the small mails it carries.
var chunkBufs = sync.Pool{New: func() any { return new([chunkSize]byte) }}

// putBlob stores r content-addressed inside the caller's transaction and
// returns its SHA-256 and size. The content is streamed in chunks, so a
// 50 MB attachment never sits in memory; a blob already stored is kept once.
func putBlob(ctx context.Context, tx querier, r io.Reader) (string, int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO blob (sha256, size) VALUES (NULL, 0)`)
	if err != nil {
		return "", 0, fmt.Errorf("put blob: %w", err)
	}
	id, _ := res.LastInsertId()
	h := sha256.New()
	bp := chunkBufs.Get().(*[chunkSize]byte)
	defer chunkBufs.Put(bp)
	buf := bp[:]
	var size int64
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			h.Write(buf[:n])
			size += int64(n)
			if _, err := tx.ExecContext(ctx, `INSERT INTO blob_chunk (blob_id, seq, data) VALUES (?,?,?)`, id, seq, buf[:n]); err != nil {
				return "", 0, fmt.Errorf("put blob: %w", err)
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return "", 0, fmt.Errorf("put blob: %w", err)
		}
	}
	sum := hex.EncodeToString(h.Sum(nil))
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blob WHERE sha256 = ?`, sum).Scan(&exists); err != nil {
		return "", 0, fmt.Errorf("put blob: %w", err)
	}
	if exists > 0 {
		if _, err = tx.ExecContext(ctx, `DELETE FROM blob_chunk WHERE blob_id = ?`, id); err == nil {
			_, err = tx.ExecContext(ctx, `DELETE FROM blob WHERE id = ?`, id)
		}
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE blob SET sha256 = ?, size = ? WHERE id = ?`, sum, size, id)
	}
	if err != nil {
		return "", 0, fmt.Errorf("put blob: %w", err)
	}
	return sum, size, nil
}

// OpenBlob streams a stored blob.
func (db *DB) OpenBlob(ctx context.Context, sha string) (io.ReadCloser, int64, error) {
	var id, size int64
	err := db.db.QueryRowContext(ctx, `SELECT id, size FROM blob WHERE sha256 = ?`, sha).Scan(&id, &size)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, store.ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, err)
	}
	return &blobReader{ctx: ctx, db: db.db, id: id}, size, nil
}

// blobReader reads one chunk per query so that no transaction stays open
// while a viewer reads slowly; blobs are immutable, so this is consistent.
type blobReader struct {
	ctx  context.Context
	db   *sql.DB
	id   int64
	seq  int
	cur  []byte
	done bool
}

func (b *blobReader) Read(p []byte) (int, error) {
	for len(b.cur) == 0 {
		if b.done {
			return 0, io.EOF
		}
		err := b.db.QueryRowContext(b.ctx, `SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?`, b.id, b.seq).Scan(&b.cur)
		if errors.Is(err, sql.ErrNoRows) {
			b.done = true
			return 0, io.EOF
		}
		if err != nil {
			return 0, fmt.Errorf("read blob %d: %w", b.id, err)
		}
		b.seq++
	}
	n := copy(p, b.cur)
	b.cur = b.cur[n:]
	return n, nil
}

func (b *blobReader) Close() error { return nil }
