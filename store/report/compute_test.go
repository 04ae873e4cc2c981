package report

import (
	"context"
	"reflect"
	"testing"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func compute(t *testing.T, f *fixture, y int, m time.Month, today time.Time) *Report {
	t.Helper()
	from, to := month(y, m)
	r, err := Compute(context.Background(), f.db, from, to, today)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rowNumbers(rows []*Row) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.Number)
	}
	return out
}

func TestComputeOctober(t *testing.T) {
	f := newFixture(t)
	r := compute(t, f, 2026, time.October, workday.DayOf(fixtureNow))

	// Accepted in October: A B C D G J; returned: C K.
	wantFig := Figures{Received: 8, Accepted: 6, Returned: 2, Notices: 2, Done: 6, Completed: 5, Rejected: 1,
		Withdrawn: 1, OnTime: 3, Late: 2, Open: 4, OpenOverdue: 2, UsedDays: 7 + 4 + 9 + 6 + 2, UsedCases: 5}
	if r.Figures != wantFig {
		t.Errorf("figures\n got %+v\nwant %+v", r.Figures, wantFig)
	}
	if rate, ok := r.Figures.OnTimeRate(); !ok || rate != 0.6 {
		t.Errorf("on-time rate %v %v", rate, ok)
	}
	if avg, ok := r.Figures.AvgWorkdays(); !ok || avg != 5.6 {
		t.Errorf("average %v %v", avg, ok)
	}
	// Kinds × channels (email, fax, post, counter, online).
	wantRecv := [][]int{{2, 1, 1, 1, 0}, {0, 0, 1, 0, 1}, {0, 0, 0, 0, 0}, {1, 0, 0, 0, 0}}
	if !reflect.DeepEqual(r.Received, wantRecv) {
		t.Errorf("received %v, want %v", r.Received, wantRecv)
	}
	if got, want := rowNumbers(r.Cases), f.numbers("NABCDEFGKJ"); !reflect.DeepEqual(got, want) {
		t.Errorf("cases %v, want %v", got, want)
	}
	if got, want := rowNumbers(r.Overdue), f.numbers("IDBN"); !reflect.DeepEqual(got, want) {
		t.Errorf("overdue %v, want %v", got, want)
	}
	if !r.AsOf.Equal(workday.Date(2026, 10, 31)) {
		t.Errorf("as of %s", r.AsOf)
	}

	type want struct {
		status, current rules.Status
		due, closed     string
		used            int // -1: none
		late            int
		outcome         Outcome
	}
	wants := map[string]want{
		"N": {rules.StatusDone, rules.StatusDone, "2026-09-30", "2026-10-09", 7, 2, OutcomeLate},
		"A": {rules.StatusDone, rules.StatusDone, "2026-10-13", "2026-10-12", 4, 0, OutcomeOnTime},
		"B": {rules.StatusDone, rules.StatusDone, "2026-10-14", "2026-10-20", 9, 4, OutcomeLate},
		"C": {rules.StatusDone, rules.StatusDone, "2026-10-26", "2026-10-23", 6, 0, OutcomeOnTime},
		"D": {rules.StatusAccepted, rules.StatusAccepted, "2026-10-19", "", -1, 9, OutcomeOpenOverdue},
		"E": {rules.StatusRejected, rules.StatusRejected, "2026-10-20", "2026-10-15", 2, 0, OutcomeRejected},
		"F": {rules.StatusWithdrawn, rules.StatusWithdrawn, "2026-10-21", "2026-10-16", -1, 0, OutcomeWithdrawn},
		"G": {rules.StatusDone, rules.StatusDone, "", "2026-10-16", 1, 0, OutcomeNoDeadline},
		// The supplement of Nov 5 moved K's due date to Nov 12; October
		// keeps the one it had then.
		"K": {rules.StatusReturned, rules.StatusReceived, "2026-10-26", "", -1, 0, OutcomeOpen},
		"J": {rules.StatusAccepted, rules.StatusDone, "2026-11-02", "", -1, 0, OutcomeOpen},
		"I": {rules.StatusReceived, rules.StatusReceived, "2026-09-29", "", -1, 19, OutcomeOpenOverdue},
	}
	rows := map[string]*Row{}
	for _, row := range append(append([]*Row{}, r.Cases...), r.Overdue...) {
		rows[row.Number] = row
	}
	for letter, w := range wants {
		row := rows[f.number[letter]]
		if row == nil {
			t.Errorf("%s: missing", letter)
			continue
		}
		used := -1
		if row.HasUsed {
			used = row.Used
		}
		got := want{row.Status, row.Current, day(row.Due), day(row.ClosedDay), used, row.Late, row.Outcome}
		if got != w {
			t.Errorf("%s:\n got %+v\nwant %+v", letter, got, w)
		}
	}
	a := rows[f.number["A"]]
	if a.Mails != 2 || !a.Complete || a.Phone != "13812345678" ||
		!reflect.DeepEqual(a.Domains, []string{"example.com", "例子.中国"}) ||
		!reflect.DeepEqual(a.Filings, []string{"晋ICP备12345678号-1", "晋ICP备12345678号-2"}) {
		t.Errorf("A fields %+v", a)
	}
	if k := rows[f.number["K"]]; k.Complete || k.Mails != 0 {
		t.Errorf("K complete %v mails %d", k.Complete, k.Mails)
	}

	wantProv := []ProviderCount{
		{Name: mobile, Received: 3, Done: 1, Late: 1, Open: 1},
		{Name: telecom, Received: 2, Done: 3, OnTime: 1, Late: 1, Open: 1},
		{Name: unicom, Received: 2, Done: 1, OnTime: 1, Open: 2},
		{Name: "", Received: 1, Done: 1, OnTime: 1},
	}
	if !reflect.DeepEqual(r.Providers, wantProv) {
		t.Errorf("providers\n got %+v\nwant %+v", r.Providers, wantProv)
	}
	wantBuckets := []Bucket{
		{workday.Date(2026, 10, 1), workday.Date(2026, 10, 4), 0, 0},
		{workday.Date(2026, 10, 5), workday.Date(2026, 10, 11), 2, 1},
		{workday.Date(2026, 10, 12), workday.Date(2026, 10, 18), 4, 3},
		{workday.Date(2026, 10, 19), workday.Date(2026, 10, 25), 1, 2},
		{workday.Date(2026, 10, 26), workday.Date(2026, 10, 31), 1, 0},
	}
	if !reflect.DeepEqual(r.Buckets, wantBuckets) || r.Monthly {
		t.Errorf("buckets %+v", r.Buckets)
	}
}

