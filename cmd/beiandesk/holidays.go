package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

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
	text, err := readNotice(pos[0], e.stdin)
	if err != nil {
		return err
	}
	y, err := workday.ParseNotice(string(text), year)
	if err != nil {
		return fieldError("file", err)
	}
	if year != 0 && y.Year != year {
		return fmt.Errorf(msgYearMismatch, year, y.Year)
	}
	db, err := e.openWrite(ctx)
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

// maxNotice bounds what holidays import reads: a notice is a few KB, and a
// device such as /dev/zero must not fill the memory.
const maxNotice = 1 << 20

// readNotice reads a notice from the file name ("-": stdin), refusing
// anything longer than maxNotice and anything that is not text.
func readNotice(name string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf(msgNoticeRead, name, err)
		}
		defer f.Close()
		r = f
	}
	text, err := io.ReadAll(io.LimitReader(r, maxNotice+1))
	if err != nil {
		return nil, fmt.Errorf(msgNoticeRead, name, err)
	}
	if len(text) > maxNotice {
		return nil, fieldError("file", fmt.Errorf(msgNoticeTooBig, name))
	}
	if bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(text) {
		return nil, fieldError("file", fmt.Errorf(msgNoticeNotText, name))
	}
	return text, nil
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
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
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
