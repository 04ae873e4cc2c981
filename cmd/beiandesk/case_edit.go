package main

import (
	"context"
	"flag"

	"beiandesk/store"
)

// caseEdit corrects the fields of a registered case; only the flags given
// change anything (repeat --filing / --domain to replace the whole list).
func caseEdit(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("case edit", e)
	sponsor := fs.String("sponsor", "", "sponsor name")
	cert := fs.String("cert-no", "", "USCC or resident ID number")
	provider := fs.String("provider", "", "access provider")
	contact := fs.String("contact", "", "contact person")
	phone := fs.String("phone", "", "contact phone")
	note := fs.String("note", "", "note")
	received := fs.String("received", "", "corrected receipt time (RFC 3339)")
	kind := fs.String("kind", "", "corrected kind")
	channel := fs.String("channel", "", "corrected channel")
	sponsorType := fs.String("sponsor-type", "", "corrected sponsor type org|person")
	var filings, domains stringList
	fs.Var(&filings, "filing", "filing number (repeatable; replaces the list)")
	fs.Var(&domains, "domain", "domain name (repeatable; replaces the list)")
	asJSON := fs.Bool("json", false, "print JSON")
	id, err := parseOneID(fs, args)
	if err != nil {
		return err
	}
	var edit store.CaseEdit
	var timeErr error
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "received":
			t, err := parseTime("received", *received)
			edit.Core.ReceivedAt, timeErr = &t, err
		case "kind":
			edit.Core.Kind = kind
		case "channel":
			edit.Core.Channel = channel
		case "sponsor-type":
			edit.Core.SponsorType = sponsorType
		case "sponsor":
			edit.Sponsor = sponsor
		case "cert-no":
			edit.CertNo = cert
		case "provider":
			edit.Provider = provider
		case "contact":
			edit.Contact = contact
		case "phone":
			edit.Phone = phone
		case "note":
			edit.Note = note
		case "filing":
			edit.Filings = append([]string{}, filings...)
		case "domain":
			edit.Domains = append([]string{}, domains...)
		}
	})
	if timeErr != nil {
		return timeErr
	}
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.UpdateCase(ctx, id, 0, edit, e.clerkName(ctx, db))
	if err != nil {
		return err
	}
	return printCase(ctx, e, db, c, *asJSON)
}
