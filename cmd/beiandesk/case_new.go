package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

func caseNew(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("case new", e)
	var in store.NewCase
	var received string
	var filings, domains, mails stringList
	fs.StringVar(&in.Kind, "kind", "", "deregister|password|conflict|other")
	fs.StringVar(&in.Channel, "channel", "", "email|fax|post|counter|online")
	fs.StringVar(&received, "received", "", "time of receipt (RFC 3339)")
	fs.StringVar(&in.SponsorType, "sponsor-type", "", "org|person")
	fs.StringVar(&in.Applicant, "applicant", "", "legal|agent")
	fs.StringVar(&in.Stage, "stage", "", "conflict only: review|issued (default: issued when --filing is given)")
	fs.StringVar(&in.Sponsor, "sponsor", "", "sponsor name")
	fs.StringVar(&in.CertNo, "cert-no", "", "USCC or resident ID number")
	fs.StringVar(&in.Provider, "provider", "", "access provider")
	fs.StringVar(&in.Contact, "contact", "", "contact person")
	fs.StringVar(&in.Phone, "phone", "", "contact phone")
	fs.StringVar(&in.Note, "note", "", "note")
	fs.Var(&filings, "filing", "filing number (repeatable)")
	fs.Var(&domains, "domain", "domain name (repeatable)")
	fs.Var(&mails, "mail", "mail id (repeatable)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	for _, f := range []struct{ name, val string }{{"kind", in.Kind}, {"channel", in.Channel}, {"received", received}} {
		if f.val == "" {
			return usageError{fmt.Sprintf(msgRequired, f.name)}
		}
	}
	if in.ReceivedAt, err = parseTime("received", received); err != nil {
		return err
	}
	in.Filings, in.Domains = filings, domains
	for _, m := range mails {
		id, err := strconv.ParseInt(m, 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("--mail: "+msgBadID, m)
		}
		in.MailIDs = append(in.MailIDs, id)
	}
	// Check everything before the database is even opened.
	if err := in.Validate(); err != nil {
		return err
	}
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.CreateCase(ctx, in, e.clerkName(ctx, db))
	if err != nil {
		return err
	}
	for _, w := range c.Warnings {
		fmt.Fprintln(e.stderr, msgFilingWarn+":", w)
	}
	return printCase(ctx, e, db, c, *asJSON)
}

func printCase(ctx context.Context, e *env, db store.Book, c *store.Case, asJSON bool) error {
	if !asJSON {
		due := c.Due
		if due == "" {
			due = "-"
		}
		_, err := fmt.Fprintf(e.stdout, "%d\t%s\t%s\t%s\t%s\n", c.ID, c.Number, c.Status.Label(), due, c.Sponsor)
		return err
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	return writeJSON(e.stdout, toCaseJSON(c, cal, workday.DayOf(time.Now())))
}
