package main

import (
	"context"
	"fmt"

	"beiandesk/store"
)

// caseRecord records what was done in the national filing system before a
// deregistration or conflict may be 办结:
// case record ID --date YYYY-MM-DD --scope subject|site|app --filing F... --json
func caseRecord(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("case record", e)
	var in store.NationalRecord
	var filings stringList
	fs.StringVar(&in.Day, "date", "", "day it was done in the national system (YYYY-MM-DD; default today)")
	fs.StringVar(&in.Scope, "scope", "", "subject|site|app")
	fs.Var(&filings, "filing", "filing number cancelled (repeatable)")
	asJSON := fs.Bool("json", false, "print JSON")
	id, err := parseOneID(fs, args)
	if err != nil {
		return err
	}
	if in.Scope == "" {
		return usageError{formatRequired("scope")}
	}
	if len(filings) == 0 {
		return usageError{fmt.Sprintf(msgRequired, "filing")}
	}
	in.Filings = filings
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.RecordNational(ctx, id, 0, in, e.clerkName(ctx, db))
	if err != nil {
		return err
	}
	return printCase(ctx, e, db, c, *asJSON)
}
