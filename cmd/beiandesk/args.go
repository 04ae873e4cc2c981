package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"beiandesk/store/workday"
)

// stringList is a repeatable flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// parseTime reads a moment: RFC 3339, or a date and time without an offset,
// which is taken as China time (the desk's clock).
func parseTime(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, workday.China()); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--%s: "+msgBadTime, field, s)
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, usageError{fmt.Sprintf(msgBadID, s)}
	}
	return id, nil
}

func parseMonth(field, s string) (string, error) {
	if _, err := time.Parse("2006-01", s); err != nil || len(s) != 7 {
		return "", fmt.Errorf("--%s: "+msgBadMonth, field, s)
	}
	return s, nil
}

// parseOneID parses the flags of a command that names one case (case show,
// edit, check, status, record, notice, reply) and returns the case's ID.
func parseOneID(fs *flag.FlagSet, args []string) (int64, error) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		return 0, usageError{msgNeedOneID}
	}
	return parseID(pos[0])
}
