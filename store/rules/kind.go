package rules

// Kind is the kind of request.
type Kind string

const (
	KindDeregister Kind = "deregister" // 注销网站/APP备案, FAQ §三
	KindPassword   Kind = "password"   // 找回备案密码, FAQ §二
	KindOther      Kind = "other"      // anything else a clerk wants on record
)

// Kinds lists every kind in display order.
func Kinds() []Kind { return []Kind{KindDeregister, KindPassword, KindOther} }

// ParseKind accepts a code or a Chinese label.
func ParseKind(s string) (Kind, error) { return parse(s, Kinds(), fieldKind) }

// Label returns the Chinese name; an unknown code is returned as is.
func (k Kind) Label() string { return label(kindLabels, k) }

// DefaultDeadlineDays is the number of working days the bureau has for a
// request of kind k; 0 means no deadline. The password period is
// configurable in the app and only defaults to this.
func DefaultDeadlineDays(k Kind) int {
	switch k {
	case KindDeregister, KindPassword:
		return 5
	}
	return 0
}

func label[T ~string](labels map[T]string, v T) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return string(v)
}
