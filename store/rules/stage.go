package rules

// Stage is how far the filing a conflict concerns has come in the national
// filing system (FAQ §四): still under review (审核阶段), or with a number
// issued (已下发备案号). It decides the conflict's materials.
type Stage string

const (
	StageReview Stage = "review"
	StageIssued Stage = "issued"
)

// Stages lists every stage in display order.
func Stages() []Stage { return []Stage{StageReview, StageIssued} }

// ParseStage accepts a code or a Chinese label.
func ParseStage(s string) (Stage, error) { return parse(s, Stages(), fieldStage) }

// Label returns the Chinese name; an unknown code is returned as is.
func (s Stage) Label() string { return label(stageLabels, s) }

// DefaultStage is the stage of a conflict when the clerk names none: a
// request naming a filing number concerns an issued filing; one without
// any concerns a filing still under review, which has no number yet.
func DefaultStage(filings int) Stage {
	if filings > 0 {
		return StageIssued
	}
	return StageReview
}

// Scope is what was cancelled in the national filing system for a
// deregistration: the whole holder (主体), a website or an APP
// (mini-programs count as APPs).
type Scope string

const (
	ScopeSubject Scope = "subject"
	ScopeSite    Scope = "site"
	ScopeApp     Scope = "app"
)

// Scopes lists every scope in display order.
func Scopes() []Scope { return []Scope{ScopeSubject, ScopeSite, ScopeApp} }

// ParseScope accepts a code or a Chinese label.
func ParseScope(s string) (Scope, error) { return parse(s, Scopes(), fieldScope) }

// Label returns the Chinese name; an unknown code is returned as is.
func (s Scope) Label() string { return label(scopeLabels, s) }

var stageLabels = map[Stage]string{
	StageReview: "审核阶段",
	StageIssued: "已下发备案号",
}

var scopeLabels = map[Scope]string{
	ScopeSubject: "主体",
	ScopeSite:    "网站",
	ScopeApp:     "APP",
}
