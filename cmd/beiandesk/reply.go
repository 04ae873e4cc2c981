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
	"beiandesk/store/notice"
)

// Chinese text of the reply and outbox commands.
const (
	msgReplyOutOnlyDry = "--out 只与 --dry-run 一起使用"
	msgReplyDryNeedOut = "--dry-run 需要 --out FILE.eml"
	msgReplyBadPort    = "端口“%s”无效"
	msgReplyRecover    = "提示:检查上次未完成的发送时出错:%v\n"
	msgReplyRecovered  = "上次未完成的发送:%d 封已在已发送文件夹中找到并记为已发出,%d 封待核实\n"
	msgReplyDryDone    = "未发送;邮件已写入 %s\n"
	msgReplySent       = "已发送 %s 至 %s\n"
	msgReplyProblem    = "提示:%s\n"
)

// replyJSON is the answer of `reply --json`.
type replyJSON struct {
	MessageID string  `json:"message_id"`
	To        string  `json:"to"`
	Subject   string  `json:"subject"`
	SentAt    *string `json:"sent_at"`
	Appended  bool    `json:"appended"`
	OutboxID  int64   `json:"outbox_id,omitempty"`
	MailID    int64   `json:"mail_id,omitempty"`
	DryRun    bool    `json:"dry_run,omitempty"`
	Problem   string  `json:"problem,omitempty"`
}

// mailFlags are the account overrides shared by reply and outbox.
type mailFlags struct {
	smtpHost, smtpPort, smtpSec *string
	imapHost, imapPort, imapSec *string
	user, from                  *string
}

func addMailFlags(fs *flag.FlagSet) *mailFlags {
	return &mailFlags{
		smtpHost: fs.String("smtp-host", "", "SMTP server"), smtpPort: fs.String("smtp-port", "", "SMTP port"),
		smtpSec:  fs.String("smtp-security", "", "tls|starttls|none"),
		imapHost: fs.String("imap-host", "", "IMAP server (sent folder)"), imapPort: fs.String("imap-port", "", "IMAP port"),
		imapSec: fs.String("imap-security", "", "tls|starttls|none"), user: fs.String("user", "", "mailbox account"),
		from: fs.String("from", "", "sender address, when the account name is not one"),
	}
}

// account loads the saved account (one loader for IMAP and SMTP) and
// applies the flags given.
func (f *mailFlags) account(ctx context.Context, db store.Book) (mail.Account, error) {
	a, err := mail.LoadAccount(ctx, db)
	if err != nil {
		return a, err
	}
	port := func(name, s string, dst *int) error {
		if s == "" {
			return nil
		}
		p, err := strconv.Atoi(s)
		if err != nil || p <= 0 || p > 65535 {
			return fieldError(name, fmt.Errorf(msgReplyBadPort, s))
		}
		*dst = p
		return nil
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&a.SMTP.Host, *f.smtpHost)
	set(&a.SMTP.Security, *f.smtpSec)
	set(&a.IMAP.Host, *f.imapHost)
	set(&a.IMAP.Security, *f.imapSec)
	if *f.user != "" {
		a.IMAP.User, a.SMTP.User = *f.user, *f.user
		if strings.Contains(*f.user, "@") {
			a.Address = *f.user
		}
		if pw, _, err := mail.Password(*f.user, a.IMAP.Host); err == nil {
			a.IMAP.Password, a.SMTP.Password = pw, pw
		}
	}
	set(&a.Address, *f.from)
	if err := port("smtp-port", *f.smtpPort, &a.SMTP.Port); err != nil {
		return a, err
	}
	if err := port("imap-port", *f.imapPort, &a.IMAP.Port); err != nil {
		return a, err
	}
	a.IMAP.ClientVersion = Version
	a.IMAP.Timeout = 30 * time.Second
	a.SMTP.Timeout = 60 * time.Second
	return a, nil
}

// reply answers the applicant of a case by mail with a notice.
func reply(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("reply", e)
	kind := fs.String("kind", "", "receipt|accept|return|reject|done")
	to := fs.String("to", "", "recipient address")
	dry := fs.Bool("dry-run", false, "write the message, do not send")
	out := fs.String("out", "", "with --dry-run: .eml file to write")
	asJSON := fs.Bool("json", false, "print JSON")
	mf := addMailFlags(fs)
	id, err := parseOneID(fs, args)
	if err != nil {
		return err
	}
	if *kind == "" {
		return usageError{formatRequired("kind")}
	}
	k, err := notice.ParseKind(*kind)
	if err != nil {
		return fieldError("kind", err)
	}
	switch {
	case *out != "" && !*dry:
		return usageError{msgReplyOutOnlyDry}
	case *dry && *out == "":
		return usageError{msgReplyDryNeedOut}
	case *dry:
		if err := checkOut(*out); err != nil {
			return err
		}
	}
	// A send writes the outbox and the sent copy, so a damaged book is
	// refused first, as for every command that writes; a dry run only reads.
	open := e.openWrite
	if *dry {
		open = e.open
	}
	db, err := open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	acct, err := mf.account(ctx, db)
	if err != nil {
		return err
	}
	clerk := e.clerkName(ctx, db)
	if !*dry {
		recoverOutbox(ctx, e, db, acct, clerk)
	}
	d, err := mail.Compose(ctx, db, mail.ComposeInput{CaseID: id, Kind: k, To: *to, From: acct.Address,
		Fonts: noticeFonts(), Now: time.Now(), Clerk: clerk})
	if err != nil {
		return err
	}
	if *dry {
		if err := writeFileAtomic(*out, d.Raw); err != nil {
			return fieldError("out", fmt.Errorf(msgNoticeWrite, *out, err))
		}
		fmt.Fprintf(e.stderr, msgReplyDryDone, *out)
		if *asJSON {
			return writeJSON(e.stdout, replyJSON{MessageID: d.MessageID, To: d.To, Subject: d.Subject, DryRun: true})
		}
		return nil
	}
	res, err := mail.Send(ctx, db, acct, d, clerk)
	if err != nil {
		return err
	}
	if res.Problem != "" {
		fmt.Fprintf(e.stderr, msgReplyProblem, res.Problem)
	}
	fmt.Fprintf(e.stderr, msgReplySent, d.Subject, res.To)
	if !*asJSON {
		return nil
	}
	at := res.SentAt.Format(time.RFC3339)
	return writeJSON(e.stdout, replyJSON{MessageID: res.MessageID, To: res.To, Subject: res.Subject, SentAt: &at,
		Appended: res.Appended, OutboxID: res.OutboxID, MailID: res.MailID, Problem: res.Problem})
}

// recoverOutbox resolves sends an earlier run left unfinished; its
// failure (no IMAP access) is only reported.
func recoverOutbox(ctx context.Context, e *env, db store.Book, acct mail.Account, clerk string) {
	st, err := mail.Recover(ctx, db, acct, clerk)
	switch {
	case err != nil:
		fmt.Fprintf(e.stderr, msgReplyRecover, err)
	case st.Sent+st.Uncertain > 0:
		fmt.Fprintf(e.stderr, msgReplyRecovered, st.Sent, st.Uncertain)
	}
}
