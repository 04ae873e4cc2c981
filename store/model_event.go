package store

import (
	"time"

	"beiandesk/store/rules"
)

// Event is one entry of a case's append-only history.
type Event struct {
	ID         int64
	CaseID     int64
	At         time.Time // when it happened
	RecordedAt time.Time // when it was entered
	Clerk      string
	Action     string // create, status, check, edit, link, file
	From, To   rules.Status
	Note       string
}
