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

// ScanHistory reads the events of rows, in the order a back end stored them
// (id, case_id, at, recorded_at, clerk, action, from_status, to_status,
// note; times as RFC 3339 text), and returns them sorted by SortHistory.
func ScanHistory(rows Rows) ([]Event, error) {
	var out []Event
	for rows.Next() {
		var e Event
		var at, rec string
		if err := rows.Scan(&e.ID, &e.CaseID, &at, &rec, &e.Clerk, &e.Action, &e.From, &e.To, &e.Note); err != nil {
			return nil, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		e.RecordedAt, _ = time.Parse(time.RFC3339, rec)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	SortHistory(out)
	return out, nil
}
