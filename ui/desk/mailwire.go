package desk

import (
	"context"

	"beiandesk/mail"
	"beiandesk/store"
)

// realMail is the mail package behind mailBackend.
type realMail struct{ version string }

func defaultMailBackend(version string) mailBackend { return realMail{version: version} }

func (m realMail) config(s mailSettings, password string) mail.Config {
	return mail.Config{
		Host: s.Host, Port: s.Port, User: s.User, Password: password,
		Mailbox: s.Mailbox, Security: s.Security, ClientVersion: m.version,
	}
}

func (m realMail) Sync(ctx context.Context, db store.Book, s mailSettings, password string, progress func(done, total int)) (syncResult, error) {
	st, err := mail.Sync(ctx, db, m.config(s, password), progress)
	return syncResult{New: st.New, Duplicates: st.Duplicates}, err
}

// Test connects, logs in and opens the folder read-only, then logs out.
func (m realMail) Test(ctx context.Context, s mailSettings, password string) error {
	return mail.Check(ctx, m.config(s, password))
}

func (realMail) Describe(err error) string { return mail.Describe(err) }

func (realMail) Password(user, host string) (string, string, error) {
	return mail.Password(user, host)
}

func (realMail) SavePassword(user, host, pw string) error {
	return mail.SavePassword(user, host, pw)
}

func (realMail) ImportFile(ctx context.Context, db store.Book, path string) (syncResult, error) {
	r, err := mail.ImportFile(ctx, db, path, nil)
	if err != nil {
		return syncResult{}, err
	}
	if r.Duplicate {
		return syncResult{Duplicates: 1}, nil
	}
	return syncResult{New: 1}, nil
}
