package store

import (
	"maps"
	"strings"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// detailStage is the key of Case.Details holding a conflict's stage.
const detailStage = "stage"

// checkRequest applies the rules that depend on the kind and channel
// together: who must be named as access provider, and a conflict's stage.
func (v *validated) checkRequest(in *NewCase) error {
	if rules.NeedsProvider(v.kind, v.channel) && strings.TrimSpace(in.Provider) == "" {
		if v.channel == rules.ChannelFax {
			return fieldErrf("provider", msgProviderFax)
		}
		return fieldErrf("provider", msgProviderConflict)
	}
	stage := strings.TrimSpace(in.Stage)
	if stage == "" && in.Details != nil {
		stage = in.Details[detailStage]
	}
	switch {
	case v.kind != rules.KindConflict && stage != "":
		return fieldErrf("stage", msgStageNotConflict)
	case v.kind != rules.KindConflict:
	case stage == "":
		v.stage = rules.DefaultStage(len(in.Filings))
	default:
		s, err := rules.ParseStage(stage)
		if err != nil {
			return fieldErr("stage", err)
		}
		v.stage = s
	}
	return nil
}

// details are the stored channel details, with a conflict's stage.
func (v *validated) details(in map[string]string) map[string]string {
	out := maps.Clone(nonNilMap(in))
	if v.stage != "" {
		out[detailStage] = string(v.stage)
	}
	return out
}

// Stage is the stage of a conflict ("" for other kinds).
func (c *Case) Stage() rules.Stage { return rules.Stage(c.Details[detailStage]) }

// outcomeField names the flag an outcome error belongs to.
func outcomeField(to rules.Status) string {
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
