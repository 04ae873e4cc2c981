package store

import (
	"encoding/json"
	"io"
	"time"
)

// Mail states.
const (
	MailNew     = "new"     // not handled yet
	MailCase    = "case"    // linked to a case
	MailIgnored = "ignored" // not a request
)

// Mail is a stored message. Its original bytes are the blob RawSHA256.
type Mail struct {
	ID          int64
	DedupKey    string
	MessageID   string
	RawSHA256   string
	RawSize     int64
	Date        time.Time
	FromName    string
	FromAddr    string
	To          []string
	Subject     string
	Text        string
	Proposal    json.RawMessage // fields proposed by the parser, for the clerk to confirm
	Problems    []string        // what was broken in the MIME structure
	Source      string          // "imap:ACCOUNT/MAILBOX" or "file:NAME"
	StoredAt    time.Time
	State       string
	CaseID      *int64
	Attachments []Attachment
}

// Attachment is a file carried by a mail or attached to a case.
type Attachment struct {
	Name        string
	ContentType string
	Size        int64
	SHA256      string
	Inline      bool
}

// BlobSlice is a blob kept as a slice of another blob, still in its
// transfer encoding: an attachment stays inside the raw message it came in
// instead of being stored a second time, decoded. Opening it decodes Length
// bytes from Start of the blob Source in Encoding (store/transfer), which
// gives back Size bytes with the SHA-256 SHA256.
type BlobSlice struct {
	SHA256   string // of the decoded content
	Size     int64  // decoded
	Source   string // SHA-256 of the blob the slice lies in (the raw message)
	Start    int64  // in Source
	Length   int64  // in Source
	Encoding string // transfer.Plain or transfer.Base64
}

// Inside reports whether the slice lies within a source of srcSize bytes.
func (s BlobSlice) Inside(srcSize int64) bool {
	return s.Start >= 0 && s.Length >= 0 && s.Start <= srcSize-s.Length
}

// Checkpoint is how far a mailbox has been read.
type Checkpoint struct {
	UIDValidity uint32
	LastUID     uint32
}

// MailFilter selects mails.
type MailFilter struct {
	State  string // new, case, ignored; "" for all
	Limit  int    // at most this many; 0 for all
	Offset int    // mails skipped first, for reading the list page by page
}

// MailTx is a write transaction for storing one mail with its blobs and
// advancing the IMAP checkpoint atomically with it. Call Commit or Rollback.
type MailTx interface {
	// Lookup returns the id of the mail stored under key, if any.
	Lookup(key string) (int64, bool, error)
	// PutBlob stores content-addressed bytes inside the transaction and
	// returns their SHA-256 and size.
	PutBlob(r io.Reader) (sha string, size int64, err error)
	// PutSlice stores a blob as a slice of a blob put before (see
	// BlobSlice); a blob with its SHA-256 stored already is kept as it is.
	PutSlice(s BlobSlice) error
	// Insert stores m (whose blobs were put in this transaction) and
	// returns its id.
	Insert(m *Mail) (int64, error)
	// SetCheckpoint records the IMAP position inside the transaction, so
	// it advances only together with the mail it covers.
	SetCheckpoint(account, mailbox string, cp Checkpoint) error
	// RecordSent marks outbox item id 已发出 in the transaction that
	// stored the sent message (mailID), links it to the case and records
	// the history event.
	RecordSent(id, mailID int64, sentAt time.Time, appended bool, what, clerk string) error
	// Commit commits the transaction.
	Commit() error
	// Rollback abandons the transaction; harmless after Commit.
	Rollback() error
}
