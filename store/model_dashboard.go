package store

import (
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Deadline urgency levels, from the least to the most pressing. The values
// match the ui theme's urgency levels.
const (
	DueOK       = 0 // no deadline, closed, or more than DueSoonDays working days left
	DueSoon     = 1 // due within DueSoonDays working days
	DueToday    = 2 // due today
	DueOverdue  = 3 // open past its due date
	DueSoonDays = 2 // "due soon" means at most this many working days left
)

// DueLevel classifies a deadline: status is the case's status, due its due
// date (YYYY-MM-DD, "" for none), today the civil date it is looked at.
func DueLevel(cal *workday.Calendar, today time.Time, status rules.Status, due string) int {
	if due == "" || !status.Open() {
		return DueOK
	}
	d, err := workday.ParseDate(due)
	if err != nil {
		return DueOK
	}
	t := workday.Civil(today)
	switch {
	case d.Equal(t):
		return DueToday
	case d.Before(t):
		return DueOverdue
	}
	if n := cal.WorkdaysBetween(t, d); n > 0 && n <= DueSoonDays {
		return DueSoon
	}
	return DueOK
}

// MonthCount is what one month received and finished.
type MonthCount struct {
	Month    string // YYYY-MM
	Received int    // cases received in the month
	Done     int    // cases that reached done in the month
}

// Dashboard is the clerk's day at a glance.
type Dashboard struct {
	Today    string // YYYY-MM-DD
	NewMails int    // mails not yet handled

	DueToday []*Case // open cases due today, by number
	Overdue  []*Case // open cases past their due date, most overdue first
	DueSoon  []*Case // open cases due within DueSoonDays working days, soonest first

	Month         string // YYYY-MM of today
	MonthReceived int    // received this month
	MonthDone     int    // reached done this month
	// MonthClosedWithDue counts the cases done or rejected this month that
	// had a due date; MonthOnTime those of them closed on or before it.
	MonthClosedWithDue int
	MonthOnTime        int

	// Months are the twelve months ending with this one, oldest first.
	Months []MonthCount
}

// OnTimeRate is MonthOnTime / MonthClosedWithDue; ok is false when no case
// with a deadline was closed this month.
func (d *Dashboard) OnTimeRate() (rate float64, ok bool) {
	if d.MonthClosedWithDue == 0 {
		return 0, false
	}
	return float64(d.MonthOnTime) / float64(d.MonthClosedWithDue), true
}
