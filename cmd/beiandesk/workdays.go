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
	_, err = fmt.Fprintln(e.stdout, workday.Format(cal.AddWorkdays(workday.DayOf(t), n)))
	return err
}
