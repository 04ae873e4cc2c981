package postgres

import "beiandesk/store/rules"

// statusCodes turns a set of statuses from store/rules into a text array
// parameter (status = ANY($n)), so queries count with the sets the rules
// define instead of copies of them.
func statusCodes(ss []rules.Status) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return out
}
