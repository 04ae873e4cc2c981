package store

import (
	"errors"
	"fmt"
	"time"

	"beiandesk/store/workday"
)

// ErrConflict is matched (errors.Is) by a *ConflictError.
var ErrConflict = errors.New("case changed meanwhile")

// ConflictError refuses a change based on a version of a case that is no
// longer current: another window, workstation or command changed it since
// it was read. Nothing was written.
type ConflictError struct {
	Number  string    // the case
	Clerk   string    // who made the last change
	At      time.Time // when it was recorded
	SameDay bool      // At is today (China time): the message gives the time only
}

// Error names the clerk and the China time of the last change, in Chinese.
func (e *ConflictError) Error() string {
	layout := "15:04"
	if !e.SameDay {
		layout = "2006-01-02 15:04"
	}
	clerk := e.Clerk
	if clerk == "" {
		clerk = msgSomeone
	}
	return fmt.Sprintf(msgConflict, clerk, e.At.In(workday.China()).Format(layout))
}

// Unwrap returns ErrConflict.
func (e *ConflictError) Unwrap() error { return ErrConflict }
