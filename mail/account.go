package mail

import (
	"context"
	"strconv"
	"strings"

	"beiandesk/mail/smtp"
	"beiandesk/store"
)

// Setting keys of sending; the IMAP keys are store.SettingIMAP*.
const (
	SettingSMTPHost = "smtp.host"
	SettingSMTPPort = "smtp.port"
	SettingSMTPSec  = "smtp.security"
	// SettingSMTPFrom is the sender address when the account name is not
	// one (163 account names are addresses).
	SettingSMTPFrom = "smtp.from"
)

// Defaults of the mailbox account: NetEase 163.
const (
	DefaultIMAPHost = "imap.163.com"
	DefaultSMTPHost = smtp.DefaultHost
)

// Account is the desk's one mailbox, read over IMAP and written over SMTP
// with the same user and the same 授权码.
type Account struct {
	IMAP Config
	SMTP smtp.Config
	// Address is the sender: the user name when it is an address.
	Address string
}

// Settings reads saved settings; a store.Book satisfies it.
type Settings interface {
	Setting(ctx context.Context, key, def string) (string, error)
}

// LoadAccount reads the mailbox settings for both protocols, with the 163
// defaults, and the password (env BEIANDESK_IMAP_PASSWORD or the keyring).
// A missing password is not an error here: sending or syncing says so.
func LoadAccount(ctx context.Context, s Settings) (Account, error) {
	a, err := AccountSettings(ctx, s)
	if err != nil {
		return a, err
	}
	if a.IMAP.User != "" {
		if pw, _, err := Password(a.IMAP.User, a.IMAP.Host); err == nil {
			a.IMAP.Password, a.SMTP.Password = pw, pw
		}
	}
	return a, nil
}

// AccountSettings is LoadAccount without the password: it never touches
// the keyring, so a settings screen may call it on the UI goroutine.
func AccountSettings(ctx context.Context, s Settings) (Account, error) {
	var a Account
	get := func(key, def string) (string, error) {
		v, err := s.Setting(ctx, key, "")
		if err != nil {
			return "", err
		}
		if v = strings.TrimSpace(v); v == "" {
			return def, nil
		}
		return v, nil
	}
	var err error
	fields := []struct {
		key, def string
		v        *string
	}{
		{store.SettingIMAPHost, DefaultIMAPHost, &a.IMAP.Host},
		{store.SettingIMAPUser, "", &a.IMAP.User},
		{store.SettingIMAPSec, SecurityTLS, &a.IMAP.Security},
		{SettingSMTPHost, DefaultSMTPHost, &a.SMTP.Host},
		{SettingSMTPSec, smtp.SecurityTLS, &a.SMTP.Security},
	}
	for _, f := range fields {
		if *f.v, err = get(f.key, f.def); err != nil {
			return a, err
		}
	}
	for _, p := range []struct {
		key string
		v   *int
	}{{store.SettingIMAPPort, &a.IMAP.Port}, {SettingSMTPPort, &a.SMTP.Port}} {
		v, err := get(p.key, "")
		if err != nil {
			return a, err
		}
		*p.v, _ = strconv.Atoi(v) // 0: the default of the security
	}
	a.SMTP.User = a.IMAP.User
	if a.Address, err = get(SettingSMTPFrom, ""); err != nil {
		return a, err
	}
	if a.Address == "" && strings.Contains(a.IMAP.User, "@") {
		a.Address = a.IMAP.User
	}
	return a, nil
}
