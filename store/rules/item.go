package rules

// ItemState is the result of checking one required material.
type ItemState string

const (
	ItemPresent   ItemState = "present"
	ItemMissing   ItemState = "missing"
	ItemDefective ItemState = "defective" // handed in but unusable; Note says why
)

// ItemStates lists every item state in display order.
func ItemStates() []ItemState { return []ItemState{ItemPresent, ItemMissing, ItemDefective} }

// ParseItemState accepts a code or a Chinese label.
func ParseItemState(s string) (ItemState, error) { return parse(s, ItemStates(), fieldItemState) }

// Label returns the Chinese name; an unknown code is returned as is.
func (s ItemState) Label() string { return label(itemStateLabels, s) }

// Item is one entry of a case's checklist.
type Item struct {
	Item  string    `json:"item"`           // the material, as listed by Materials
	State ItemState `json:"state"`          // present, missing or defective
	Note  string    `json:"note,omitempty"` // the reason for defective, or the clerk's remark
}

// Complete reports whether every item is present; a request without a
// checklist (kind other) is complete.
func Complete(items []Item) bool {
	for _, it := range items {
		if it.State != ItemPresent {
			return false
		}
	}
	return true
}

// Checklist returns the materials of a request as items, all missing, which
// is how a new case starts.
func Checklist(k Kind, st SponsorType, ap Applicant) []Item {
	m := Materials(k, st, ap)
	items := make([]Item, len(m))
	for i, name := range m {
		items[i] = Item{Item: name, State: ItemMissing}
	}
	return items
}
