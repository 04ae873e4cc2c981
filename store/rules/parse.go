package rules

import (
	"fmt"
	"strings"
)

// code is any of the string enumerations of this package.
type code interface {
	~string
	Label() string
}

// parse accepts a code ("deregister") or its label ("注销备案"), ignoring
// case and surrounding space, and otherwise names the allowed values.
func parse[T code](s string, all []T, field string) (T, error) {
	t := strings.TrimSpace(s)
	for _, v := range all {
		if strings.EqualFold(t, string(v)) || t == v.Label() {
			return v, nil
		}
	}
	var zero T
	return zero, unknown(s, all, field)
}

// unknown is the error for a value outside all.
func unknown[T code](s string, all []T, field string) error {
	allowed := make([]string, len(all))
	for i, v := range all {
		allowed[i] = fmt.Sprintf(allowedFormat, v, v.Label())
	}
	return fmt.Errorf(errUnknownValue, field, s, strings.Join(allowed, listSep))
}

func valid[T comparable](v T, all []T) bool {
	for _, a := range all {
		if a == v {
			return true
		}
	}
	return false
}
