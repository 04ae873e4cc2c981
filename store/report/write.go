package report

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"

	"beiandesk/store/safefile"
)

// Write writes the workbook of r to path. The file appears whole or not at
// all: it is written to a temporary file in the same directory, synced and
// renamed over path, so a crash or a full disk never leaves half a report
// (or destroys the previous one) at path. A database file is never the
// target (see safefile.CheckTarget).
func Write(r *Report, path string) error {
	return safefile.Write(context.Background(), path, safefile.Options{Replace: true}, func(tmp string) error {
		out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		if err := writeTo(r, out); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

func writeTo(r *Report, tmp *os.File) error {
	f, splices, err := build(r)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	defer f.Close()
	// excelize assembles the zip in a bytes.Buffer and copies it out; for
	// 100k cases that is a 17 MB buffer grown by doubling. Its zip writer
	// hook lets the archive go straight to the file instead, leaving the
	// buffer empty; strictWriter fails loudly should a later excelize put
	// anything in it after all. The hook also splices the list sheets' rows
	// into their sheet parts (see splicingZip).
	var zw *splicingZip
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		z := zip.NewWriter(tmp)
		z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return newParallelFlate(w), nil
		})
		zw = &splicingZip{zw: z, splices: splices}
		return zw
	})
	if _, err := f.WriteTo(strictWriter{}); err != nil {
		return err
	}
	if zw == nil || len(zw.splices) > 0 {
		return errors.New("write report: the rows of a list sheet were not written")
	}
	return nil
}

// splicingZip is the workbook's zip writer. The list sheets' stream writers
// hold only their header row; the rows, rendered by rowxml.go, go straight
// into the sheet's part in the archive, before its </sheetData>, instead of
// through excelize's temporary file.
type splicingZip struct {
	zw *zip.Writer
	// splices writes the rows of the sheet part at a path; each is removed
	// once done.
	splices map[string]func(io.Writer) error
	path    string // the part held in part, "" when none
	part    bytes.Buffer
}

func (z *splicingZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if _, ok := z.splices[name]; ok {
		// excelize writes the part whole; it is small (the header row),
		// so it is held until the next part begins.
		z.path = name
		z.part.Reset()
		return &z.part, nil
	}
	return z.zw.Create(name)
}

func (z *splicingZip) AddFS(fsys fs.FS) error {
	if err := z.finish(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

func (z *splicingZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	return z.zw.Close()
}

// sheetDataEnd is where the rows go: a stream writer's sheet has one.
var sheetDataEnd = []byte("</sheetData>")

func (z *splicingZip) finish() error {
	if z.path == "" {
		return nil
	}
	path, data := z.path, z.part.Bytes()
	z.path = ""
	at := bytes.Index(data, sheetDataEnd)
	if at < 0 || bytes.Count(data, sheetDataEnd) != 1 || bytes.Count(data[:at], []byte("<row ")) != 1 {
		return fmt.Errorf("write report: %s is not a sheet holding only its header row", path)
	}
	w, err := z.zw.Create(path)
	if err != nil {
		return err
	}
	if _, err := w.Write(data[:at]); err != nil {
		return err
	}
	if err := z.splices[path](w); err != nil {
		return err
	}
	delete(z.splices, path)
	_, err = w.Write(data[at:])
	return err
}

// strictWriter refuses every byte; see Write.
type strictWriter struct{}

func (strictWriter) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return 0, errors.New("excelize wrote the workbook outside its zip writer")
}

// build lays out the workbook in memory (list sheets stream to temporary
// files once they grow).
func build(r *Report) (*excelize.File, map[string]func(io.Writer) error, error) {
	f := excelize.NewFile()
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return nil, nil, err
	}
	w := &writer{f: f, r: r, st: st, splices: map[string]func(io.Writer) error{}}
	if err := f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return nil, nil, err
	}
	for _, name := range []string{sheetDetail, sheetOverdue, sheetProvider} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, nil, err
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
			return nil, nil, fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	// No SetActiveSheet: 汇总 is first and so active already, and
	// SetActiveSheet would parse every flushed stream sheet back into
	// memory (350 MB for 100k cases).
	if err := f.SetDocProps(&excelize.DocProperties{Title: w.title(), Creator: orgName}); err != nil {
		return nil, nil, err
	}
	ok = true
	return f, w.splices, nil
}

// writer holds what every sheet needs.
type writer struct {
	f  *excelize.File
	r  *Report
	st *styles
	// splices are the rows of the list sheets by sheet part (see
	// splicingZip).
	splices map[string]func(io.Writer) error
}

// sheetPart is the path of a sheet's part in the archive: excelize names a
// new sheet's part by its sheet ID. splicingZip checks the part it finds
// there.
func (w *writer) sheetPart(name string) (string, error) {
	for id, n := range w.f.GetSheetMap() {
		if n == name {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml", nil
		}
	}
	return "", fmt.Errorf("no sheet %s", name)
}
