package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"beiandesk/store/workday"
)

func workdays(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("workdays", e)
	from := fs.String("from", "", "day of receipt YYYY-MM-DD[THH:MM]")
	days := fs.String("days", "", "working days")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	if *from == "" {
		return usageError{formatRequired("from")}
	}
	if *days == "" {
		return usageError{formatRequired("days")}
	}
	t, err := parseTime("from", *from)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(*days)
	if err != nil || n < 0 || n > 365 {
		return errors.New(msgBadDays)
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	day := workday.DayOf(t)
	due := cal.AddWorkdays(day, n)
	// stdout carries the date alone; what is uncertain about it goes to
	// stderr.
	for _, w := range cal.SpanWarnings(day, due) {
		fmt.Fprintln(e.stderr, msgWarning+":", w)
	}
	_, err = fmt.Fprintln(e.stdout, workday.Format(due))
	return err
}
