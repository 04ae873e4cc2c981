package rules

import "errors"

// SponsorType tells whether the holder of the filing (主办者) is an
// organisation or a person.
type SponsorType string

const (
	SponsorOrg    SponsorType = "org"
	SponsorPerson SponsorType = "person"
)

// SponsorTypes lists every sponsor type in display order.
func SponsorTypes() []SponsorType { return []SponsorType{SponsorOrg, SponsorPerson} }

// ParseSponsorType accepts a code or a Chinese label.
func ParseSponsorType(s string) (SponsorType, error) {
	return parse(s, SponsorTypes(), fieldSponsorType)
}

// Label returns the Chinese name; an unknown code is returned as is.
func (t SponsorType) Label() string { return label(sponsorTypeLabels, t) }

// Applicant tells who applies for an organisation: its legal
// representative in person, or someone authorised by them.
type Applicant string

const (
	ApplicantLegal Applicant = "legal"
	ApplicantAgent Applicant = "agent"
)

// Applicants lists every applicant in display order.
func Applicants() []Applicant { return []Applicant{ApplicantLegal, ApplicantAgent} }

// ParseApplicant accepts a code or a Chinese label.
func ParseApplicant(s string) (Applicant, error) { return parse(s, Applicants(), fieldApplicant) }

// Label returns the Chinese name; an unknown code is returned as is.
func (a Applicant) Label() string { return label(applicantLabels, a) }

// CheckApplicant refuses a combination the FAQ has no route for: a person's
// filing is applied for by the person (申请表和个人身份证原件复印件); only an
// organisation may send someone authorised by its legal representative.
func CheckApplicant(st SponsorType, ap Applicant) error {
	if st == SponsorPerson && ap == ApplicantAgent {
		return errors.New(errPersonAgent)
	}
	return nil
}
