// Package bookcopy moves a whole case book between back ends (a SQLite file
// and a PostgreSQL database, either way): every table row for row with its
// ids, the blobs byte for byte, then reads the target back and checks the
// row counts and every blob's SHA-256.
//
// It works over two small interfaces that store/sqlite and store/postgres
// implement, so it knows neither's SQL. A row travels as canonical Go
// values (string, int64, bool, []byte or nil) in the column order given here.
package bookcopy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strings"

	"beiandesk/store"
)

// Dumper reads a whole book inside one consistent snapshot: fn may call read
// for any table of Tables; read calls emit with each row, in primary-key
// order, as values of the given columns.
type Dumper interface {
	DumpTables(ctx context.Context, fn func(read func(table string, cols []string, emit func(row []any) error) error) error) error
}

// Loader writes a whole book into an empty one in one transaction: fn calls
// write once per table; write calls rows, which calls emit with each row.
// LoadTables refuses a book that is not empty, and commits only when fn and
// every write succeed.
type Loader interface {
	LoadTables(ctx context.Context, fn func(write func(table string, cols []string, rows func(emit func(row []any) error) error) error) error) error
}

// Kinds of column values.
const (
	Text  = 't' // string
	Int   = 'i' // int64
	Bool  = 'b' // bool (SQLite stores 0/1)
	Bytes = 'x' // []byte
)

// Column is one column of a table as both back ends have it.
type Column struct {
	Name string
	Kind byte
}

// Table is a table of the book, with the columns that are copied.
type Table struct {
	Name    string
	Columns []Column
	// Label names the rows in Chinese for the summary; "" leaves the
	// table out of it.
	Label string
}

// ColumnNames lists the table's column names.
func (t Table) ColumnNames() []string {
	out := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = c.Name
	}
	return out
}

func cols(spec string) []Column {
	var out []Column
	for _, f := range strings.Fields(spec) {
		name, kind, _ := strings.Cut(f, ":")
		k := byte(Text)
		if kind != "" {
			k = kind[0]
		}
		out = append(out, Column{Name: name, Kind: k})
	}
	return out
}

// Tables are copied in this order, parents before children (the outbox
// after the mails and blobs it names). Leases are not
// copied: they belong to the running workstations. A case's search text is
// the target's own (rebuilt from the copied fields).
var Tables = []Table{
	{"setting", cols("key value"), msgSettings},
	{"case_seq", cols("prefix year:i last:i"), ""},
	{"cases", cols(`id:i number kind channel status received_at received_day clock_day due closed_at closed_day
		sponsor_type applicant sponsor cert_no provider contact phone filings domains details note created_at updated_at
		version:i legacy_no`), msgCases},
	{"material", cols("case_id:i pos:i item state note checked_at checked_by"), msgMaterials},
	{"event", cols("id:i case_id:i at recorded_at clerk action from_status to_status note"), msgEvents},
	{"national_action", cols("id:i case_id:i day scope filing clerk recorded_at"), msgNationalActions},
	{"holiday_year", cols("year:i off work source imported_at"), msgHolidayYears},
	{"holiday_day", cols("day work:b clerk edited_at"), msgHolidayDays},
	{"blob", cols("id:i sha256 size:i"), msgBlobs},
	{"blob_chunk", cols("blob_id:i seq:i data:x"), ""},
	{"blob_slice", cols("blob_id:i source start:i length:i encoding"), ""},
	{"mail", cols(`id:i dedup_key message_id raw_sha256 raw_size:i date from_name from_addr to_addrs subject text
		proposal problems source stored_at state case_id:i`), msgMails},
	{"mail_attachment", cols("mail_id:i pos:i name content_type size:i sha256 inline:b"), msgAttachments},
	{"case_file", cols("case_id:i pos:i name size:i sha256 added_at"), msgCaseFiles},
	{"imap_state", cols("account mailbox uidvalidity:i last_uid:i"), msgCheckpoints},
	{"outbox", cols(`id:i case_id:i kind message_id to_addrs subject raw_sha256 state attempt_at error clerk
		created_at sent_at appended:b mail_id:i`), msgOutbox},
	{"ledger_import", cols("id:i file_name file_sha256 sheet imported_at clerk rows:i imported:i duplicates:i invalid:i"), msgLedgerImports},
	{"ledger_row", cols("file_sha256 sheet row:i case_id:i import_id:i"), ""},
}

