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

// putSlice stores a blob as a slice of a blob put before; a blob with the
// same content stored already is kept as it is. A slice outside its source
// is refused before anything is written.
func putSlice(ctx context.Context, tx querier, s store.BlobSlice) error {
	var srcSize int64
	err := tx.QueryRowContext(ctx, `SELECT size FROM blob WHERE sha256 = ?`, s.Source).Scan(&srcSize)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !s.Inside(srcSize) {
		return fmt.Errorf("put slice %s: %w", s.SHA256, store.ErrSliceOutside)
	}
	if err != nil {
		return fmt.Errorf("put slice: %w", err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO blob (sha256, size) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING`, s.SHA256, s.Size)
	if err != nil {
		return fmt.Errorf("put slice: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	id, _ := res.LastInsertId()
	if _, err := tx.ExecContext(ctx, `INSERT INTO blob_slice (blob_id, source, start, length, encoding) VALUES (?,?,?,?,?)`,
		id, s.Source, s.Start, s.Length, s.Encoding); err != nil {
		return fmt.Errorf("put slice: %w", err)
	}
	return nil
}

// OpenBlob streams a stored blob; a slice is decoded from its source.
func (db *DB) OpenBlob(ctx context.Context, sha string) (io.ReadCloser, int64, error) {
	var id, size int64
	var srcID sql.NullInt64
	s := store.BlobSlice{SHA256: sha}
	err := db.db.QueryRowContext(ctx, `SELECT b.id, b.size, src.id, coalesce(s.source, ''), coalesce(s.start, 0), coalesce(s.length, 0), coalesce(s.encoding, '')
		FROM blob b LEFT JOIN blob_slice s ON s.blob_id = b.id LEFT JOIN blob src ON src.sha256 = s.source
		WHERE b.sha256 = ?`, sha).Scan(&id, &size, &srcID, &s.Source, &s.Start, &s.Length, &s.Encoding)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, store.ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("blob %s: %w", sha, err)
	}
	if !srcID.Valid {
		return &blobReader{ctx: ctx, db: db.db, id: id}, size, nil
	}
	s.Size = size
	// Every chunk but the last is chunkSize long, so the slice's first
	// chunk is found without reading those before it.
	br := &blobReader{ctx: ctx, db: db.db, id: srcID.Int64, seq: int(s.Start / chunkSize), skip: int(s.Start % chunkSize)}
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
	db   *sql.DB
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
		err := b.db.QueryRowContext(b.ctx, `SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?`, b.id, b.seq).Scan(&b.cur)
		if errors.Is(err, sql.ErrNoRows) {
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
