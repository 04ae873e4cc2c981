package mail

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"beiandesk/store"
)

// ExpandPaths turns files and folders into the mail files to import, in order
// and without repeats: a folder gives every .eml file below it (any letter
// case, hidden folders skipped), in name order. A file is kept when it ends in
// .eml, or, with anyFile, whatever its name (a file typed on the command line
// was meant). A path that cannot be read is an error naming it, in Chinese.
func ExpandPaths(paths []string, anyFile bool) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf(msgImportNotFound, p)
		}
		if err != nil {
			return nil, fmt.Errorf(msgImportOpen, p, err)
		}
		if !info.IsDir() {
			if anyFile || isEML(p) {
				add(p)
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf(msgImportReadDir, q, err)
			}
			if d.IsDir() && q != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && isEML(q) {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(found)
		for _, q := range found {
			add(q)
		}
	}
	return out, nil
}

func isEML(p string) bool {
	return strings.EqualFold(filepath.Ext(p), ".eml")
}

// ImportSummary tells what ImportPaths did.
type ImportSummary struct {
	New, Duplicates int
	Failed          []ImportFailure // files that could not be imported; the others were
}

// ImportFailure is one file that could not be imported.
type ImportFailure struct {
	Path string
	Err  error
}

// ImportPaths imports the .eml files among paths and in the folders among
// them (see ExpandPaths). A file that fails is recorded and skipped; the
// rest are still imported. progress, if not nil, is called after each file
// from the calling goroutine. The error is for a path that cannot be read,
// no mail file at all, or cancellation.
func ImportPaths(ctx context.Context, db store.Book, paths []string, progress func(done, total int)) (ImportSummary, error) {
	var sum ImportSummary
	files, err := ExpandPaths(paths, false)
	if err != nil {
		return sum, err
	}
	if len(files) == 0 {
		return sum, errors.New(msgImportNoEML)
	}
	for i, p := range files {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		res, err := importPath(ctx, db, p)
		switch {
		case err != nil && ctx.Err() != nil:
			return sum, ctx.Err()
		case err != nil:
			sum.Failed = append(sum.Failed, ImportFailure{Path: p, Err: err})
		case res.Duplicate:
			sum.Duplicates++
		default:
			sum.New++
		}
		if progress != nil {
			progress(i+1, len(files))
		}
	}
	return sum, nil
}

// importPath imports one file through ImportFile, so a file that is not a
// mail is refused here as on the command line.
func importPath(ctx context.Context, db store.Book, p string) (Result, error) {
	res, err := ImportFile(ctx, db, p, nil)
	if err != nil && errors.Is(err, fs.ErrNotExist) {
		return res, fmt.Errorf(msgImportOpen, p, err)
	}
	return res, err
}
