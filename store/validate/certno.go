package validate

import (
	"errors"
	"fmt"
	"strings"
)

// Kinds of certificate number returned by CertNo.
const (
	KindUSCC = "uscc"
	KindID   = "id"
)

// CertNo checks the certificate number of a sponsor: a unified social
// credit code for an organisation or a resident ID number for a person.
//
// The shape decides: a value with letters (other than a final X) can only be
// a credit code. An 18-digit value can be either (credit codes of public
// institutions are often all digits), so it is taken as an ID number when it
// is a valid one, and as a credit code otherwise.
func CertNo(s string) (kind, norm string, err error) {
	c := strings.ToUpper(compact(s))
	if c == "" {
		return "", "", errors.New(errCertEmpty)
	}
	if runeCount(c) != 18 {
		return "", "", fmt.Errorf(errCertLength, runeCount(c))
	}
	if !idShape(c) {
		norm, err := USCC(c)
		if err != nil {
			return "", "", err
		}
		return KindUSCC, norm, nil
	}
	idNorm, idErr := ResidentID(c)
	if idErr == nil {
		return KindID, idNorm, nil
	}
	usccNorm, usccErr := USCC(c)
	if usccErr == nil {
		return KindUSCC, usccNorm, nil
	}
	return "", "", fmt.Errorf(errCertNeither, usccErr, idErr)
}

// idShape reports 17 digits followed by a digit or X.
func idShape(s string) bool {
	if len(s) != 18 {
		return false
	}
	for i := range 18 {
		c := s[i]
		if (c < '0' || c > '9') && !(i == 17 && c == 'X') {
			return false
		}
	}
	return true
}
