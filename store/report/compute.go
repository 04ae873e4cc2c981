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
	cases, err := db.ReportCases(ctx, from, to)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	recs := records(cases)
	r := newReport(from, to, today)
	c := counter{r: r, cal: cal, providers: make(map[string]*ProviderCount)}
	for _, rec := range recs {
		c.add(rec)
	}
	c.finish()
	return r, nil
}

func newReport(from, to, today time.Time) *Report {
	r := &Report{
		From: from, To: to, Today: today, AsOf: to,
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

	prov := c.provider(rec.Provider)
	if row.receivedIn {
		r.Figures.Received++
		prov.Received++
		r.Received[c.kindIndex(rec.Kind)][c.channelIndex(rec.Channel)]++
		c.bucket(rec.ReceivedDay).Received++
	}
	switch {
	case row.closedIn:
		c.closed(rec, prov)
	case row.openAtEnd:
		c.open(rec, prov)
	}
	if row.inPeriod {
		r.Cases = append(r.Cases, row)
	}
	if row.late {
		r.Overdue = append(r.Overdue, row)
	}
}

func (c *counter) closed(rec *caseRec, prov *ProviderCount) {
	r, row := c.r, rec.Row
	if row.Status == rules.StatusWithdrawn {
		r.Figures.Withdrawn++
		row.Outcome = OutcomeWithdrawn
		return
	}
	r.Figures.Done++
	prov.Done++
	c.bucket(row.ClosedDay).Done++
	row.Used = c.cal.WorkdaysBetween(row.ReceivedDay, row.ClosedDay) - waitingDays(rec.events, c.cal)
	row.HasUsed = true
	switch {
	case row.Due.IsZero():
		row.Outcome = OutcomeNoDeadline
	case rules.OnTime(row.Due, row.ClosedDay):
		r.Figures.OnTime++
		prov.OnTime++
		row.Outcome = OutcomeOnTime
	default:
		r.Figures.Late++
		prov.Late++
		row.Outcome = OutcomeLate
		row.late = true
		// Zero when closed on the weekend after a Friday due date.
		row.Late = c.cal.WorkdaysBetween(row.Due, row.ClosedDay)
	}
	if !row.Due.IsZero() {
		r.Figures.UsedDays += row.Used
		r.Figures.UsedCases++
	}
	if row.Status == rules.StatusRejected {
		r.Figures.Rejected++
		row.Outcome = OutcomeRejected
	}
}

func (c *counter) open(rec *caseRec, prov *ProviderCount) {
	r, row := c.r, rec.Row
	r.Figures.Open++
	prov.Open++
	row.Outcome = OutcomeOpen
	// A returned case waits for the applicant: its clock stands still and
	// restarts with the supplement, so it is not overdue.
	if row.Due.IsZero() || row.Status == rules.StatusReturned || !row.Due.Before(r.AsOf) {
		return
	}
	r.Figures.OpenOverdue++
	row.Outcome = OutcomeOpenOverdue
	row.late = true
	// Zero when due on a Friday and judged on the weekend: past due all
	// the same.
	row.Late = c.cal.WorkdaysBetween(row.Due, r.AsOf)
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

// endOfDay is the instant the civil date d ends in China.
func endOfDay(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, workday.China())
}
