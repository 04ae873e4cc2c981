package store

import (
	"slices"
	"time"

	"beiandesk/store/workday"
)

// SortHistory puts events in the order History returns them: by when they
// happened (Event.At, compared as instants whatever their offsets), ties in
// the order they were given (insertion order). A back-filled move (--at) is
// recorded after later events and still sorts before them. Both back ends
// read events in insertion order and sort them here, so the rule lives once.
func SortHistory(events []Event) {
	slices.SortStableFunc(events, func(a, b Event) int { return a.At.Compare(b.At) })
}

// ShownTimes formats two times for a clerk's message: China time to the
// minute, as the window shows them, with seconds only when the minutes are
// the same (so "12:00 早于 12:00" never appears).
func ShownTimes(a, b time.Time) []any {
	layout := "2006-01-02 15:04"
	a, b = a.In(workday.China()), b.In(workday.China())
	if a.Format(layout) == b.Format(layout) {
		layout += ":05"
	}
	return []any{a.Format(layout), b.Format(layout)}
}
