package main

import (
	"context"
	"errors"
	"fmt"

	"beiandesk/store"
	"strings"

	"beiandesk/store/safefile"
)

func backup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("backup", e)
	out := fs.String("out", "", "backup file")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	if *out == "" {
		return usageError{formatRequired("out")}
	}
	// Refused before the book is opened: the target may be the book itself.
	if dbPath, err := e.resolveDB(); err == nil {
		if err := safefile.CheckTarget(*out, dbPath); err != nil {
			return fieldError("out", err)
		}
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	b, ok := db.(store.Backuper)
	if !ok {
		return errors.New(msgBackupUnsupported)
	}
	if err := b.Backup(ctx, *out); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, msgBackupDone, *out)
	return nil
}