// Canon converts a value a driver returned to the canonical Go type of kind.
func Canon(v any, kind byte) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch kind {
	case Text:
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		}
	case Int:
		switch x := v.(type) {
		case int64:
			return x, nil
		case int32:
			return int64(x), nil
		case int:
			return int64(x), nil
		case int16:
			return int64(x), nil
		}
	case Bool:
		switch x := v.(type) {
		case bool:
			return x, nil
		case int64:
			return x != 0, nil
		case int32:
			return x != 0, nil
		case int:
			return x != 0, nil
		}
	case Bytes:
		switch x := v.(type) {
		case []byte:
			return x, nil
		case string:
			return []byte(x), nil
		}
	}
	return nil, fmt.Errorf("unexpected %T for a column of kind %c", v, kind)
}

// Summary tells what was copied.
type Summary struct {
	Rows  map[string]int64 // rows per table
	Bytes int64            // blob bytes
	Blobs int64            // blobs whose SHA-256 was checked in the target
}

// String is the summary for the clerk, in Chinese.
func (s *Summary) String() string {
	var parts []string
	for _, t := range Tables {
		if t.Label != "" {
			parts = append(parts, fmt.Sprintf("%s %d", t.Label, s.Rows[t.Name]))
		}
	}
	return fmt.Sprintf(msgSummary, strings.Join(parts, "、"), float64(s.Bytes)/(1<<20), s.Blobs)
}

