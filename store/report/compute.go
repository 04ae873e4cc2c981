package report

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Compute reads the figures of the period from (inclusive) to to
// (inclusive), both civil dates, from the case book. today is the civil date
// the report is made on; it limits "overdue" for a period that has not
// ended. Everything else is as of the end of the day to, China time.
//
// The rules, as the case book applies them:
//   - received: the day of receipt is in the period;
//   - done (办结): reached done or rejected in the period; rejected is also
//     counted on its own;
//   - on time: done on or before the due date, which the store moves
//     forward when a returned case is supplemented (the clock restarts); a
//     kind without a deadline (other) is neither on time nor late;
//   - withdrawn: counted, but neither on time nor late;
//   - open at the end: received by the end and not closed by then;
//     overdue among those: due before AsOf (the period end, or today when
//     earlier), unless the case was waiting for a supplement then.
//
// Working days used are counted from the original day of receipt, not from
// the last clock restart, less the working days spent waiting in returned
// state: this measures the desk's own handling time of the whole case,
// which a clock restart would hide.
func Compute(ctx context.Context, db Source, from, to, today time.Time) (*Report, error) {
	from, to, today = workday.Civil(from), workday.Civil(to), workday.Civil(today)
	if from.After(to) {
		return nil, fmt.Errorf(errFromAfterTo, workday.Format(from), workday.Format(to))
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	r := newReport(from, to, today)
	// One read serves the period and 本年累计.
	cases, err := db.ReportCases(ctx, minTime(from, r.YearFrom), to)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	recs := records(cases)
	c := newCounter(r, cal)
	for _, rec := range recs {
		c.add(rec)
	}
	c.finish()
	return r, nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func newReport(from, to, today time.Time) *Report {
	r := &Report{
		From: from, To: to, Today: today, AsOf: to,
		YearFrom: workday.Date(to.Year(), time.January, 1),
		Kinds:    rules.Kinds(),
		Channels: rules.Channels(),
		Monthly:  to.Sub(from) > 92*24*time.Hour,
	}
	r.Buckets = buckets(from, to, r.Monthly)
	if today.Before(to) {
		r.AsOf = today
	}
	r.Received = make([][]int, len(r.Kinds))
	for i := range r.Received {
		r.Received[i] = make([]int, len(r.Channels))
	}
	return r
}

// counter judges each case as of the period end and adds it up.
type counter struct {
	r         *Report
	cal       *workday.Calendar
	providers map[string]*ProviderCount
	breakdown
}

func (c *counter) add(rec *caseRec) {
	r := c.r
	end := endOfDay(r.To)
	row := rec.Row
	row.receivedIn = within(rec.ReceivedDay, r.From, r.To)
	closedByEnd := !rec.closedDay.IsZero() && !rec.closedDay.After(r.To)
	row.closedIn = closedByEnd && !rec.closedDay.Before(r.From)
	row.openAtEnd = !closedByEnd && !rec.ReceivedDay.After(r.To)
	row.inPeriod = row.receivedIn || row.closedIn
	if closedByEnd {
		// Final states are final: what the case is now, it was then.
		row.Status, row.Due, row.ClosedDay = rec.Current, rec.due, rec.closedDay
	} else {
		row.Status = statusAt(rec.events, end)
		if len(rec.events) == 0 && rec.Current.Open() {
			// No recorded move at all: the current state is all we know
			// (and, in a sound book, it is received).
			row.Status = rec.Current
		}
		row.Due = dueAt(rec, end, c.cal)
	}
	c.judge(rec, closedByEnd)
	c.tally(&r.Figures, rec, r.From)
	c.tally(&r.YearToDate, rec, r.YearFrom)

	prov := c.provider(rec.Provider)
	if row.receivedIn {
		prov.Received++
		r.Received[c.kindIndex(rec.Kind)][c.channelIndex(rec.Channel)]++
		c.bucket(rec.ReceivedDay).Received++
	}
	switch {
	case row.closedIn && row.Status != rules.StatusWithdrawn:
		prov.Done++
		c.bucket(row.ClosedDay).Done++
		switch row.Outcome {
		case OutcomeOnTime:
			prov.OnTime++
		case OutcomeLate:
			prov.Late++
		case OutcomeRejected:
			if row.closedLate {
				prov.Late++
			} else if !row.Due.IsZero() {
				prov.OnTime++
			}
		}
	case row.openAtEnd:
		prov.Open++
	}
	row.late = (row.closedIn && row.closedLate) || (row.openAtEnd && row.Outcome == OutcomeOpenOverdue)
	if row.inPeriod {
		c.describe(rec, end)
		c.breakdown.add(row)
		r.Cases = append(r.Cases, row)
	}
	c.breakdown.national(rec, r.From, r.To)
	if row.late {
		r.Overdue = append(r.Overdue, row)
	}
}

// judge sets the outcome of a case as of the period end, whatever period
// the figures are counted for.
func (c *counter) judge(rec *caseRec, closedByEnd bool) {
	r, row := c.r, rec.Row
	switch {
	case closedByEnd && row.Status == rules.StatusWithdrawn:
		row.Outcome = OutcomeWithdrawn
	case closedByEnd:
		row.Used = c.cal.WorkdaysBetween(row.ReceivedDay, row.ClosedDay) - waitingDays(rec.events, c.cal)
		row.HasUsed = true
		switch {
		case row.Due.IsZero():
			row.Outcome = OutcomeNoDeadline
		case rules.OnTime(row.Due, row.ClosedDay):
			row.Outcome = OutcomeOnTime
		default:
			row.Outcome = OutcomeLate
			row.closedLate = true
			// Zero when closed on the weekend after a Friday due date.
			row.Late = c.cal.WorkdaysBetween(row.Due, row.ClosedDay)
		}
		if row.Status == rules.StatusRejected {
			row.Outcome = OutcomeRejected
		}
	case row.openAtEnd:
		row.Outcome = OutcomeOpen
		// A returned case waits for the applicant: its clock stands still
		// and restarts with the supplement, so it is not overdue.
		if row.Due.IsZero() || row.Status == rules.StatusReturned || !row.Due.Before(r.AsOf) {
			return
		}
		row.Outcome = OutcomeOpenOverdue
		// Zero when due on a Friday and judged on the weekend: past due
		// all the same.
		row.Late = c.cal.WorkdaysBetween(row.Due, r.AsOf)
	}
}

// tally adds a case to the figures of the range from…To. The open figures
// are those at To, the same for the period and the year.
func (c *counter) tally(f *Figures, rec *caseRec, from time.Time) {
	r, row := c.r, rec.Row
	if within(row.ReceivedDay, from, r.To) {
		f.Received++
	}
	if !row.ClosedDay.IsZero() && within(row.ClosedDay, from, r.To) {
		switch {
		case row.Status == rules.StatusWithdrawn:
			f.Withdrawn++
		case row.Status.Concluded():
			f.Done++
			if row.Status == rules.StatusRejected {
				f.Rejected++
			} else {
				f.Completed++
			}
			if !row.Due.IsZero() {
				if row.closedLate {
					f.Late++
				} else {
					f.OnTime++
				}
				f.UsedDays += row.Used
				f.UsedCases++
			}
		}
	}
	if row.openAtEnd {
		f.Open++
		if row.Outcome == OutcomeOpenOverdue {
			f.OpenOverdue++
		}
	}
	start, end := startOfDay(from), endOfDay(r.To)
	returned := false
	for _, e := range rec.events {
		if e.At.Before(start) || !e.At.Before(end) {
			continue
		}
		switch e.To {
		case rules.StatusAccepted:
			f.Accepted++
		case rules.StatusReturned:
			f.Notices++
			returned = true
		}
	}
	if returned {
		f.Returned++
	}
}

func (c *counter) provider(name string) *ProviderCount {
	p := c.providers[name]
	if p == nil {
		p = &ProviderCount{Name: name}
		c.providers[name] = p
	}
	return p
}

// kindIndex finds k among the report's kinds, adding a kind the rules do
// not know so that no case drops out of the totals.
func (c *counter) kindIndex(k rules.Kind) int {
	if i := slices.Index(c.r.Kinds, k); i >= 0 {
		return i
	}
	c.r.Kinds = append(c.r.Kinds, k)
	c.r.Received = append(c.r.Received, make([]int, len(c.r.Channels)))
	return len(c.r.Kinds) - 1
}

func (c *counter) channelIndex(ch rules.Channel) int {
	if i := slices.Index(c.r.Channels, ch); i >= 0 {
		return i
	}
	c.r.Channels = append(c.r.Channels, ch)
	for i := range c.r.Received {
		c.r.Received[i] = append(c.r.Received[i], 0)
	}
	return len(c.r.Channels) - 1
}

func (c *counter) bucket(day time.Time) *Bucket {
	b := c.r.Buckets
	i := sort.Search(len(b), func(i int) bool { return !b[i].To.Before(day) })
	return &b[min(i, len(b)-1)]
}

func (c *counter) finish() {
	r := c.r
	c.breakdown.finish(r)
	slices.SortFunc(r.Cases, func(a, b *Row) int {
		return cmp.Or(a.ReceivedAt.Compare(b.ReceivedAt), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(r.Overdue, func(a, b *Row) int {
		return cmp.Or(cmp.Compare(b.Late, a.Late), a.ReceivedAt.Compare(b.ReceivedAt), cmp.Compare(a.ID, b.ID))
	})
	for _, p := range c.providers {
		r.Providers = append(r.Providers, *p)
	}
	// Busiest first; the cases without a provider go last.
	slices.SortFunc(r.Providers, func(a, b ProviderCount) int {
		return cmp.Or(cmpBool(a.Name == "", b.Name == ""), cmp.Compare(b.Received, a.Received),
			cmp.Compare(b.Done+b.Open, a.Done+a.Open), cmp.Compare(a.Name, b.Name))
	})
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// buckets splits the period into the groups of the chart: weeks from Monday
// to Sunday, or calendar months for a period longer than a quarter (a year
// of weekly bars is unreadable).
func buckets(from, to time.Time, monthly bool) []Bucket {
	var out []Bucket
	for d := from; !d.After(to); {
		var next time.Time
		if monthly {
			next = workday.Date(d.Year(), d.Month()+1, 1)
		} else {
			next = d.AddDate(0, 0, 7-(int(d.Weekday())+6)%7)
		}
		last := next.AddDate(0, 0, -1)
		if last.After(to) {
			last = to
		}
		out = append(out, Bucket{From: d, To: last})
		d = next
	}
	return out
}

func within(d, from, to time.Time) bool { return !d.Before(from) && !d.After(to) }

// startOfDay is the instant the civil date d begins in China.
func startOfDay(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, workday.China())
}

// endOfDay is the instant the civil date d ends in China.
func endOfDay(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, workday.China())
}
