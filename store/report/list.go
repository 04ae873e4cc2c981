package report

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// column is one column of a list sheet of T. A text column is sized to
// its longest value within [min, max] and may leave cell unset; any other
// column has a fixed width.
type column[T any] struct {
	header   string
	min, max float64
	text     func(T) string
	cell     func(T) cellVal
}

func textCol(header string, min, max float64, text func(*Row) string) column[*Row] {
	return column[*Row]{header: header, min: min, max: max, text: text}
}

func fixedCol[T any](header string, width float64, cell func(T) cellVal) column[T] {
	return column[T]{header: header, min: width, max: width, cell: cell}
}

// widths sizes the columns to the rows, or to 5,000 of them spread over a
// longer list. The header wraps onto two lines, so it needs only about half
// its length.
func widths[T any](cols []column[T], rows []T) []float64 {
	step := max(1, len(rows)/5000)
	out := make([]float64, len(cols))
	for i, c := range cols {
		width := max(c.min, displayWidth(c.header)/2+2)
		if c.text != nil {
			for i := 0; i < len(rows) && width < c.max; i += step {
				width = max(width, displayWidth(c.text(rows[i]))+1)
			}
		}
		out[i] = min(width, max(c.max, c.min))
	}
	return out
}

// displayWidth estimates the width of s in Excel's units (the width of
// "0"): CJK and full-width characters take about two.
func displayWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r >= 0x2E80:
			w += 2
		case r >= 'A' && r <= 'Z':
			w += 1.2
		default:
			w += 1
		}
	}
	return w
}

// writeList writes a table of rows with one header row: widths and the
// frozen header are set before the first row, the auto-filter and page
// setup before Flush, as the stream writer requires. tail rows (a total)
// follow the table outside the auto-filter, so sorting leaves them last.
// The stream writer writes the header row only; the rows are rendered
// into the sheet's part as the archive is written (see splicingZip).
func writeList[T any](w *writer, name string, cols []column[T], rows []T, tail ...[]cellVal) error {
	st := w.st
	if err := fitToPage(w.f, name); err != nil {
		return err
	}
	sw, err := w.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, wd := range widths(cols, rows) {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if len(cols) > len(colNames) {
		return fmt.Errorf("%d columns", len(cols))
	}
	n := 1 + len(rows)
	lastCol := colNames[len(cols)-1]
	if err := w.f.AutoFilter(name, fmt.Sprintf("A1:%s%d", lastCol, n), nil); err != nil {
		return err
	}
	if err := w.pageSetup(name, false); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if err := printTitles(w.f, name); err != nil {
		return err
	}
	part, err := w.sheetPart(name)
	if err != nil {
		return err
	}
	w.splices[part] = func(out io.Writer) error {
		return writeRows(out, cols, rows, tail, st)
	}
	return nil
}

// rowChunk is how much rendered XML is handed to the archive at a time.
const rowChunk = 256 << 10

// writeRows renders rows 2 and on: the table, then the tail.
func writeRows[T any](out io.Writer, cols []column[T], rows []T, tail [][]cellVal, st *styles) error {
	buf := make([]byte, 0, rowChunk+4096)
	vals := make([]cellVal, len(cols))
	n := 1
	emit := func(cells []cellVal) error {
		n++
		buf = appendRow(buf, n, cells)
		if len(buf) >= rowChunk {
			if _, err := out.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
		return nil
	}
	for _, r := range rows {
		for i, c := range cols {
			if c.text != nil {
				vals[i] = st.textCell(c.text(r))
			} else {
				vals[i] = c.cell(r)
			}
		}
		if err := emit(vals); err != nil {
			return err
		}
	}
	for _, t := range tail {
		if err := emit(t); err != nil {
			return err
		}
	}
	_, err := out.Write(buf)
	return err
}
