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

// putSlice stores a blob as a slice of a blob put before; a blob with the
// same content stored already is kept as it is. A slice outside its source
// is refused before anything is written. It takes putBlob's lock on the
// hash, so the two never race for the unique index.
func putSlice(ctx context.Context, tx pgx.Tx, s store.BlobSlice) error {
	var srcSize int64
	err := tx.QueryRow(ctx, `SELECT size FROM blob WHERE sha256 = $1`, s.Source).Scan(&srcSize)
	if errors.Is(err, pgx.ErrNoRows) || err == nil && !s.Inside(srcSize) {
		return fmt.Errorf("put slice %s: %w", s.SHA256, store.ErrSliceOutside)
	}
	if err != nil {
		return fmt.Errorf("put slice: %w", err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, "beiandesk.blob."+s.SHA256); err != nil {
		return fmt.Errorf("put slice: %w", err)
	}
	var id int64
	err = tx.QueryRow(ctx, `INSERT INTO blob (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING id`,
		s.SHA256, s.Size).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("put slice: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO blob_slice (blob_id, source, start, length, encoding) VALUES ($1,$2,$3,$4,$5)`,
		id, s.Source, s.Start, s.Length, s.Encoding); err != nil {
		return fmt.Errorf("put slice: %w", err)
	}
	return nil
}

// OpenBlob streams a stored blob; a slice is decoded from its source.
func (db *DB) OpenBlob(ctx context.Context, sha string) (io.ReadCloser, int64, error) {
	var id, size int64
	var srcID *int64
	s := store.BlobSlice{SHA256: sha}
	err := db.pool.QueryRow(ctx, `SELECT b.id, b.size, src.id, coalesce(s.source, ''), coalesce(s.start, 0), coalesce(s.length, 0), coalesce(s.encoding, '')
		FROM blob b LEFT JOIN blob_slice s ON s.blob_id = b.id LEFT JOIN blob src ON src.sha256 = s.source
		WHERE b.sha256 = $1`, sha).Scan(&id, &size, &srcID, &s.Source, &s.Start, &s.Length, &s.Encoding)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, store.ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, db.queryErr(err))
	}
	if srcID == nil {
		return &blobReader{ctx: ctx, pool: db.pool, id: id}, size, nil
	}
	s.Size = size
	// Every chunk but the last is chunkSize long, so the slice's first
	// chunk is found without reading those before it.
	br := &blobReader{ctx: ctx, pool: db.pool, id: *srcID, seq: int(s.Start / chunkSize), skip: int(s.Start % chunkSize)}
	rc, err := store.OpenSlice(br, s)
	if err != nil {
		return nil, 0, err
	}
	return rc, size, nil
}

// blobReader reads one chunk per query so that no transaction stays open
// while a viewer reads slowly; blobs are immutable, so this is consistent.
type blobReader struct {
	ctx  context.Context
	pool *pgxpool.Pool
	id   int64
	seq  int
	skip int // bytes of the first chunk read before the slice begins
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
		if b.skip > 0 {
			b.cur = b.cur[min(b.skip, len(b.cur)):]
			b.skip = 0
		}
	}
	n := copy(p, b.cur)
	b.cur = b.cur[n:]
	return n, nil
}

func (b *blobReader) Close() error { return nil }
