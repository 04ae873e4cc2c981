package sqlite

import (
	"strings"

	"beiandesk/store/rules"
)

// sqlStatuses renders statuses as an SQL list ('done','rejected'), so that
// queries count with the sets store/rules defines instead of copies of
// them. The codes are fixed identifiers, never user input.
func sqlStatuses(ss []rules.Status) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "'" + string(s) + "'"
	}
	return strings.Join(q, ",")
}
