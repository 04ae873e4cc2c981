package store

import (
	"maps"
	"strings"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// DetailStage is the key of Case.Details holding a conflict's stage.
const DetailStage = "stage"

// checkRequest applies the rules that depend on the kind and channel
// together: who must be named as access provider (atDesk only), and a
// conflict's stage.
func (v *Normalized) checkRequest(in *NewCase, atDesk bool) error {
	if atDesk && rules.NeedsProvider(v.Kind, v.Channel) && strings.TrimSpace(in.Provider) == "" {
		if v.Channel == rules.ChannelFax {
			return FieldErrf("provider", msgProviderFax)
		}
		return FieldErrf("provider", msgProviderConflict)
	}
	stage := strings.TrimSpace(in.Stage)
	if stage == "" && in.Details != nil {
		stage = in.Details[DetailStage]
	}
	switch {
	case v.Kind != rules.KindConflict && stage != "":
		return FieldErrf("stage", msgStageNotConflict)
	case v.Kind != rules.KindConflict:
	case stage == "":
		v.Stage = rules.DefaultStage(len(in.Filings))
	default:
		s, err := rules.ParseStage(stage)
		if err != nil {
			return FieldErr("stage", err)
		}
		v.Stage = s
	}
	return nil
}

// StoredDetails are the channel details a book stores for the case: in,
// with a conflict's stage. Never nil.
func (v *Normalized) StoredDetails(in map[string]string) map[string]string {
	out := maps.Clone(in)
	if out == nil {
		out = map[string]string{}
	}
	if v.Stage != "" {
		out[DetailStage] = string(v.Stage)
	}
	return out
}

// Materials is the checklist a new case starts with.
func (v *Normalized) Materials() []string {
	return rules.MaterialsAt(v.Kind, v.SponsorType, v.Applicant, v.Stage)
}

// Stage is the stage of a conflict ("" for other kinds).
func (c *Case) Stage() rules.Stage { return rules.Stage(c.Details[DetailStage]) }

// OutcomeField names the field an outcome error (rules.CheckOutcome)
// belongs to.
func OutcomeField(to rules.Status) string {
	if to == rules.StatusRejected {
		return "note"
	}
	return "to"
}

// DueVerified reports whether the case's due date was counted on verified
// holiday tables only (workday.Calendar.SpanVerified); ok is false when the
// case has no deadline.
func (c *Case) DueVerified(cal *workday.Calendar) (verified, ok bool) {
	if c.Due == "" {
		return false, false
	}
	due, err1 := workday.ParseDate(c.Due)
	clock, err2 := workday.ParseDate(c.ClockDay)
	if err1 != nil || err2 != nil {
		return false, true
	}
	return cal.SpanVerified(clock, due), true
}
