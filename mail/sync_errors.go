package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"syscall"

	"github.com/emersion/go-imap/v2"

	"beiandesk/store"
)

// ErrorKind sorts sync failures by what the clerk can do about them.
type ErrorKind int

// Kinds of sync errors.
const (
	ErrOther       ErrorKind = iota
	ErrConfig                // the settings are wrong or unsafe
	ErrCredential            // no password could be found
	ErrAuth                  // the server refused user name or password
	ErrUnsafeLogin           // NetEase refused the client ("Unsafe Login")
	ErrNetwork               // DNS, refused or dropped connection
	ErrTimeout               // the server stayed silent
	ErrTLS                   // certificate or TLS handshake failure
	ErrBusy                  // another process is syncing
	ErrServer                // the server refused a command
	ErrCanceled              // the caller cancelled
)

// Error is a failed sync step. Its message is the Chinese text for the
// clerk, with the technical cause in brackets.
type Error struct {
	Kind ErrorKind
	Err  error  // the cause
	Host string // the server, when it matters for the message
}

func (e *Error) Error() string {
	advice := e.advice()
	if e.Err == nil {
		return advice
	}
	cause := e.Err.Error()
	if advice == "" {
		return cause
	}
	if strings.Contains(advice, cause) {
		return advice
	}
	return advice + "(" + cause + ")"
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) advice() string {
	switch e.Kind {
	case ErrConfig, ErrCredential:
		return "" // the cause is already written for the clerk
	case ErrAuth:
		return msgErrAuth
	case ErrUnsafeLogin:
		return msgErrUnsafe
	case ErrNetwork:
		var dns *net.DNSError
		switch {
		case errors.As(e.Err, &dns):
			return fmt.Sprintf(msgErrDNS, dns.Name)
		case errors.Is(e.Err, syscall.ECONNREFUSED):
			return fmt.Sprintf(msgErrRefused, e.Host)
		case isDropped(e.Err):
			return msgErrDropped
		}
		return msgErrNetwork
	case ErrTimeout:
		var te *timeoutError
		if errors.As(e.Err, &te) && te.overall {
			return fmt.Sprintf(msgErrDeadline, te.after)
		}
		if errors.As(e.Err, &te) {
			return fmt.Sprintf(msgErrTimeout, te.after)
		}
		return fmt.Sprintf(msgErrTimeout, "规定时间")
	case ErrTLS:
		if isCertError(e.Err) {
			return msgErrTLS
		}
		return msgErrTLSProto
	case ErrBusy:
		var le *store.LeaseError
		if errors.As(e.Err, &le) {
			return fmt.Sprintf(msgErrBusy, le.Holder)
		}
		return fmt.Sprintf(msgErrBusy, "")
	case ErrServer:
		return msgErrServer
	case ErrCanceled:
		return msgErrCanceled
	}
	return msgErrOther
}

// Describe returns the text to show a clerk for any error from this
// package: what went wrong and what to do.
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return classify(err, "").Error()
}

// KindOf returns the kind of a sync error (ErrOther for anything else).
func KindOf(err error) ErrorKind {
	if err == nil {
		return ErrOther
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return classify(err, "").(*Error).Kind
}

// timeoutError is a network step that got no answer within the deadline.
type timeoutError struct {
	step    string
	after   string
	overall bool // the whole sync's deadline, not one step's silence
}

func (e *timeoutError) Error() string { return e.step + ": i/o timeout after " + e.after }

// droppedError is a connection that ended under a command.
type droppedError struct{ cause error }

func (e *droppedError) Error() string { return "connection lost: " + e.cause.Error() }
func (e *droppedError) Unwrap() error { return e.cause }

// classify wraps err into an *Error of the right kind.
func classify(err error, host string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	kind := ErrOther
	var (
		dns     *net.DNSError
		lease   *store.LeaseError
		imapErr *imap.Error
		te      *timeoutError
		netErr  net.Error
	)
	switch {
	case errors.Is(err, context.Canceled):
		kind = ErrCanceled
	case errors.As(err, &lease):
		kind = ErrBusy
	case errors.As(err, &te), errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, context.DeadlineExceeded):
		kind = ErrTimeout
	case isCertError(err), isTLSProtoError(err):
		kind = ErrTLS
	case errors.As(err, &imapErr):
		switch {
		case isUnsafeLogin(imapErr):
			kind = ErrUnsafeLogin
		case imapErr.Code == imap.ResponseCodeAuthenticationFailed:
			kind = ErrAuth
		default:
			kind = ErrServer
		}
	case errors.As(err, &dns), errors.Is(err, syscall.ECONNREFUSED), isDropped(err):
		kind = ErrNetwork
	case errors.As(err, &netErr) && netErr.Timeout():
		kind = ErrTimeout
	case errors.As(err, &netErr):
		kind = ErrNetwork
	}
	return &Error{Kind: kind, Err: err, Host: host}
}

func isUnsafeLogin(e *imap.Error) bool {
	return strings.Contains(strings.ToLower(e.Text), "unsafe login")
}

func isDropped(err error) bool {
	var d *droppedError
	return errors.As(err, &d) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, net.ErrClosed)
}

func isCertError(err error) bool {
	var (
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
	)
	return errors.As(err, &unknown) || errors.As(err, &hostname) || errors.As(err, &invalid) || errors.As(err, &verify)
}

func isTLSProtoError(err error) bool {
	var (
		header tls.RecordHeaderError
		alert  tls.AlertError
	)
	return errors.As(err, &header) || errors.As(err, &alert)
}