func day(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return workday.Format(d)
}

func TestComputeSeptember(t *testing.T) {
	f := newFixture(t)
	r := compute(t, f, 2026, time.September, workday.DayOf(fixtureNow))
	// O done Sep 24 on time (due Oct 8), used 1; open at the end: I, N, A;
	// I (due Sep 29) overdue by 1, N due on the last day is not yet.
	wantFig := Figures{Received: 4, Accepted: 2, Done: 1, Completed: 1, OnTime: 1, Open: 3, OpenOverdue: 1, UsedDays: 1, UsedCases: 1}
	if r.Figures != wantFig {
		t.Errorf("figures\n got %+v\nwant %+v", r.Figures, wantFig)
	}
	if got, want := rowNumbers(r.Cases), f.numbers("INOA"); !reflect.DeepEqual(got, want) {
		t.Errorf("cases %v, want %v", got, want)
	}
	if got, want := rowNumbers(r.Overdue), f.numbers("I"); !reflect.DeepEqual(got, want) || r.Overdue[0].Late != 1 {
		t.Errorf("overdue %v, want %v", got, want)
	}
	// N was accepted on Sep 24 and done in October: accepted at the end of
	// September; A was still being checked.
	for _, row := range r.Cases {
		switch row.Number {
		case f.number["N"]:
			if row.Status != rules.StatusAccepted || !row.ClosedDay.IsZero() || row.HasUsed {
				t.Errorf("N at the end of September: %+v", row)
			}
		case f.number["A"]:
			if row.Status != rules.StatusReceived || row.Outcome != OutcomeOpen {
				t.Errorf("A at the end of September: %+v", row)
			}
		}
	}
}

