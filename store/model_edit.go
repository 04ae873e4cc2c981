package store

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// CaseEdit holds corrections of a registered case: a nil field is left as
// it is. The applicant is not editable here; the receipt time, kind,
// channel and sponsor type are, through Core (the checklist and the due
// date are recomputed, the history records old → new).
type CaseEdit struct {
	Sponsor  *string
	CertNo   *string
	Provider *string
	Contact  *string
	Phone    *string
	Note     *string
	Filings  []string // nil: unchanged; empty non-nil: cleared
	Domains  []string
	Details  map[string]string // nil: unchanged; merged key by key, "" removes a key
	// Core corrects the receipt time, kind, channel and sponsor type; see
	// CoreEdit for what follows from them.
	Core CoreEdit
}

// Edited is a case with a CaseEdit applied, ready to be stored.
type Edited struct {
	// In holds the case's fields after the edit (Sponsor, Provider,
	// Contact, Note and Details as they are to be stored).
	In NewCase
	// Valid holds the normalised certificate, phone, filings and domains.
	Valid *Normalized
	// Changed names the changed fields in Chinese, for the history; empty
	// when the edit changes nothing.
	Changed []string
	// Core is what Core changes (receipt, kind, channel, sponsor type),
	// nil when none of them changes.
	Core *CoreChange
}

// Empty reports whether the edit changes nothing.
func (ed *Edited) Empty() bool { return len(ed.Changed) == 0 && ed.Core == nil }

// Apply validates e against the case's (possibly corrected) kind and
// sponsor type and returns the case's new values and which fields change.
// now bounds a corrected receipt time (CheckReceivedAt). It touches no
// database; every back end stores the result the same way (see
// CoreChange for the core fields).
func (e CaseEdit) Apply(c *Case, now time.Time) (*Edited, error) {
	in := NewCase{Kind: string(c.Kind), Channel: string(c.Channel), ReceivedAt: c.ReceivedAt,
		SponsorType: string(c.SponsorType), Applicant: string(c.Applicant), Sponsor: c.Sponsor,
		CertNo: c.CertNo, Provider: c.Provider, Contact: c.Contact, Phone: c.Phone,
		Filings: c.Filings, Domains: c.Domains, Details: c.Details, Note: c.Note}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = strings.TrimSpace(*src)
		}
	}
	set(&in.Sponsor, e.Sponsor)
	set(&in.CertNo, e.CertNo)
	set(&in.Provider, e.Provider)
	set(&in.Contact, e.Contact)
	set(&in.Phone, e.Phone)
	if e.Note != nil {
		in.Note = *e.Note
	}
	if e.Core.ReceivedAt != nil {
		in.ReceivedAt = *e.Core.ReceivedAt
	}
	if e.Core.Kind != nil {
		in.Kind = *e.Core.Kind
	}
	if e.Core.Channel != nil {
		in.Channel = *e.Core.Channel
	}
	if e.Core.SponsorType != nil {
		in.SponsorType = *e.Core.SponsorType
	}
	if e.Filings != nil {
		in.Filings = e.Filings
	}
	if e.Domains != nil {
		in.Domains = e.Domains
	}
	if e.Details != nil {
		merged := map[string]string{}
		for k, v := range c.Details {
			merged[k] = v
		}
		for k, v := range e.Details {
			if v == "" {
				delete(merged, k)
			} else {
				merged[k] = v
			}
		}
		in.Details = merged
	}
	v, err := in.Normalize()
	if err != nil {
		return nil, err
	}
	core, err := applyCore(c, in, v, now)
	if err != nil {
		return nil, err
	}
	var changed []string
	note := func(label string, differs bool) {
		if differs {
			changed = append(changed, label)
		}
	}
	note(msgFieldSponsor, in.Sponsor != c.Sponsor)
	note(msgFieldCertNo, v.CertNo != c.CertNo)
	note(msgFieldProvider, in.Provider != c.Provider)
	note(msgFieldContact, in.Contact != c.Contact)
	note(msgFieldPhone, v.Phone != c.Phone)
	note(msgFieldNote, in.Note != c.Note)
	note(msgFieldFilings, !slices.Equal(nonNil(v.Filings), nonNil(c.Filings)))
	note(msgFieldDomains, !slices.Equal(nonNil(v.Domains), nonNil(c.Domains)))
	note(msgFieldDetails, !maps.Equal(in.Details, c.Details))
	return &Edited{In: in, Valid: v, Changed: changed, Core: core}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
