package main

import (
	"context"
	"time"

	"beiandesk/store/rules"
)

func caseStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("case status", e)
	to := fs.String("to", "", "new state")
	at := fs.String("at", "", "when it happened (RFC 3339)")
	note := fs.String("note", "", "note")
	asJSON := fs.Bool("json", false, "print JSON")
	id, err := parseOneID(fs, args)
	if err != nil {
		return err
	}
	if *to == "" {
		return usageError{formatRequired("to")}
	}
	status, err := rules.ParseStatus(*to)
	if err != nil {
		return fieldError("to", err)
	}
	var when time.Time
	if *at != "" {
		if when, err = parseTime("at", *at); err != nil {
			return err
		}
	}
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.MoveCase(ctx, id, 0, status, when, *note, e.clerkName(ctx, db))
	if err != nil {
		return err
	}
	return printCase(ctx, e, db, c, *asJSON)
}
