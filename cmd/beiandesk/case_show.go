package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// caseShowJSON is the case JSON with the case's history.
type caseShowJSON struct {
	caseJSON
	History []eventJSON `json:"history"`
}

// eventJSON is one history entry. from and to are null when the entry is
// not a status move (a check, an edit, a linked mail, a file).
type eventJSON struct {
	At         string  `json:"at"`
	RecordedAt string  `json:"recorded_at"`
	Clerk      string  `json:"clerk"`
	Action     string  `json:"action"`
	From       *string `json:"from"`
	To         *string `json:"to"`
	Note       string  `json:"note"`
}

// caseShow prints one case with its history, in the order things happened
// (a status move entered later with an earlier --at sorts by --at; entries
// of the same moment keep the order they were recorded in).
func caseShow(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("case show", e)
	asJSON := fs.Bool("json", false, "print JSON")
	id, err := parseOneID(fs, args)
	if err != nil {
		return err
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	c, err := db.Case(ctx, id)
	if err != nil {
		return err
	}
	hist, err := db.History(ctx, id)
	if err != nil {
		return err
	}
	slices.SortStableFunc(hist, func(a, b store.Event) int { return a.At.Compare(b.At) })
	if !*asJSON {
		if err := printCase(ctx, e, db, c, false); err != nil {
			return err
		}
		for _, ev := range hist {
			move := ""
			if ev.From != "" || ev.To != "" {
				move = ev.From.Label() + "→" + ev.To.Label()
			}
			fmt.Fprintf(e.stdout, "  %s\t%s\t%s\t%s\t%s\n", chinaRFC3339(ev.At), ev.Clerk, ev.Action, move, ev.Note)
		}
		return nil
	}
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	out := caseShowJSON{caseJSON: toCaseJSON(c, cal, workday.DayOf(time.Now())), History: make([]eventJSON, len(hist))}
	for i, ev := range hist {
		out.History[i] = eventJSON{At: chinaRFC3339(ev.At), RecordedAt: chinaRFC3339(ev.RecordedAt), Clerk: ev.Clerk,
			Action: ev.Action, From: optStatus(string(ev.From)), To: optStatus(string(ev.To)), Note: ev.Note}
	}
	return writeJSON(e.stdout, out)
}

func chinaRFC3339(t time.Time) string { return t.In(workday.China()).Format(time.RFC3339) }

func optStatus(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
