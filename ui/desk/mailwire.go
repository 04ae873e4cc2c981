package desk

import (
	"context"
	"path/filepath"

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

func (realMail) ImportPaths(ctx context.Context, db store.Book, paths []string) (syncResult, error) {
	sum, err := mail.ImportPaths(ctx, db, paths, nil)
	res := syncResult{New: sum.New, Duplicates: sum.Duplicates}
	for _, f := range sum.Failed {
		res.Failed = append(res.Failed, filepath.Base(f.Path)+": "+f.Err.Error())
	}
	return res, err
}
