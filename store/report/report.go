// Package report computes the figures of a period of the case book and
// writes them as the desk's monthly Excel workbook (汇总, 明细, 逾期, 接入商).
//
// The report is a snapshot as of the end of the period: a case's status,
// due date and outcome are those it had at the end of the last day, read
// back from the append-only history, so the report of a past month comes
// out the same whenever it is made. Only "overdue" looks at today, for a
// period that has not ended yet.
package report

import (
	"time"

	"beiandesk/store/rules"
)

// Report is the figures of one period.
type Report struct {
	From, To time.Time // civil dates, inclusive
	Today    time.Time // civil date the report was made
	// AsOf is the day open cases are judged overdue on: To, or Today when
	// the period has not ended yet.
	AsOf time.Time

	Kinds    []rules.Kind    // rows of Received
	Channels []rules.Channel // columns of Received
	// Received counts the cases received in the period by kind and
	// channel, indexed like Kinds and Channels.
	Received [][]int
	Figures  Figures
	// YearToDate are the same figures from 1 January of To's year to To
	// (本年累计).
	YearToDate Figures
	YearFrom   time.Time

	// Breakdowns of the cases received in the period.
	Cities       []Count   // by 地市 of the certificate, validate.Cities order
	Sponsors     []Count   // by 主办者类型 × 申请人
	ChannelsDone []Count   // by 来件渠道: N received, M concluded (办结) in the period
	Deregistered Cancelled // what was cancelled in the national system in the period

	// Preparer is the 制表人 printed under the summary; "" leaves a blank
	// to sign.
	Preparer string

	// Cases are the cases received or closed in the period (the 明细
	// sheet), in order of receipt.
	Cases []*Row
	// Overdue are the cases closed late in the period and those open and
	// overdue at its end, most days late first.
	Overdue   []*Row
	Providers []ProviderCount // by cases received, then name; no total
	Buckets   []Bucket        // weeks, or months when Monthly
	Monthly   bool            // the period is longer than a quarter
}

// Count is one line of a breakdown table.
type Count struct {
	Label string
	N, M  int
}

// Cancelled counts the filings cancelled in the national filing system in
// the period (recorded with the case before 办结), by scope, and the
// distinct filing numbers among them.
type Cancelled struct {
	Subjects, Sites, Apps, Filings int
}

// Figures are the key figures of the summary sheet.
type Figures struct {
	Received    int // 收件(登记): received in the period
	Accepted    int // 受理: moved to accepted in the period
	Returned    int // 退回补正: cases returned in the period
	Notices     int // 一次性告知 issued: moves to returned in the period
	Done        int // 办结: reached done or rejected in the period (rules.Status.Concluded)
	Completed   int // of Done, done (已办结)
	Rejected    int // of Done, rejected (不予受理)
	Withdrawn   int // withdrawn in the period
	OnTime      int // of Done, on or before the due date
	Late        int // of Done, after the due date
	Open        int // open at the end of the period
	OpenOverdue int // of Open, past the due date
	// UsedDays sums the working days used by the UsedCases cases of Done
	// that have a deadline; see Row.Used.
	UsedDays, UsedCases int
}

// OnTimeRate is OnTime / (OnTime + Late); ok is false when nothing with a
// deadline was closed.
func (f Figures) OnTimeRate() (rate float64, ok bool) {
	n := f.OnTime + f.Late
	if n == 0 {
		return 0, false
	}
	return float64(f.OnTime) / float64(n), true
}

// AvgWorkdays is the mean working days used by the closed cases with a
// deadline; ok is false when there were none.
func (f Figures) AvgWorkdays() (avg float64, ok bool) {
	if f.UsedCases == 0 {
		return 0, false
	}
	return float64(f.UsedDays) / float64(f.UsedCases), true
}

// Outcome is how a case stands at the end of the period.
type Outcome uint8

const (
	OutcomeOpen        Outcome = iota // not closed, not overdue
	OutcomeOpenOverdue                // not closed, past its due date
	OutcomeOnTime                     // done or rejected on or before the due date
	OutcomeLate                       // done or rejected after the due date
	OutcomeNoDeadline                 // done or rejected, the kind has no deadline
	OutcomeRejected                   // rejected (on time or late: see Row.Late)
	OutcomeWithdrawn                  // withdrawn
)

// Label is the Chinese text of the 结果 column.
func (o Outcome) Label() string { return outcomeLabels[o] }

// Row is one case as it stood at the end of the period. (A report may
// hold 100k of them: keep the fields few and packed.)
type Row struct {
	ID          int64
	Number      string
	Kind        rules.Kind
	Channel     rules.Channel
	Status      rules.Status // at the end of the period
	Current     rules.Status // today
	ReceivedAt  time.Time    // China time
	ReceivedDay time.Time
	Due         time.Time // at the end of the period; zero when the kind has none
	ClosedDay   time.Time // zero when not closed by the end of the period
	// Used is the working days from receipt to closing less those spent
	// waiting for a supplement; valid when HasUsed.
	Used int
	// Late is the working days past the due date: from the due date to
	// the closing day or, when open, to AsOf. Zero when not late (and for a
	// late case closed or judged on the weekend right after a Friday due
	// date).
	Late    int
	Outcome Outcome
	HasUsed bool
	// Complete tells whether every required material is present.
	Complete bool

	inPeriod   bool // received or closed in the period
	receivedIn bool
	closedIn   bool
	openAtEnd  bool
	late       bool // closed late in the period, or open and overdue at its end
	closedLate bool // done or rejected after the due date

	SponsorType rules.SponsorType
	Applicant   rules.Applicant
	Sponsor     string
	CertNo      string
	Filings     []string
	Domains     []string // Unicode
	Provider    string
	Contact     string
	Phone       string
	Mails       int // linked mails
	Note        string

	// From the history, as of the period end.
	AcceptedDay time.Time // last move to accepted; zero when never accepted
	Clerks      string    // who made each decisive move: "受理:李娜;办结:王强"
	Reason      string    // the note of the move to rejected or withdrawn
	Returns     int       // times returned for completion (退回补正)
	FirstReturn time.Time
	LastReturn  time.Time
	// Notified is 已告知 and the days notices were mailed (the outbox);
	// "" when none.
	Notified string
	National string // what was cancelled in the national filing system
	City     string // 地市 of the certificate
	// DueUnverified marks a due date counted across a year whose holiday
	// table is missing or not from the State Council's notice (未核实).
	DueUnverified bool
}

// ProviderCount is one line of the 接入商 sheet.
type ProviderCount struct {
	Name                               string // "" when not filled in
	Received, Done, OnTime, Late, Open int
}

// Bucket is one bar group of the chart: a week or a month of the period.
type Bucket struct {
	From, To       time.Time // civil dates, inclusive, clipped to the period
	Received, Done int
}

// ExportGCPercent is the GOGC setting the export command uses: the report's
// rows and excelize's stream buffers are short-lived garbage, and the
// default of 100 lets the heap double past the 150 MB goal on 100k cases.
const ExportGCPercent = 50
