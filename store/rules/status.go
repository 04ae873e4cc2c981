package rules

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Status is the state of a case in its lifecycle.
type Status string

const (
	StatusReceived  Status = "received"  // logged, materials being checked
	StatusReturned  Status = "returned"  // sent back for completion
	StatusAccepted  Status = "accepted"  // materials complete, being processed
	StatusDone      Status = "done"      // cancelled / reset in the national system
	StatusRejected  Status = "rejected"  // refused, with a reason
	StatusWithdrawn Status = "withdrawn" // the applicant gave up
)

// Statuses lists every status in lifecycle order.
func Statuses() []Status {
	return []Status{StatusReceived, StatusReturned, StatusAccepted, StatusDone, StatusRejected, StatusWithdrawn}
}

// ParseStatus accepts a code or a Chinese label.
func ParseStatus(s string) (Status, error) { return parse(s, Statuses(), fieldStatus) }

// Label returns the Chinese name; an unknown code is returned as is.
func (s Status) Label() string { return label(statusLabels, s) }

// Final reports whether no move leaves s.
func (s Status) Final() bool {
	return s == StatusDone || s == StatusRejected || s == StatusWithdrawn
}

// Open reports whether a case in s still needs work (and counts against a
// deadline).
func (s Status) Open() bool {
	return s == StatusReceived || s == StatusReturned || s == StatusAccepted
}

// Concluded reports whether s counts as 办结: done, or rejected (不予受理),
// which also ends the desk's work on time or late. Withdrawn does not.
// Dashboard, 报表 screen, workbook and command line all count with it.
func (s Status) Concluded() bool { return s == StatusDone || s == StatusRejected }

// ConcludedStatuses are the states Concluded accepts, for queries.
func ConcludedStatuses() []Status { return []Status{StatusDone, StatusRejected} }

// OpenStatuses are the states Open accepts, for queries.
func OpenStatuses() []Status { return []Status{StatusReceived, StatusReturned, StatusAccepted} }

// CheckOutcome reports why a case of kind k may not move to to beyond what
// CheckMove checks: 不予受理 always needs its reason in note, and 办结 of a
// deregistration or conflict needs the record of what was done in the
// national filing system (national tells whether one exists).
func CheckOutcome(k Kind, to Status, note string, national bool) error {
	switch {
	case to == StatusRejected && strings.TrimSpace(note) == "":
		return errors.New(errReasonRequired)
	case to == StatusDone && NeedsNationalRecord(k) && !national:
		return errors.New(errNationalRequired)
	}
	return nil
}

// moves is the lifecycle table of the design. A returned case goes back to
// received when the supplement arrives, which restarts its clock.
var moves = map[Status][]Status{
	StatusReceived: {StatusAccepted, StatusReturned, StatusRejected, StatusWithdrawn},
	StatusReturned: {StatusReceived, StatusWithdrawn},
	// Found unworkable after acceptance (the filing belongs to another
	// province, the sponsor does not match): rejected, with a reason.
	StatusAccepted: {StatusDone, StatusRejected, StatusWithdrawn},
}

// Allowed returns the states a case in from may move to; none for a final
// or unknown state.
func Allowed(from Status) []Status {
	return slices.Clone(moves[from])
}

// CheckMove reports why a case may not move from one state to another:
// unknown states, a final state, a move the lifecycle does not have, or
// acceptance while the checklist still has missing or defective items.
func CheckMove(from, to Status, items []Item) error {
	for _, s := range []Status{from, to} {
		if !valid(s, Statuses()) {
			return unknown(string(s), Statuses(), fieldStatus)
		}
	}
	if from.Final() {
		return fmt.Errorf(errFinal, from.Label())
	}
	if !slices.Contains(moves[from], to) {
		return fmt.Errorf(errMove, from.Label(), to.Label(), labels(moves[from]))
	}
	if to == StatusAccepted && !Complete(items) {
		return fmt.Errorf(errIncomplete, strings.Join(problems(items, errorProblems), listSep))
	}
	return nil
}

func labels(ss []Status) string {
	l := make([]string, len(ss))
	for i, s := range ss {
		l[i] = s.Label()
	}
	return strings.Join(l, listSep)
}

// problemWords are the formats problems writes with: one for a missing
// item, one for a note added to it, one for a defective item and its reason,
// and the reason given when the clerk wrote none.
type problemWords struct{ missing, note, defective, noReason string }

// problems describes each item that is not present, e.g. "缺少:申请表" or
// "申请表:未加盖公章".
func problems(items []Item, w problemWords) []string {
	var out []string
	for _, it := range items {
		switch it.State {
		case ItemPresent:
		case ItemMissing:
			s := fmt.Sprintf(w.missing, it.Item)
			if it.Note != "" {
				s += fmt.Sprintf(w.note, it.Note)
			}
			out = append(out, s)
		default:
			note := it.Note
			if note == "" {
				note = w.noReason
			}
			out = append(out, fmt.Sprintf(w.defective, it.Item, note))
		}
	}
	return out
}
