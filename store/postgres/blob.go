package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"beiandesk/store"
)

// chunkSize is the size of a stored blob chunk, as in the SQLite book.
const chunkSize = 256 << 10

// putBlob stores r content-addressed inside the caller's transaction and
// returns its SHA-256 and size, streaming it in chunks. Two workstations
// storing the same content at once take turns on an advisory lock keyed by
// the hash, so the second finds the first's copy instead of failing on the
// unique index.
func putBlob(ctx context.Context, tx pgx.Tx, r io.Reader) (string, int64, error) {
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO blob (sha256, size) VALUES (NULL, 0) RETURNING id`).Scan(&id); err != nil {
		return "", 0, fmt.Errorf("put blob: %w", err)
	}
	h := sha256.New()
	buf := make([]byte, chunkSize)
	var size int64
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			h.Write(buf[:n])
			size += int64(n)
			if _, err := tx.Exec(ctx, `INSERT INTO blob_chunk (blob_id, seq, data) VALUES ($1,$2,$3)`, id, seq, buf[:n]); err != nil {
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
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, "beiandesk.blob."+sum); err != nil {
		return "", 0, fmt.Errorf("put blob: %w", err)
	}
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM blob WHERE sha256 = $1)`, sum).Scan(&exists); err != nil {
		return "", 0, fmt.Errorf("put blob: %w", err)
	}
	var err error
	if exists {
		if _, err = tx.Exec(ctx, `DELETE FROM blob_chunk WHERE blob_id = $1`, id); err == nil {
			_, err = tx.Exec(ctx, `DELETE FROM blob WHERE id = $1`, id)
		}
	} else {
		_, err = tx.Exec(ctx, `UPDATE blob SET sha256 = $1, size = $2 WHERE id = $3`, sum, size, id)
	}
	if err != nil {
		return "", 0, fmt.Errorf("put blob: %w", err)
	}
	return sum, size, nil
}

// OpenBlob streams a stored blob.
func (db *DB) OpenBlob(ctx context.Context, sha string) (io.ReadCloser, int64, error) {
	var id, size int64
	err := db.pool.QueryRow(ctx, `SELECT id, size FROM blob WHERE sha256 = $1`, sha).Scan(&id, &size)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, store.ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, db.queryErr(err))
	}
	return &blobReader{ctx: ctx, pool: db.pool, id: id}, size, nil
}

// blobReader reads one chunk per query so that no transaction stays open
// while a viewer reads slowly; blobs are immutable, so this is consistent.
type blobReader struct {
	ctx  context.Context
	pool *pgxpool.Pool
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
		err := b.pool.QueryRow(b.ctx, `SELECT data FROM blob_chunk WHERE blob_id = $1 AND seq = $2`, b.id, b.seq).Scan(&b.cur)
		if errors.Is(err, pgx.ErrNoRows) {
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
