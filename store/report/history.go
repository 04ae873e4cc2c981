package report

import (
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// statusAt is the status a case had just before the instant end: the target
// of its last status move before then, or received, where every case
// starts. events must hold every status move of the case.
func statusAt(events []statusEvent, end time.Time) rules.Status {
	s := rules.StatusReceived
	for _, e := range events {
		if !e.At.Before(end) {
			break
		}
		s = e.To
	}
	return s
}

// clockAt is the day the deadline clock last (re)started before the instant
// end: the day of the last supplement (returned → received), or the day of
// receipt.
func clockAt(events []statusEvent, end, received time.Time) time.Time {
	day := received
	for _, e := range events {
		if !e.At.Before(end) {
			break
		}
		if e.From == rules.StatusReturned && e.To == rules.StatusReceived {
			day = workday.DayOf(e.At)
		}
	}
	return day
}

// dueAt is the due date a case had just before the instant end. The store
// keeps only the latest due date, moved forward by every supplement; when
// the clock restarted after end, the due date of then is rebuilt from the
// clock day of then and the case's own number of deadline days (read off its
// current clock and due date, so a later change of the setting does not
// rewrite history).
func dueAt(c *caseRec, end time.Time, cal *workday.Calendar) time.Time {
	if c.due.IsZero() {
		return time.Time{}
	}
	clock := clockAt(c.events, end, c.ReceivedDay)
	if clock.Equal(c.clockDay) {
		return c.due
	}
	n := cal.WorkdaysBetween(c.clockDay, c.due)
	return cal.AddWorkdays(clock, n)
}

// waitingDays counts the working days a case spent returned for a
// supplement: for each stay, the working days in (day returned, day the
// supplement arrived or the case was withdrawn]. The day of returning counts
// as the desk's (it checked the materials that day) and the day of the
// supplement as the applicant's, which matches the store restarting the
// clock on that day without counting it.
func waitingDays(events []statusEvent, cal *workday.Calendar) int {
	n := 0
	var since time.Time
	returned := false
	for _, e := range events {
		if e.From == rules.StatusReturned && returned {
			n += cal.WorkdaysBetween(since, workday.DayOf(e.At))
			returned = false
		}
		if e.To == rules.StatusReturned {
			since, returned = workday.DayOf(e.At), true
		}
	}
	return n
}
