package rules

// Materials returns the required materials of a request, in the order of
// the design table (which follows the FAQ). The applicant matters only for
// deregistering an organisation's filing; any value other than
// ApplicantAgent, including "", counts as the legal representative, the
// default. Kind other and unknown combinations need nothing.
func Materials(k Kind, st SponsorType, ap Applicant) []string {
	var m []string
	switch {
	case k == KindDeregister && st == SponsorOrg && ap == ApplicantAgent:
		m = materialsDeregisterOrgAgent
	case k == KindDeregister && st == SponsorOrg:
		m = materialsDeregisterOrgLegal
	case k == KindDeregister && st == SponsorPerson:
		m = materialsDeregisterPerson
	case k == KindPassword && st == SponsorOrg:
		m = materialsPasswordOrg
	case k == KindPassword && st == SponsorPerson:
		m = materialsPasswordPerson
	}
	// A copy, so callers may not change the table.
	return append([]string{}, m...)
}
