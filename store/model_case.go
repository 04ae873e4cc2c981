package store

import (
	"fmt"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// Case is one request in the case book.
type Case struct {
	ID          int64
	Number      string
	Kind        rules.Kind
	Channel     rules.Channel
	Status      rules.Status
	ReceivedAt  time.Time
	ReceivedDay string // YYYY-MM-DD (China time)
	ClockDay    string // day the deadline clock last started
	Due         string // YYYY-MM-DD, "" when the kind has no deadline
	ClosedAt    *time.Time
	ClosedDay   string
	SponsorType rules.SponsorType
	Applicant   rules.Applicant
	Sponsor     string
	CertNo      string
	Provider    string
	Contact     string
	Phone       string
	Filings     []string
	Domains     []string // punycode; show with validate.DomainUnicode
	Details     map[string]string
	Note        string
	LegacyNo    string // the historic number of a case imported from the old ledger
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Version counts the changes of the case (1 when registered; every
	// move, check, correction, linked mail and added file raises it). A
	// change is made against the version the clerk saw.
	Version int64

	Materials []rules.Item
	MailIDs   []int64
	// National is what was done in the national filing system, in the
	// order recorded (NationalService.RecordNational).
	National []NationalAction

	// Warnings are notes about accepted but unusual input (another province's
	// filing number); they are not stored.
	Warnings []string
}

// Complete reports whether every required material is present.
func (c *Case) Complete() bool { return rules.Complete(c.Materials) }

// WorkdaysLeft counts the working days from today to the due date: negative
// when overdue. ok is false when the case has no deadline, is closed, or is
// returned (its clock stands still until the supplement arrives).
func (c *Case) WorkdaysLeft(cal *workday.Calendar, today time.Time) (left int, ok bool) {
	if c.Due == "" || c.Status.Final() || c.Status == rules.StatusReturned {
		return 0, false
	}
	due, err := workday.ParseDate(c.Due)
	if err != nil {
		return 0, false
	}
	return cal.WorkdaysBetween(today, due), true
}

// SearchText is the text a case is found by: its number, sponsor,
// certificate, provider, contact, phone, filing numbers and domains (in
// punycode and in Unicode). Every back end indexes exactly this.
func (c *Case) SearchText() string {
	parts := []string{c.Number, c.Sponsor, c.CertNo, c.Provider, c.Contact, c.Phone, c.LegacyNo}
	parts = append(parts, c.Filings...)
	for _, d := range c.Domains {
		parts = append(parts, d)
		if u := validate.DomainUnicode(d); u != d {
			parts = append(parts, u)
		}
	}
	return strings.Join(parts, "\n")
}

// NumberPrefix is the prefix of a kind's case numbers: ZX deregistration,
// MM password, QT other.
func NumberPrefix(k rules.Kind) string { return rules.NumberPrefix(k) }

// CaseNumber formats the number of the seq-th case of a kind received in
// year: ZX-2026-0001.
func CaseNumber(k rules.Kind, year, seq int) string {
	return fmt.Sprintf("%s-%d-%04d", NumberPrefix(k), year, seq)
}

// NewCase is what a clerk enters to register a case.
type NewCase struct {
	Kind        string
	Channel     string
	ReceivedAt  time.Time
	SponsorType string // "" means person for a resident ID number, else org
	Applicant   string // "" means legal
	Stage       string // conflict only: review|issued; "" follows the filings (rules.DefaultStage)
	Sponsor     string
	CertNo      string
	Provider    string
	Contact     string
	Phone       string
	Filings     []string
	Domains     []string
	Details     map[string]string
	Note        string
	MailIDs     []int64
}

// Normalized is a NewCase after checking, with its values in the form the
// book stores.
type Normalized struct {
	Kind        rules.Kind
	Channel     rules.Channel
	SponsorType rules.SponsorType
	Applicant   rules.Applicant
	Stage       rules.Stage // conflict only
	CertNo      string
	Phone       string
	Filings     []string
	Domains     []string
	Warnings    []string
}

// Validate checks every field of in and returns the first problem as a
// *FieldError. It touches no database.
//
// Unlike Normalize it also bounds the receipt time by the machine's clock
// (CheckReceivedAt); a back end checks it against its own clock.
func (in *NewCase) Validate() error {
	if _, err := in.Normalize(); err != nil {
		return err
	}
	return CheckReceivedAt(in.ReceivedAt, time.Now())
}

// Normalize checks every field of in like Validate and returns the
// normalised values.
func (in *NewCase) Normalize() (*Normalized, error) { return in.normalize(true) }

// NormalizeRecord is Normalize for a case recorded elsewhere before (the
// old ledger): it leaves out what the desk must ask for at registration
// but an old record may lack (the access provider of a fax or conflict),
// so that no historic case is refused for a rule it predates.
func (in *NewCase) NormalizeRecord() (*Normalized, error) { return in.normalize(false) }

func (in *NewCase) normalize(atDesk bool) (*Normalized, error) {
	var v Normalized
	var err error
	if v.Kind, err = rules.ParseKind(in.Kind); err != nil {
		return nil, FieldErr("kind", err)
	}
	if v.Channel, err = rules.ParseChannel(in.Channel); err != nil {
		return nil, FieldErr("channel", err)
	}
	if in.ReceivedAt.IsZero() {
		return nil, FieldErrf("received", msgReceivedRequired)
	}
	st := in.SponsorType
	if st == "" {
		// Unstated: a resident ID number means a person, anything else an
		// organisation (the usual sponsor).
		st = string(rules.SponsorOrg)
		if kind, _, err := validate.CertNo(in.CertNo); err == nil && kind == validate.KindID {
			st = string(rules.SponsorPerson)
		}
	}
	if v.SponsorType, err = rules.ParseSponsorType(st); err != nil {
		return nil, FieldErr("sponsor-type", err)
	}
	ap := in.Applicant
	if ap == "" {
		ap = string(rules.ApplicantLegal)
	}
	if v.Applicant, err = rules.ParseApplicant(ap); err != nil {
		return nil, FieldErr("applicant", err)
	}
	if err := rules.CheckApplicant(v.SponsorType, v.Applicant); err != nil {
		return nil, FieldErr("applicant", err)
	}
	if strings.TrimSpace(in.CertNo) != "" {
		kind, norm, err := validate.CertNo(in.CertNo)
		if err != nil && v.SponsorType == rules.SponsorPerson {
			// A person has a resident ID number only: the error of the
			// credit-code reading would only confuse.
			if norm, err = validate.ResidentID(in.CertNo); err == nil {
				kind = validate.KindID
			}
		}
		if err != nil {
			return nil, FieldErr("cert-no", err)
		}
		switch {
		case kind == "id" && v.SponsorType == rules.SponsorOrg:
			return nil, FieldErrf("cert-no", msgCertMismatchOrg)
		case kind == "uscc" && v.SponsorType == rules.SponsorPerson:
			return nil, FieldErrf("cert-no", msgCertMismatchPer)
		}
		v.CertNo = norm
	}
	if strings.TrimSpace(in.Phone) != "" {
		if v.Phone, err = validate.Phone(in.Phone); err != nil {
			return nil, FieldErr("phone", err)
		}
	}
	for _, s := range in.Filings {
		f, err := validate.ParseFiling(s)
		if err != nil {
			return nil, FieldErr("filing", err)
		}
		if w := validate.FilingWarning(f); w != "" {
			v.Warnings = append(v.Warnings, w)
		}
		v.Filings = appendUnique(v.Filings, f.String())
	}
	for _, s := range in.Domains {
		d, err := validate.Domain(s)
		if err != nil {
			return nil, FieldErr("domain", err)
		}
		v.Domains = appendUnique(v.Domains, d)
	}
	// Last, so that a field's own error comes first.
	if err := v.checkRequest(in, atDesk); err != nil {
		return nil, err
	}
	return &v, nil
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
