package rules

import (
	"time"

	"beiandesk/store/workday"
)

// OnTime reports whether a case closed at closed met its due date: the
// civil date of closing is on or before the due date, whatever the hour.
// Both follow the civil-date conventions of package workday.
func OnTime(due, closed time.Time) bool {
	return !workday.Civil(closed).After(workday.Civil(due))
}
