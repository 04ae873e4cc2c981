package store

import (
	"time"

	"beiandesk/store/workday"
)

// Bounds of the moments a clerk may record (receipt, status changes): not
// in the future beyond a few minutes of clock difference between machines,
// and not before the desk kept records at all. A date far in the future
// would block every later move (a move may not lie before the previous
// one); a year 1 receipt would give case number ZX-1-0001. Every back end
// applies them (CheckReceivedAt in CreateCase and UpdateCase, CheckActionAt
// in MoveCase); the conformance suite (store/storetest) tests that.
const timeGrace = 5 * time.Minute

// earliest is the first day the book accepts (China time).
var earliest = time.Date(2000, 1, 1, 0, 0, 0, 0, workday.China())

// CheckReceivedAt refuses a receipt time t later than now (plus 5 minutes'
// grace) or before 2000-01-01, as a *FieldError for "received".
func CheckReceivedAt(t, now time.Time) error {
	return checkMoment("received", labelReceived, t, now)
}

// CheckActionAt refuses the time of a status change t later than now (plus
// 5 minutes' grace) or before 2000-01-01, as a *FieldError for "at".
func CheckActionAt(t, now time.Time) error {
	return checkMoment("at", labelAt, t, now)
}

// checkMoment refuses t for field when it lies after now (plus grace) or
// before 2000-01-01. label names the moment in the message.
func checkMoment(field, label string, t, now time.Time) error {
	if t.After(now.Add(timeGrace)) {
		return FieldErrf(field, msgMomentFuture, label, chinaTime(t), chinaTime(now))
	}
	if t.Before(earliest) {
		return FieldErrf(field, msgMomentTooOld, label, chinaTime(t))
	}
	return nil
}

// chinaTime formats t for a message, in China time.
func chinaTime(t time.Time) string {
	return t.In(workday.China()).Format(time.RFC3339)
}

// Chinese messages of the time bounds.
const (
	labelReceived   = "收件时间"
	labelAt         = "办理时间"
	msgMomentFuture = "%s %s 晚于当前时间 %s(最多允许 5 分钟误差),请核对日期"
	msgMomentTooOld = "%s %s 早于 2000-01-01,请核对日期"
)
