package store

import (
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// NationalAction is one filing cancelled in the national filing system
// (备案管理系统) for a case, as the clerk recorded it.
type NationalAction struct {
	Day    string      // YYYY-MM-DD it was done there
	Scope  rules.Scope // subject, site or app
	Filing string      // canonical filing number
	Clerk  string
}

// NationalRecord is what a clerk enters after doing a case's work in the
// national filing system.
type NationalRecord struct {
	Day     string // YYYY-MM-DD; "" means today
	Scope   string
	Filings []string
}

// NationalNormalized is a NationalRecord after checking.
type NationalNormalized struct {
	Day     time.Time
	Scope   rules.Scope
	Filings []string // canonical, without repeats
}

// Normalize checks the record as of now, apart from the case: each filing
// number must fit the scope (the holder's number without a suffix for 主体,
// a site suffix (-1) for 网站, an APP or mini-program suffix (-1A, -3X) for
// APP) and the day must not lie in the future. Problems are *FieldError.
func (in NationalRecord) Normalize(now time.Time) (*NationalNormalized, error) {
	var v NationalNormalized
	var err error
	if v.Scope, err = rules.ParseScope(in.Scope); err != nil {
		return nil, FieldErr("scope", err)
	}
	v.Day = workday.DayOf(now)
	if s := strings.TrimSpace(in.Day); s != "" {
		if v.Day, err = workday.ParseDate(s); err != nil {
			return nil, FieldErrf("date", msgNationalDate, s)
		}
	}
	if v.Day.After(workday.DayOf(now)) {
		return nil, FieldErrf("date", msgNationalFuture, workday.Format(v.Day))
	}
	if len(in.Filings) == 0 {
		return nil, FieldErrf("filing", msgNationalFilings)
	}
	for _, s := range in.Filings {
		f, err := validate.ParseFiling(s)
		if err != nil {
			return nil, FieldErr("filing", err)
		}
		if rule := scopeMismatch(v.Scope, f); rule != "" {
			return nil, FieldErrf("filing", msgNationalScope, f.String(), v.Scope.Label(), rule)
		}
		v.Filings = appendUnique(v.Filings, f.String())
	}
	return &v, nil
}

// CheckCase checks the record against the case it is for, as read in the
// writing transaction.
func (v *NationalNormalized) CheckCase(c *Case) error {
	if !rules.NeedsNationalRecord(c.Kind) {
		return FieldErrf("scope", msgNationalKind)
	}
	if c.Status != rules.StatusAccepted {
		return FieldErrf("scope", msgNationalState, c.Status.Label())
	}
	if workday.Format(v.Day) < c.ReceivedDay {
		return FieldErrf("date", msgNationalBefore, workday.Format(v.Day), c.ReceivedDay)
	}
	return nil
}

// EventNote is the history note of the record.
func (v *NationalNormalized) EventNote() string {
	return fmtNationalEvent(workday.Format(v.Day), v.Scope.Label(), strings.Join(v.Filings, "、"))
}

// CheckAddItem checks an extra checklist item for case c and returns it
// trimmed: the case must still be checked, the name new and non-empty.
func CheckAddItem(c *Case, item string) (string, error) {
	item = strings.TrimSpace(item)
	if item == "" {
		return "", FieldErrf("add", msgItemEmpty)
	}
	if c.Status != rules.StatusReceived && c.Status != rules.StatusReturned {
		return "", FieldErrf("add", msgItemClosed, c.Status.Label())
	}
	for _, it := range c.Materials {
		if it.Item == item {
			return "", FieldErrf("add", msgItemDuplicate, item)
		}
	}
	return item, nil
}

// AddItemNote is the history note of an added checklist item.
func AddItemNote(item string) string { return fmtAddItemEvent(item) }

// scopeMismatch says why f does not fit scope, or "".
func scopeMismatch(scope rules.Scope, f validate.Filing) string {
	switch {
	case scope == rules.ScopeSubject && f.Site != 0:
		return scopeSubjectRule
	case scope == rules.ScopeSite && (f.Site == 0 || f.App || f.Mini):
		return scopeSiteRule
	case scope == rules.ScopeApp && !f.App && !f.Mini:
		return scopeAppRule
	}
	return ""
}
