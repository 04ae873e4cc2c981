package backend

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/zalando/go-keyring"

	"beiandesk/store/postgres"
	"beiandesk/store/sqlite"
)

// EnvPassword names the environment variable that supplies the password of
// a server book. It wins over the keyring, which headless machines and
// some desktops do not have. (PGPASSWORD and ~/.pgpass also work: the
// PostgreSQL driver reads them when the URL and this give none.)
const EnvPassword = "BEIANDESK_DB_PASSWORD"

// ErrNoKeyring says the system keyring could not keep a password: the
// password then works for this session only.
var ErrNoKeyring = errors.New(msgNoKeyring)

const (
	keyringService = "beiandesk-db"
	// A Secret Service that is present but stuck (a locked keyring waiting
	// for a prompt nobody sees) must not hang a start.
	keyringTimeout = 5 * time.Second
)

// DefaultTarget is the book opened when neither --db nor $BEIANDESK_DB names
// one: the file or server chosen in 设置 → 数据, else the data folder's file.
func DefaultTarget() (string, error) { return sqlite.DefaultPath() }

// SetDefault makes target the book opened from the next start on: a file
// path, a postgres:// URL (kept without its password, which belongs in the
// keyring), or "" for the data folder's own file.
func SetDefault(target string) error {
	if IsServer(target) {
		return sqlite.SetDefaultPath(StripPassword(target))
	}
	return sqlite.SetDefaultPath(target)
}

// StripPassword returns a server URL without its password.
func StripPassword(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return rawURL
	}
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// account names a server book's password in the keyring: user, server and
// database, so two books on one server may have different logins.
func account(rawURL string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.User == nil || u.User.Username() == "" {
		return "", false
	}
	return u.User.Username() + "@" + u.Host + u.Path, true
}

// withPassword adds the password of a server URL that has none: from
// $BEIANDESK_DB_PASSWORD, else the keyring. Without either the URL is
// returned as it is (the server may not need one, or the driver finds it in
// PGPASSWORD or ~/.pgpass). This is the one place where a remembered
// password joins the URL, for the window and the command line alike.
func withPassword(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || u.User == nil {
		return rawURL
	}
	if _, ok := u.User.Password(); ok || u.Query().Has("password") {
		return rawURL
	}
	pw := os.Getenv(EnvPassword)
	if pw == "" {
		acct, ok := account(rawURL)
		if !ok {
			return rawURL
		}
		_ = withKeyringTimeout(func() error {
			var err error
			pw, err = keyring.Get(keyringService, acct)
			return err
		})
	}
	if pw == "" {
		return rawURL
	}
	u.User = url.UserPassword(u.User.Username(), pw)
	return u.String()
}

// SavePassword keeps the password of the server book rawURL names in the
// system keyring. When the keyring cannot keep it the error wraps
// ErrNoKeyring.
func SavePassword(rawURL, pw string) error {
	acct, ok := account(rawURL)
	if !ok {
		return fmt.Errorf(msgNoUser, postgres.Redact(rawURL))
	}
	if err := withKeyringTimeout(func() error { return keyring.Set(keyringService, acct, pw) }); err != nil {
		return fmt.Errorf("%w(%v)", ErrNoKeyring, err)
	}
	return nil
}

// Describe names the book target points to, as the book's Location would,
// without opening it: the file name, or database and server.
func Describe(target string) string {
	if IsServer(target) {
		return postgres.Describe(target)
	}
	return target
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
		return errors.New("keyring did not answer")
	}
}

// openServerURL adds the remembered password; see withPassword.
func openServerURL(ctx context.Context, rawURL string) (*postgres.DB, error) {
	return postgres.Open(ctx, withPassword(rawURL))
}
