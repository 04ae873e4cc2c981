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

// Checkpoint is how far a mailbox has been read.
type Checkpoint struct {
	UIDValidity uint32
	LastUID     uint32
}

// MailFilter selects mails.
type MailFilter struct {
	State string // new, case, ignored; "" for all
	Limit int
}

// MailTx is a write transaction for storing one mail with its blobs and
// advancing the IMAP checkpoint atomically with it. Call Commit or Rollback.
type MailTx interface {
	// Lookup returns the id of the mail stored under key, if any.
	Lookup(key string) (int64, bool, error)
	// PutBlob stores content-addressed bytes inside the transaction and
	// returns their SHA-256 and size.
	PutBlob(r io.Reader) (sha string, size int64, err error)
	// Insert stores m (whose blobs were put in this transaction) and
	// returns its id.
	Insert(m *Mail) (int64, error)
	// SetCheckpoint records the IMAP position inside the transaction, so
	// it advances only together with the mail it covers.
	SetCheckpoint(account, mailbox string, cp Checkpoint) error
	// Commit commits the transaction.
	Commit() error
	// Rollback abandons the transaction; harmless after Commit.
	Rollback() error
}
