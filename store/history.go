package store

import "slices"

// SortHistory puts events in the order History returns them: by when they
// happened (Event.At, compared as instants whatever their offsets), ties in
// the order they were given (insertion order). A back-filled move (--at) is
// recorded after later events and still sorts before them. Both back ends
// read events in insertion order and sort them here, so the rule lives once.
func SortHistory(events []Event) {
	slices.SortStableFunc(events, func(a, b Event) int { return a.At.Compare(b.At) })
}
