package store

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a case, mail or blob does not exist.
var ErrNotFound = errors.New(msgNotFound)

// FieldError is invalid input for one named field. Field uses the command
// line's flag names ("cert-no", "filing", …) so every front end can point at it.
type FieldError struct {
	Field string
	Err   error
}

// Error returns the field name and the reason.
func (e *FieldError) Error() string { return fmt.Sprintf("%s: %v", e.Field, e.Err) }

// Unwrap returns the reason.
func (e *FieldError) Unwrap() error { return e.Err }

// FieldErr wraps err as invalid input of field.
func FieldErr(field string, err error) error { return &FieldError{Field: field, Err: err} }

// FieldErrf makes a *FieldError for field with a formatted reason.
func FieldErrf(field, format string, args ...any) error {
	return &FieldError{Field: field, Err: fmt.Errorf(format, args...)}
}

// ErrLeaseHeld means another process holds the lease.
var ErrLeaseHeld = errors.New("lease held")

// LeaseError tells who holds a lease.
type LeaseError struct{ Holder string }

// Error says, in Chinese, who is pulling the mail.
func (e *LeaseError) Error() string { return fmt.Sprintf(msgLeaseHeld, e.Holder) }

// Unwrap returns ErrLeaseHeld.
func (e *LeaseError) Unwrap() error { return ErrLeaseHeld }
