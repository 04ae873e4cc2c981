package rules

// Kind is the kind of request.
type Kind string

const (
	KindDeregister Kind = "deregister" // 注销网站/APP备案, FAQ §三
	KindPassword   Kind = "password"   // 找回备案密码, FAQ §二
	KindConflict   Kind = "conflict"   // 备案信息冲突, FAQ §四, applied for by the access provider
	KindOther      Kind = "other"      // anything else a clerk wants on record
)

// Kinds lists every kind in display order.
func Kinds() []Kind { return []Kind{KindDeregister, KindPassword, KindConflict, KindOther} }

// ParseKind accepts a code or a Chinese label.
func ParseKind(s string) (Kind, error) { return parse(s, Kinds(), fieldKind) }

// Label returns the Chinese name; an unknown code is returned as is.
func (k Kind) Label() string { return label(kindLabels, k) }

// DefaultDeadlineDays is the number of working days the bureau has for a
// request of kind k; 0 means no deadline. The password period is
// configurable in the app and only defaults to this. The FAQ gives no
// period for a conflict; it ends in deleting or deregistering a filing, so
// it gets the deregistration period (FAQ §三: 5 个工作日).
func DefaultDeadlineDays(k Kind) int {
	switch k {
	case KindDeregister, KindPassword, KindConflict:
		return 5
	}
	return 0
}

// NumberPrefix is the prefix of a case number of kind k (ZX-2026-0001).
func NumberPrefix(k Kind) string {
	switch k {
	case KindDeregister:
		return "ZX"
	case KindPassword:
		return "MM"
	case KindConflict:
		return "CT"
	}
	return "QT"
}

// NeedsNationalRecord reports whether a case of kind k may be 办结 only
// after the clerk recorded what was done in the national filing system
// (备案管理系统): deregistrations and conflicts, which end in a filing
// being cancelled or deleted there.
func NeedsNationalRecord(k Kind) bool { return k == KindDeregister || k == KindConflict }

// NeedsProvider reports whether a request of kind k arriving by channel ch
// must name an access provider: a fax always comes from one (FAQ §三: 由接入商
// 发传真), and a conflict is applied for by one (FAQ §四).
func NeedsProvider(k Kind, ch Channel) bool { return ch == ChannelFax || k == KindConflict }

func label[T ~string](labels map[T]string, v T) string {
	if l, ok := labels[v]; ok {
		return l
	}
	return string(v)
}