// Copy copies the whole book src into the empty book dst and then reads dst
// back to check it: the same number of rows in every table, and every blob's
// chunks hashing to its SHA-256. The blobs of src are checked on the way too,
// so a damaged source stops the copy before anything is committed.
func Copy(ctx context.Context, src Dumper, dst Loader) (*Summary, error) {
	sum := &Summary{Rows: map[string]int64{}}
	err := dst.LoadTables(ctx, func(write func(string, []string, func(func([]any) error) error) error) error {
		return src.DumpTables(ctx, func(read func(string, []string, func([]any) error) error) error {
			bc := newBlobCheck()
			for _, t := range Tables {
				names := t.ColumnNames()
				var n int64
				err := write(t.Name, names, func(emit func([]any) error) error {
					return read(t.Name, names, func(row []any) error {
						if err := canonRow(t, row); err != nil {
							return err
						}
						if err := bc.row(t.Name, row); err != nil {
							return err
						}
						n++
						return emit(row)
					})
				})
				if err != nil {
					return fmt.Errorf(msgCopyTable, t.Name, err)
				}
				sum.Rows[t.Name] = n
			}
			if err := bc.finish(); err != nil {
				return fmt.Errorf(msgSourceBad, err)
			}
			sum.Bytes = bc.bytes
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	got, err := Verify(ctx, dst.(Dumper))
	if err != nil {
		return nil, fmt.Errorf(msgTargetBad, err)
	}
	for _, t := range Tables {
		if got.Rows[t.Name] != sum.Rows[t.Name] {
			return nil, fmt.Errorf(msgTargetBad, fmt.Errorf(msgCountDiffers, t.Name, sum.Rows[t.Name], got.Rows[t.Name]))
		}
	}
	sum.Blobs = got.Blobs
	return sum, nil
}

// Verify reads a whole book, counts its rows and checks every blob's
// SHA-256 against its chunks.
func Verify(ctx context.Context, b Dumper) (*Summary, error) {
	sum := &Summary{Rows: map[string]int64{}}
	err := b.DumpTables(ctx, func(read func(string, []string, func([]any) error) error) error {
		bc := newBlobCheck()
		for _, t := range Tables {
			var n int64
			if err := read(t.Name, t.ColumnNames(), func(row []any) error {
				if err := canonRow(t, row); err != nil {
					return err
				}
				n++
				return bc.row(t.Name, row)
			}); err != nil {
				return err
			}
			sum.Rows[t.Name] = n
		}
		if err := bc.finish(); err != nil {
			return err
		}
		sum.Bytes, sum.Blobs = bc.bytes, bc.checked
		return nil
	})
	return sum, err
}

func canonRow(t Table, row []any) error {
	if len(row) != len(t.Columns) {
		return fmt.Errorf("%s: %d values for %d columns", t.Name, len(row), len(t.Columns))
	}
	for i, c := range t.Columns {
		v, err := Canon(row[i], c.Kind)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", t.Name, c.Name, err)
		}
		row[i] = v
	}
	return nil
}

// blobCheck hashes the chunks of each blob as they stream by (in blob id
// and sequence order) and compares the result with the blob's SHA-256.
type blobCheck struct {
	want    map[int64]string
	size    map[int64]int64
	bySHA   map[string]int64 // size of each blob, by hash: the sources of slices
	cur     int64
	h       hash.Hash
	n       int64
	next    int64
	bytes   int64
	checked int64
	seen    map[int64]bool
}

func newBlobCheck() *blobCheck {
	return &blobCheck{want: map[int64]string{}, size: map[int64]int64{}, bySHA: map[string]int64{}, cur: -1, seen: map[int64]bool{}}
}

func (b *blobCheck) row(table string, row []any) error {
	switch table {
	case "blob":
		id := row[0].(int64)
		sha, _ := row[1].(string)
		if sha == "" {
			return fmt.Errorf(msgBlobUnfinished, id)
		}
		b.want[id] = sha
		b.size[id], _ = row[2].(int64)
		b.bySHA[sha] = b.size[id]
	case "blob_slice":
		// A slice has no chunks of its own: its content is decoded from
		// its source when opened, and checked against its hash then
		// (store.OpenSlice). Here it must lie inside a copied blob.
		if err := b.close(); err != nil {
			return err
		}
		b.cur = -1
		id := row[0].(int64)
		src, _ := row[1].(string)
		start, _ := row[2].(int64)
		length, _ := row[3].(int64)
		srcSize, ok := b.bySHA[src]
		if sha, known := b.want[id]; !known || !ok || !(store.BlobSlice{Start: start, Length: length}).Inside(srcSize) {
			return fmt.Errorf(msgSliceOutside, sha, src)
		}
		if b.seen[id] {
			return fmt.Errorf(msgBlobTwice, b.want[id])
		}
		b.seen[id] = true
		b.checked++
	case "blob_chunk":
		id, seq := row[0].(int64), row[1].(int64)
		data, _ := row[2].([]byte)
		if id != b.cur {
			if err := b.close(); err != nil {
				return err
			}
			b.cur, b.h, b.n, b.next = id, sha256.New(), 0, 0
		}
		if seq != b.next {
			return fmt.Errorf(msgBlobGap, b.want[id], seq)
		}
		b.next++
		b.h.Write(data)
		b.n += int64(len(data))
		b.bytes += int64(len(data))
	}
	return nil
}

func (b *blobCheck) close() error {
	if b.cur < 0 {
		return nil
	}
	sha, ok := b.want[b.cur]
	if !ok {
		return fmt.Errorf(msgBlobOrphan, b.cur)
	}
	if got := hex.EncodeToString(b.h.Sum(nil)); got != sha || b.n != b.size[b.cur] {
		return fmt.Errorf(msgBlobDiffers, sha, got, b.n)
	}
	b.seen[b.cur] = true
	b.checked++
	return nil
}

func (b *blobCheck) finish() error {
	if err := b.close(); err != nil {
		return err
	}
	b.cur = -1
	for id, sha := range b.want {
		// An empty blob has no chunks.
		if !b.seen[id] {
			if b.size[id] != 0 || sha != emptySHA {
				return fmt.Errorf(msgBlobMissing, sha)
			}
			b.checked++
		}
	}
	return nil
}

var emptySHA = hex.EncodeToString(sha256.New().Sum(nil))

// ErrNotEmpty is returned by LoadTables for a target that holds data.
var ErrNotEmpty = errors.New(msgNotEmpty)
