package rules

// Materials returns the required materials of a request, in the order of
// the design table (which follows the FAQ). The applicant matters only for
// deregistering an organisation's filing; any value other than
// ApplicantAgent, including "", counts as the legal representative, the
// default. Kind other and unknown combinations need nothing.
func Materials(k Kind, st SponsorType, ap Applicant) []string {
	return MaterialsAt(k, st, ap, "")
}

// MaterialsAt is Materials for a request whose list depends on the stage of
// the filing it concerns: a conflict (FAQ §四) needs the access provider's
// application plus, while the other filing is under review, the materials
// of 删除备案信息, and once a number is issued, the 注销 materials. An empty
// stage counts as StageIssued.
func MaterialsAt(k Kind, st SponsorType, ap Applicant, stage Stage) []string {
	if k == KindConflict {
		if stage == StageReview {
			return append([]string{}, materialsConflictReview...)
		}
		m := append([]string{}, materialsConflict...)
		return append(m, Materials(KindDeregister, st, ap)...)
	}
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
