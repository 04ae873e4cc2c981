package sqlite

import (
	"beiandesk/store"
)

// fieldErr and fieldErrf keep the implementation's call sites short.
func fieldErr(field string, err error) error { return store.FieldErr(field, err) }

func fieldErrf(field, format string, args ...any) error {
	return store.FieldErrf(field, format, args...)
}
