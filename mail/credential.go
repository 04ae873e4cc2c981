package mail

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/zalando/go-keyring"
)

// EnvPassword names the environment variable that supplies the IMAP password
// (for NetEase mail, the authorization code 授权码). It wins over the keyring,
// which headless machines do not have.
const EnvPassword = "BEIANDESK_IMAP_PASSWORD"

// Where Password found the password; these are shown to the clerk.
const (
	PasswordFromEnv     = msgPasswordEnv
	PasswordFromKeyring = msgPasswordRing
)

const (
	keyringService = "beiandesk"
	// A Secret Service that is present but stuck (a locked keyring waiting
	// for a prompt nobody sees) must not hang a sync.
	keyringTimeout = 15 * time.Second
)

// Password returns the IMAP password for user@host and where it came from
// (PasswordFromEnv or PasswordFromKeyring). The password is never written
// to disk by this package; only the OS keyring keeps it.
func Password(user, host string) (pw, source string, err error) {
	if pw := os.Getenv(EnvPassword); pw != "" {
		return pw, PasswordFromEnv, nil
	}
	account := user + "@" + host
	err = withKeyringTimeout(func() error {
		var err error
		pw, err = keyring.Get(keyringService, account)
		return err
	})
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return "", "", &Error{Kind: ErrCredential, Err: fmt.Errorf(msgKeyringNone, account)}
	case err != nil:
		return "", "", &Error{Kind: ErrCredential, Err: fmt.Errorf(msgKeyringFail, err)}
	}
	return pw, PasswordFromKeyring, nil
}

// SavePassword keeps the password for user@host in the OS keyring.
func SavePassword(user, host, pw string) error {
	err := withKeyringTimeout(func() error { return keyring.Set(keyringService, user+"@"+host, pw) })
	if err != nil {
		return &Error{Kind: ErrCredential, Err: fmt.Errorf(msgKeyringFail, err)}
	}
	return nil
}

// DeletePassword removes a saved password; removing one that is not there
// is not an error.
func DeletePassword(user, host string) error {
	err := withKeyringTimeout(func() error { return keyring.Delete(keyringService, user+"@"+host) })
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return &Error{Kind: ErrCredential, Err: fmt.Errorf(msgKeyringFail, err)}
	}
	return nil
}

func withKeyringTimeout(fn func() error) error {
	done := make(chan error, 1)
	go func() { done <- fn() }()
	t := time.NewTimer(keyringTimeout)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
		return errors.New(msgKeyringSlow)
	}
}