// For a period that has not ended, open cases are judged overdue today.
func TestComputeCurrentPeriod(t *testing.T) {
	f := newFixture(t)
	r := compute(t, f, 2026, time.October, workday.Date(2026, 10, 21))
	if !r.AsOf.Equal(workday.Date(2026, 10, 21)) {
		t.Fatalf("as of %s", r.AsOf)
	}
	// D: (Oct 19, Oct 21] = 2; I: Sep 30, Oct 8–10, 12–16, 19–21 = 12.
	late := map[string]int{}
	for _, row := range r.Overdue {
		if row.Outcome == OutcomeOpenOverdue {
			late[row.Number] = row.Late
		}
	}
	want := map[string]int{f.number["D"]: 2, f.number["I"]: 12}
	if !reflect.DeepEqual(late, want) || r.Figures.OpenOverdue != 2 {
		t.Errorf("open overdue %v, want %v", late, want)
	}
}

func TestComputeRanges(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if _, err := Compute(ctx, f.db, workday.Date(2026, 10, 31), workday.Date(2026, 10, 1), fixtureNow); err == nil {
		t.Error("from after to accepted")
	}
	tests := []struct {
		name     string
		from, to time.Time
		received int
		buckets  int
		monthly  bool
	}{
		{"one day", workday.Date(2026, 10, 8), workday.Date(2026, 10, 8), 1, 1, false},
		{"across months", workday.Date(2026, 9, 28), workday.Date(2026, 10, 11), 3, 2, false},
		{"half a year", workday.Date(2026, 7, 1), workday.Date(2026, 12, 31), 13, 6, true},
		{"empty", workday.Date(2025, 1, 1), workday.Date(2025, 1, 31), 0, 5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compute(ctx, f.db, tt.from, tt.to, fixtureNow)
			if err != nil {
				t.Fatal(err)
			}
			if r.Figures.Received != tt.received || len(r.Buckets) != tt.buckets || r.Monthly != tt.monthly {
				t.Errorf("received %d buckets %d monthly %v", r.Figures.Received, len(r.Buckets), r.Monthly)
			}
			sum := 0
			for _, b := range r.Buckets {
				sum += b.Received
			}
			if sum != r.Figures.Received || !r.Buckets[0].From.Equal(tt.from) || !r.Buckets[len(r.Buckets)-1].To.Equal(tt.to) {
				t.Errorf("buckets %+v", r.Buckets)
			}
		})
	}
}

// 本年累计 runs from 1 January to the period end; the 明细 columns read off
// the history name the reason, the returns and the national record.
func TestComputeYearAndHistoryColumns(t *testing.T) {
	f := newFixture(t)
	r := compute(t, f, 2026, time.October, workday.DayOf(fixtureNow))
	wantYear := Figures{Received: 12, Accepted: 8, Returned: 2, Notices: 2, Done: 7, Completed: 6, Rejected: 1,
		Withdrawn: 1, OnTime: 4, Late: 2, Open: 4, OpenOverdue: 2, UsedDays: 7 + 4 + 9 + 6 + 2 + 1, UsedCases: 6}
	if r.YearToDate != wantYear || !r.YearFrom.Equal(workday.Date(2026, 1, 1)) {
		t.Errorf("year to date from %s\n got %+v\nwant %+v", r.YearFrom, r.YearToDate, wantYear)
	}
	if r.Deregistered != (Cancelled{Sites: 3, Filings: 2}) {
		t.Errorf("deregistered %+v", r.Deregistered)
	}
	rows := map[string]*Row{}
	for _, row := range r.Cases {
		rows[row.Number] = row
	}
	e, c, a := rows[f.number["E"]], rows[f.number["C"]], rows[f.number["A"]]
	if e.Reason != "备案主体在外省" || e.Clerks != "不予受理:李娜" || !e.AcceptedDay.IsZero() {
		t.Errorf("E: reason %q clerks %q accepted %v", e.Reason, e.Clerks, e.AcceptedDay)
	}
	if c.Returns != 1 || day(c.FirstReturn) != "2026-10-12" || day(c.LastReturn) != "2026-10-12" || day(c.AcceptedDay) != "2026-10-20" {
		t.Errorf("C: returns %d %v %v accepted %v", c.Returns, c.FirstReturn, c.LastReturn, c.AcceptedDay)
	}
	if a.National != "2026-10-12 网站 晋ICP备12345678号-1" || a.City != "未知" {
		t.Errorf("A: national %q city %q", a.National, a.City)
	}
	// A case open at the end of the period has no return after it.
	k := rows[f.number["K"]]
	if k.Returns != 1 || k.Status != rules.StatusReturned {
		t.Errorf("K: %+v", k)
	}
}
