package report

import (
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// breakdown gathers the small tables of the summary sheet from the
// period's cases.
type breakdown struct {
	cities   map[string]*Count
	sponsors map[string]*Count
	channels map[rules.Channel]*Count
	filings  map[string]bool
	cancel   Cancelled
}

func newCounter(r *Report, cal *workday.Calendar) *counter {
	return &counter{r: r, cal: cal, providers: make(map[string]*ProviderCount), breakdown: breakdown{
		cities: map[string]*Count{}, sponsors: map[string]*Count{}, channels: map[rules.Channel]*Count{},
		filings: map[string]bool{},
	}}
}

// sponsorLabel is the 主办者类型 × 申请人 line of a case: an organisation's
// applicant matters (法人本人 or 委托代理人), a person applies in person.
func sponsorLabel(st rules.SponsorType, ap rules.Applicant) string {
	if st == rules.SponsorOrg {
		if ap != rules.ApplicantAgent {
			ap = rules.ApplicantLegal
		}
		return st.Label() + labelSep + ap.Label()
	}
	return st.Label()
}

// sponsorLabels are the lines of the 主办者类型 × 申请人 table, in order.
func sponsorLabels() []string {
	return []string{
		sponsorLabel(rules.SponsorOrg, rules.ApplicantLegal),
		sponsorLabel(rules.SponsorOrg, rules.ApplicantAgent),
		sponsorLabel(rules.SponsorPerson, ""),
	}
}

// add counts a case of the period: N when received in it, M when it was
// 办结 (rules.Status.Concluded) in it.
func (b *breakdown) add(row *Row) {
	concluded := row.closedIn && row.Status.Concluded()
	inc := func(c *Count) {
		if row.receivedIn {
			c.N++
		}
		if concluded {
			c.M++
		}
	}
	inc(get(b.cities, row.City))
	inc(get(b.sponsors, sponsorLabel(row.SponsorType, row.Applicant)))
	inc(get(b.channels, row.Channel))
}

func get[K comparable](m map[K]*Count, k K) *Count {
	c := m[k]
	if c == nil {
		c = &Count{}
		m[k] = c
	}
	return c
}

// national counts what was cancelled in the national system in the period.
func (b *breakdown) national(rec *caseRec, from, to time.Time) {
	f, t := workday.Format(from), workday.Format(to)
	for _, a := range rec.national {
		if a.Day < f || a.Day > t {
			continue
		}
		switch a.Scope {
		case rules.ScopeSubject:
			b.cancel.Subjects++
		case rules.ScopeSite:
			b.cancel.Sites++
		case rules.ScopeApp:
			b.cancel.Apps++
		}
		b.filings[a.Filing] = true
	}
}

// finish puts the tables into the report in their fixed order.
func (b *breakdown) finish(r *Report) {
	for _, city := range validate.Cities() {
		c := get(b.cities, city)
		r.Cities = append(r.Cities, Count{Label: city, N: c.N, M: c.M})
	}
	for _, l := range sponsorLabels() {
		c := get(b.sponsors, l)
		r.Sponsors = append(r.Sponsors, Count{Label: l, N: c.N, M: c.M})
	}
	for _, ch := range r.Channels {
		c := get(b.channels, ch)
		r.ChannelsDone = append(r.ChannelsDone, Count{Label: ch.Label(), N: c.N, M: c.M})
	}
	r.Deregistered = b.cancel
	r.Deregistered.Filings = len(b.filings)
}

// describe fills the 明细 columns read off the history as of end: the day
// of acceptance, who made each decisive move, the reason of 不予受理 or 撤回,
// the returns for completion, and what was cancelled in the national system.
func (c *counter) describe(rec *caseRec, end time.Time) {
	row := rec.Row
	row.City = validate.City(row.CertNo)
	row.DueUnverified = !row.Due.IsZero() && !c.cal.SpanVerified(row.ReceivedDay, row.Due)
	var clerks []string
	for _, e := range rec.events {
		if !e.At.Before(end) {
			break
		}
		day := workday.DayOf(e.At)
		switch e.To {
		case rules.StatusAccepted:
			row.AcceptedDay = day
		case rules.StatusReturned:
			row.Returns++
			if row.FirstReturn.IsZero() {
				row.FirstReturn = day
			}
			row.LastReturn = day
		case rules.StatusRejected, rules.StatusWithdrawn:
			row.Reason = e.Note
		case rules.StatusDone:
		default:
			continue
		}
		if e.Clerk != "" {
			clerks = append(clerks, e.To.Label()+clerkSep+e.Clerk)
		}
	}
	row.Clerks = strings.Join(clerks, listJoin)
	var nat []string
	for _, a := range rec.national {
		nat = append(nat, a.Day+" "+a.Scope.Label()+" "+a.Filing)
	}
	row.National = strings.Join(nat, listJoin)
}
