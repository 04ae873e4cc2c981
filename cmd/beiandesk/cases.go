package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func casesList(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("cases", e)
	month := fs.String("month", "", "YYYY-MM of receipt")
	status := fs.String("status", "", "state")
	kind := fs.String("kind", "", "kind")
	channel := fs.String("channel", "", "channel")
	query := fs.String("q", "", "search text")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	f := store.Filter{Query: *query}
	if *month != "" {
		if f.Month, err = parseMonth("month", *month); err != nil {
			return err
		}
	}
	if *status != "" && *status != "open" {
		s, err := rules.ParseStatus(*status)
		if err != nil {
			return fieldError("status", err)
		}
		f.Status = string(s)
	} else {
		f.Status = *status
	}
	if *kind != "" {
		k, err := rules.ParseKind(*kind)
		if err != nil {
			return fieldError("kind", err)
		}
		f.Kind = string(k)
	}
	if *channel != "" {
		c, err := rules.ParseChannel(*channel)
		if err != nil {
			return fieldError("channel", err)
		}
		f.Channel = string(c)
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cases, err := db.Cases(ctx, f, true)
	if err != nil {
		return err
	}
	if !*asJSON {
		for _, c := range cases {
			if err := printCase(ctx, e, db, c, false); err != nil {
				return err
			}
		}
		return nil
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	today := workday.DayOf(time.Now())
	out := make([]caseJSON, len(cases))
	for i, c := range cases {
		out[i] = toCaseJSON(c, cal, today)
	}
	return writeJSON(e.stdout, out)
}
