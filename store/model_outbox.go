package store

import (
	"context"
	"io"
	"time"
)

// OutboxState is where a mailed notice stands.
type OutboxState string

const (
	OutboxPending   OutboxState = "pending"   // 未发出: not sent (a retry may send it)
	OutboxUncertain OutboxState = "uncertain" // 待核实: a send broke off after the message went out
	OutboxSent      OutboxState = "sent"      // 已发出
)

// Label returns the Chinese name.
func (s OutboxState) Label() string {
	switch s {
	case OutboxPending:
		return msgOutboxPending
	case OutboxUncertain:
		return msgOutboxUncertain
	case OutboxSent:
		return msgOutboxSent
	}
	return string(s)
}

// OutboxItem is one mailed notice.
type OutboxItem struct {
	ID        int64
	CaseID    int64
	Kind      string // notice kind
	MessageID string // without angle brackets
	To        []string
	Subject   string
	RawSHA256 string
	State     OutboxState
	AttemptAt *time.Time // a send was under way (set before SMTP, cleared on a sure failure)
	Error     string     // the last failure, in Chinese
	Clerk     string
	CreatedAt time.Time
	SentAt    *time.Time
	Appended  bool  // a copy is in the sent folder
	MailID    int64 // the stored sent message; 0 until sent
}

// OutboxFilter selects outbox items; zero values select everything.
type OutboxFilter struct {
	CaseID int64
	State  OutboxState
	// Unfinished selects what a start must look at: items not sent, and
	// sent items without their copy in the sent folder.
	Unfinished bool
}

// NoticeSent is a notice mailed for a case, for the report's 明细 (已告知).
type NoticeSent struct {
	CaseID int64
	Kind   string
	SentAt time.Time
}

// OutboxService keeps the notices mailed to applicants: each is committed
// as 未发出 with its exact message before it is sent, so a send is never
// lost nor repeated blindly.
type OutboxService interface {
	// AddOutbox commits a new 未发出 item with the exact message before it
	// is sent.
	AddOutbox(ctx context.Context, it *OutboxItem, raw io.Reader) (int64, error)
	// OutboxAttempt records that a send of item id starts now.
	OutboxAttempt(ctx context.Context, id int64) error
	// OutboxFailed records a failed send; uncertain makes it 待核实.
	OutboxFailed(ctx context.Context, id int64, msg string, uncertain bool) error
	// SetOutboxAppended records that the sent folder holds a copy.
	SetOutboxAppended(ctx context.Context, id int64) error
	// Outbox lists outbox items, oldest first.
	Outbox(ctx context.Context, f OutboxFilter) ([]*OutboxItem, error)
	// OutboxItem returns one outbox item.
	OutboxItem(ctx context.Context, id int64) (*OutboxItem, error)
	// NoticesSent lists the mailed notices of the given cases, oldest
	// first.
	NoticesSent(ctx context.Context, caseIDs []int64) (map[int64][]NoticeSent, error)
}
