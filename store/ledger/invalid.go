package ledger

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// WriteInvalid writes the rows that were not imported to an .xlsx at path:
// the ledger's own header and cells, then two columns naming the column at
// fault and the reason, so the clerk can fix them there and import the file
// again. The headers are kept, so the new file maps like the old one.
func WriteInvalid(path string, t *Table, probs []Problem) (err error) {
	byRow := make(map[int]Problem, len(probs))
	for _, p := range probs {
		if _, ok := byRow[p.Row]; !ok {
			byRow[p.Row] = p
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	if t.Sheet != "" {
		sheet = t.Sheet
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return fmt.Errorf(errWriteInvalid, path, err)
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf(errWriteInvalid, path, err)
	}
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": digits stay text in Excel
	row := func(n int, cells []string) error {
		vals := make([]any, len(cells))
		for i, c := range cells {
			vals[i] = excelize.Cell{StyleID: text, Value: c}
		}
		ref, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(ref, vals)
	}
	n := 1
	header := append(append([]string{}, t.Headers...), txtInvalidRow, txtInvalidColumn, txtInvalidReason)
	if err := row(n, header); err != nil {
		return fmt.Errorf(errWriteInvalid, path, err)
	}
	for _, r := range t.Rows {
		p, ok := byRow[r.Num]
		if !ok {
			continue
		}
		cells := make([]string, len(t.Headers))
		copy(cells, r.Cells)
		// Dates read as serials are written back as text in the ledger's
		// own form, so the file reads the same when imported again.
		for i := range cells {
			if r.serial(i) && i < len(r.Cells) {
				if d, err := parseDate(r.Cells[i], true, 0); err == nil {
					cells[i] = d.Format("2006-01-02")
				}
			}
		}
		n++
		if err := row(n, append(cells, fmt.Sprint(r.Num), p.Column, p.Reason)); err != nil {
			return fmt.Errorf(errWriteInvalid, path, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf(errWriteInvalid, path, err)
	}
	// Written beside the target and renamed: never half a file.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".invalid-*.xlsx")
	if err != nil {
		return fmt.Errorf(errWriteInvalid, path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := f.WriteTo(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf(errWriteInvalid, path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf(errWriteInvalid, path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf(errWriteInvalid, path, err)
	}
	return nil
}
