package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"beiandesk/store/backend"
	"beiandesk/store/bookcopy"
	"beiandesk/store/postgres"
)

// bookCopy is "copy --to DST": the whole book of --db into an empty book,
// a SQLite file or a PostgreSQL database, verified after the copy.
func bookCopy(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("copy", e)
	to := fs.String("to", "", "target book (file or postgres:// URL)")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, pos)}
	}
	if *to == "" {
		return usageError{formatRequired("to")}
	}
	from, err := e.resolveDB()
	if err != nil {
		return err
	}
	if sameBook(from, *to) {
		return fieldError("to", errors.New(msgCopySame))
	}
	src, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	dumper, ok := src.(bookcopy.Dumper)
	if !ok {
		return errors.New(msgCopyUnsupported)
	}
	// A file the copy creates is removed again if the copy fails, so a
	// failed copy leaves nothing behind.
	created := false
	if !backend.IsServer(*to) {
		if _, err := os.Stat(*to); errors.Is(err, os.ErrNotExist) {
			created = true
		}
	}
	dst, err := backend.Open(ctx, *to)
	if err != nil {
		return err
	}
	loader, ok := dst.(bookcopy.Loader)
	if !ok {
		dst.Close()
		return errors.New(msgCopyUnsupported)
	}
	sum, err := bookcopy.Copy(ctx, dumper, loader)
	dst.Close()
	if err != nil {
		if created {
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(*to + suffix)
			}
		}
		if errors.Is(err, bookcopy.ErrNotEmpty) {
			return fieldError("to", err)
		}
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, struct {
			From  string           `json:"from"`
			To    string           `json:"to"`
			Rows  map[string]int64 `json:"rows"`
			Bytes int64            `json:"bytes"`
			Blobs int64            `json:"blobs_verified"`
		}{redact(from), redact(*to), sum.Rows, sum.Bytes, sum.Blobs})
	}
	fmt.Fprintf(e.stderr, msgCopyDone, redact(from), redact(*to), sum)
	return nil
}

func redact(target string) string {
	if backend.IsServer(target) {
		return postgres.Redact(target)
	}
	return target
}

func sameBook(a, b string) bool {
	if backend.IsServer(a) || backend.IsServer(b) {
		return a == b
	}
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}
