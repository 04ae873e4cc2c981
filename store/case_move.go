package store

import (
	"fmt"
	"time"

	"beiandesk/store/rules"
)

// CheckMove judges MoveCase's move of c to status to at time at, with the
// note given, against the lifecycle, the outcome rules and c's history
// (hist, as History returns it): a move can be back-filled, but not to
// before the receipt nor before the last status change. Both back ends call
// it inside their transaction, after locking and reading the case.
func CheckMove(c *Case, hist []Event, to rules.Status, at time.Time, note string) error {
	if err := rules.CheckMove(c.Status, to, c.Materials); err != nil {
		return FieldErr("to", err)
	}
	if err := rules.CheckOutcome(c.Kind, to, note, len(c.National) > 0); err != nil {
		return FieldErr(OutcomeField(to), err)
	}
	if at.Before(c.ReceivedAt) {
		return FieldErrf("at", msgAtBeforeReceived, ShownTimes(at, c.ReceivedAt)...)
	}
	// Times are compared parsed: older rows may carry other offsets.
	for _, e := range hist {
		if e.Action == "status" && at.Before(e.At) {
			return FieldErrf("at", msgAtBeforeLast, ShownTimes(at, e.At)...)
		}
	}
	return nil
}

// RestartsClock reports whether a move from one status to another restarts
// the deadline's clock on the day of the move (a supplement: 退回补正 →
// 已登记).
func RestartsClock(from, to rules.Status) bool {
	return from == rules.StatusReturned && to == rules.StatusReceived
}

// CheckItem judges CheckItem's check of material item n (1-based) of c as
// state with note (already trimmed) and returns the history's note of it.
func CheckItem(c *Case, n int, state rules.ItemState, note string) (string, error) {
	if len(c.Materials) == 0 {
		return "", FieldErrf("item", msgNoMaterials)
	}
	if n < 1 || n > len(c.Materials) {
		return "", FieldErrf("item", msgItemRange, len(c.Materials))
	}
	if c.Status != rules.StatusReceived && c.Status != rules.StatusReturned {
		return "", FieldErrf("item", msgItemClosed, c.Status.Label())
	}
	if state == rules.ItemDefective && note == "" {
		return "", FieldErrf("note", msgDefectNeedsNote)
	}
	msg := fmt.Sprintf(EventNoteCheck, c.Materials[n-1].Item, state.Label())
	if note != "" {
		msg += "(" + note + ")"
	}
	return msg, nil
}
