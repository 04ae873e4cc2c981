package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"beiandesk/mail"
	"beiandesk/store"
)

// mailSync pulls new mail once. Flags override the saved settings; --save
// keeps them for next time (the password is never saved here).
func mailSync(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("sync", e)
	host := fs.String("host", "", "IMAP server")
	port := fs.String("port", "", "port (default 993 for tls, 143 otherwise)")
	user := fs.String("user", "", "mailbox account")
	mailbox := fs.String("mailbox", "", "folder (default INBOX)")
	security := fs.String("security", "", "tls|starttls|none")
	timeout := fs.String("timeout", "", "deadline of each network step (default 60s)")
	deadline := fs.String("deadline", "", "deadline of the whole sync (default 10m, or --timeout × steps)")
	wait := fs.String("wait", "0s", "how long to wait while another window syncs")
	save := fs.Bool("save", false, "save the server settings given")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	var cfg mail.Config
	if cfg.Timeout, err = parseDuration("timeout", *timeout); err != nil {
		return err
	}
	if cfg.Deadline, err = parseDuration("deadline", *deadline); err != nil {
		return err
	}
	if cfg.LeaseWait, err = parseDuration("wait", *wait); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })

	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	settings := []struct {
		flag, key string
		val       *string
	}{
		{"host", store.SettingIMAPHost, host},
		{"port", store.SettingIMAPPort, port},
		{"user", store.SettingIMAPUser, user},
		{"mailbox", store.SettingIMAPMailbox, mailbox},
		{"security", store.SettingIMAPSec, security},
	}
	for _, s := range settings {
		if given[s.flag] {
			continue
		}
		if *s.val, err = db.Setting(ctx, s.key, ""); err != nil {
			return err
		}
	}
	cfg.Host, cfg.User, cfg.Mailbox, cfg.Security = *host, *user, *mailbox, *security
	if *port != "" {
		p, err := strconv.Atoi(*port)
		if err != nil || p <= 0 || p > 65535 {
			return usageError{fmt.Sprintf(msgBadPortFlag, *port)}
		}
		cfg.Port = p
	}
	cfg.ClientVersion = Version
	if *save {
		// Settings the sync would refuse are not kept either.
		if err := mail.CheckSettings(cfg); err != nil {
			return err
		}
		for _, s := range settings {
			if given[s.flag] {
				if err := db.SetSetting(ctx, s.key, *s.val); err != nil {
					return err
				}
			}
		}
		fmt.Fprint(e.stderr, msgSettingsSaved)
	}
	if cfg.Host != "" && cfg.User != "" {
		pw, source, err := mail.Password(cfg.User, cfg.Host)
		if err != nil {
			return err
		}
		cfg.Password = pw
		fmt.Fprintf(e.stderr, msgPasswordSource, source)
	}

	st, err := mail.Sync(ctx, db, cfg, progressPrinter(e))
	for _, p := range st.Problems {
		fmt.Fprintln(e.stderr, msgSyncNote+":", p)
	}
	if err != nil {
		if st.New+st.Duplicates > 0 {
			fmt.Fprintf(e.stderr, msgSyncPartial, st.New, st.Duplicates)
		}
		return err
	}
	fmt.Fprintf(e.stderr, msgSyncSummary, st.New, st.Duplicates, st.Failed)
	if st.Failed > 0 {
		return fmt.Errorf(msgSyncFailedMails, st.Failed)
	}
	return nil
}

// progressPrinter reports progress on stderr about once a second.
func progressPrinter(e *env) func(done, total int) {
	var last time.Time
	return func(done, total int) {
		if total == 0 {
			fmt.Fprint(e.stderr, msgSyncNothing)
			return
		}
		if done != 0 && done != total && time.Since(last) < time.Second {
			return
		}
		last = time.Now()
		fmt.Fprintf(e.stderr, msgSyncProgress, done, total)
	}
}

func parseDuration(name, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, usageError{fmt.Sprintf(msgBadDuration, name, s)}
	}
	return d, nil
}
