package store

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a case or mail does not exist.
var ErrNotFound = errors.New(msgNotFound)

// FieldError is invalid input for one named field. Field uses the command
// line's flag names ("cert-no", "filing", …) so every front end can point at it.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return fmt.Sprintf("%s: %v", e.Field, e.Err) }
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field string, err error) error { return &FieldError{Field: field, Err: err} }

func fieldErrf(field, format string, args ...any) error {
	return &FieldError{Field: field, Err: fmt.Errorf(format, args...)}
}
