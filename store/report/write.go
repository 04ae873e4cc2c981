package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// Write writes the workbook of r to path. The file appears whole or not at
// all: it is written to a temporary file in the same directory, synced and
// renamed over path, so a crash or a full disk never leaves half a report
// (or destroys the previous one) at path.
func Write(r *Report, path string) (err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("write report: %s is a directory", path)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write report: cannot create a file in %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	f, err := build(r)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	defer f.Close()
	if _, err := f.WriteTo(tmp); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	// CreateTemp makes the file private; a report is an ordinary document.
	if err := tmp.Chmod(0o644); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write report %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable. Not every system can sync a directory
// (Windows cannot), and the report is complete either way, so errors are
// ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}

// build lays out the workbook in memory (list sheets stream to temporary
// files once they grow).
func build(r *Report) (*excelize.File, error) {
	f := excelize.NewFile()
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	w := &writer{f: f, r: r, st: st}
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return nil, err
	}
	for _, name := range []string{sheetDetail, sheetOverdue, sheetProvider} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{sheetSummary, w.summary},
		{sheetDetail, w.detail},
		{sheetOverdue, w.overdue},
		{sheetProvider, w.providers},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{Title: w.title(), Creator: orgName}); err != nil {
		return nil, err
	}
	ok = true
	return f, nil
}

// writer holds what every sheet needs.
type writer struct {
	f  *excelize.File
	r  *Report
	st *styles
}
