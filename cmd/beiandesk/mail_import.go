package main

import (
	"context"
	"fmt"
	"strings"

	"beiandesk/mail"
	"beiandesk/store"
)

// mailImport imports saved .eml files ("-" reads one from stdin). A file
// that fails is reported and skipped; the others are still imported.
func mailImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("import", e)
	files, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError{msgNeedFiles}
	}
	// Folders give the .eml files below them; files named here are taken
	// whatever their extension, and "-" stays stdin.
	var expanded []string
	var failed int
	for _, name := range files {
		if name == "-" {
			expanded = append(expanded, name)
			continue
		}
		list, err := mail.ExpandPaths([]string{name}, true)
		if err != nil {
			fmt.Fprintf(e.stderr, "beiandesk: %v\n", err)
			failed++
			continue
		}
		expanded = append(expanded, list...)
	}
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	var added, dups int
	for _, name := range expanded {
		res, err := importFile(ctx, e, db, name)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			msg := describe(err)
			if !strings.Contains(msg, name) {
				msg = name + ": " + msg
			}
			fmt.Fprintln(e.stderr, "beiandesk:", msg)
			failed++
			continue
		}
		if res.Duplicate {
			dups++
		} else {
			added++
		}
	}
	fmt.Fprintf(e.stdout, msgImportSummary, added, dups)
	if failed > 0 {
		return fmt.Errorf(msgImportFailed, failed)
	}
	return nil
}

func importFile(ctx context.Context, e *env, db store.Book, name string) (mail.Result, error) {
	return mail.ImportFile(ctx, db, name, e.stdin)
}
