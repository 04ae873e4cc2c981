package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"beiandesk/store/workday"
)

func holidaysImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("holidays import", e)
	yearFlag := fs.String("year", "", "year of the notice")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{msgHolidaysUsage}
	}
	year := 0
	if *yearFlag != "" {
		if year, err = parseYear(*yearFlag); err != nil {
			return err
		}
	}
	var text []byte
	if pos[0] == "-" {
		text, err = io.ReadAll(io.LimitReader(e.stdin, 1<<20))
	} else {
		text, err = os.ReadFile(pos[0])
	}
	if err != nil {
		return fmt.Errorf("读取 %s: %w", pos[0], err)
	}
	y, err := workday.ParseNotice(string(text), year)
	if err != nil {
		return fieldError("file", err)
	}
	if year != 0 && y.Year != year {
		return fmt.Errorf(msgYearMismatch, year, y.Year)
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.ImportYear(ctx, y, filepath.Base(pos[0])); err != nil {
		return err
	}
	// The message goes to stderr: stdout stays free for machine output.
	fmt.Fprintf(e.stderr, msgImported, y.Year, len(y.Off), len(y.Work))
	return nil
}

func holidaysList(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("holidays list", e)
	yearFlag := fs.String("year", "", "year")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, pos)}
	}
	if *yearFlag == "" {
		return usageError{formatRequired("year")}
	}
	year, err := parseYear(*yearFlag)
	if err != nil {
		return err
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
	y := cal.Year(year)
	out := struct {
		Year int      `json:"year"`
		Off  []string `json:"off"`
		Work []string `json:"work"`
	}{year, nonNil(y.Off), nonNil(y.Work)}
	if *asJSON {
		return writeJSON(e.stdout, out)
	}
	for _, d := range out.Off {
		fmt.Fprintln(e.stdout, d, "休")
	}
	for _, d := range out.Work {
		fmt.Fprintln(e.stdout, d, "班")
	}
	return nil
}

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > 2100 {
		return 0, fmt.Errorf(msgBadYear, s)
	}
	return y, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
