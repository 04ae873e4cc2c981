// Package ledger reads the desk's old Excel ledger (台账), as kept in Excel
// or WPS over the years, and turns its rows into historic cases: .xlsx and
// .csv (UTF-8 with or without a BOM, or GB18030), title rows above the
// header, headers in many spellings, dates as Excel serials or as text,
// several filing numbers in one cell.
package ledger

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Table is one sheet of a ledger as read: the header and the data rows,
// with the rows' numbers as the spreadsheet shows them.
type Table struct {
	File      string // base name of the file
	SHA256    string // of the whole file
	Sheet     string // sheet name ("" for CSV)
	Title     string // the title rows above the header, joined
	HeaderRow int    // 1-based
	Headers   []string
	Rows      []Row
	// Year is the year found in the sheet name or the title (0 if none),
	// for dates written without one ("3月5日").
	Year int
}

// Row is one data row.
type Row struct {
	Num   int // 1-based row number in the sheet (the line's record number in CSV)
	Cells []string
	// Serial marks cells that hold an Excel number rather than text, so a
	// date column can tell a serial date from typed digits.
	Serial []bool
}

// Cell returns the trimmed text of column i ("" beyond the row's end).
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[i])
}

func (r Row) serial(i int) bool { return i >= 0 && i < len(r.Serial) && r.Serial[i] }

// maxHeaderScan is how many rows from the top may hold titles before the header.
const maxHeaderScan = 15

var (
	magicXLS  = []byte{0xD0, 0xCF, 0x11, 0xE0}
	magicZip  = []byte("PK\x03\x04")
	bomUTF8   = []byte{0xEF, 0xBB, 0xBF}
	yearRE    = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})(?:年|[^0-9]|$)`)
	numericRE = regexp.MustCompile(`^-?\d+(\.\d+)?([eE][+-]?\d+)?$`)
)

// ReadFile reads the ledger at path. sheet chooses a worksheet of an .xlsx
// by name; "" means the first sheet with a recognisable header.
func ReadFile(ctx context.Context, path, sheet string) (*Table, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf(errReadFile, path, err)
	}
	return Read(ctx, filepath.Base(path), buf, sheet)
}

// Read reads a ledger held in memory; name is shown in messages and history.
func Read(ctx context.Context, name string, buf []byte, sheet string) (*Table, error) {
	sum := sha256.Sum256(buf)
	var t *Table
	var err error
	switch {
	case bytes.HasPrefix(buf, magicXLS):
		return nil, fmt.Errorf(errLegacyXLS, name)
	case bytes.HasPrefix(buf, magicZip):
		t, err = readXLSX(ctx, buf, sheet)
	case len(bytes.TrimSpace(buf)) == 0:
		return nil, fmt.Errorf(errEmptyFile, name)
	default:
		ext := strings.ToLower(filepath.Ext(name))
		if ext == ".xlsx" || ext == ".xls" || ext == ".et" {
			return nil, fmt.Errorf(errNotWorkbook, name)
		}
		if sheet != "" {
			return nil, fmt.Errorf(errSheetCSV, sheet)
		}
		t, err = readCSV(buf)
	}
	if err != nil {
		return nil, err
	}
	t.File, t.SHA256 = name, hex.EncodeToString(sum[:])
	if y := findYear(t.Sheet); y != 0 {
		t.Year = y
	} else {
		t.Year = findYear(t.Title)
	}
	return t, nil
}

func findYear(s string) int {
	m := yearRE.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}

func readXLSX(ctx context.Context, buf []byte, sheet string) (*Table, error) {
	// Raw values: a date cell then reads as its serial number whatever its
	// number format, and reading is about twice as fast.
	f, err := excelize.OpenReader(bytes.NewReader(buf), excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf(errBadWorkbook, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if sheet != "" {
		for _, s := range sheets {
			if s == sheet || strings.TrimSpace(s) == strings.TrimSpace(sheet) {
				return readSheet(ctx, f, s)
			}
		}
		return nil, fmt.Errorf(errNoSheet, sheet, strings.Join(sheets, "、"))
	}
	for _, s := range sheets {
		if v, _ := f.GetSheetVisible(s); !v {
			continue
		}
		t, err := readSheet(ctx, f, s)
		if errors.Is(err, errNoHeaderFound) {
			continue
		}
		return t, err
	}
	return nil, fmt.Errorf(errNoHeaderAny, strings.Join(sheets, "、"))
}

var errNoHeaderFound = errors.New(errNoHeader)

func readSheet(ctx context.Context, f *excelize.File, sheet string) (*Table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf(errBadWorkbook, err)
	}
	defer rows.Close()
	var grid [][]string
	var serial [][]bool
	for rows.Next() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf(errBadWorkbook, err)
		}
		grid = append(grid, cols)
		serial = append(serial, nil)
	}
	// Which cells hold numbers: only the date columns need it, but the
	// header is not known yet; the cell types are cheap to ask for.
	for r, cols := range grid {
		for c, v := range cols {
			if v == "" || !numericRE.MatchString(strings.TrimSpace(v)) {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if typ, _ := f.GetCellType(sheet, ref); typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset || typ == excelize.CellTypeDate {
				if serial[r] == nil {
					serial[r] = make([]bool, len(cols))
				}
				serial[r][c] = true
			}
		}
	}
	// A merged block below the header (a date or a clerk written once for
	// several rows) holds its value in the top-left cell only; spread it.
	merged, _ := f.GetMergeCells(sheet)
	for _, mc := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		v := mc.GetCellValue()
		if r1-1 < len(grid) && c1-1 < len(grid[r1-1]) {
			v = grid[r1-1][c1-1] // raw, unlike GetCellValue
		}
		for r := r1; r <= r2 && r <= len(grid); r++ {
			for c := c1; c <= c2; c++ {
				if r == r1 && c == c1 {
					continue
				}
				grid[r-1] = padTo(grid[r-1], c)
				if grid[r-1][c-1] == "" {
					grid[r-1][c-1] = v
					if r1-1 < len(serial) && serial[r1-1] != nil && c1-1 < len(serial[r1-1]) && serial[r1-1][c1-1] {
						serial[r-1] = padBool(serial[r-1], len(grid[r-1]))
						serial[r-1][c-1] = true
					}
				}
			}
		}
	}
	t, err := table(grid, serial)
	if err != nil {
		return nil, err
	}
	t.Sheet = sheet
	return t, nil
}

func padTo(s []string, n int) []string {
	for len(s) < n {
		s = append(s, "")
	}
	return s
}

func padBool(s []bool, n int) []bool {
	for len(s) < n {
		s = append(s, false)
	}
	return s
}

// table finds the header among the first rows: the first row in which at
// least three cells are known headers (and the received date and the
// sponsor or a filing number among them). Rows above are the title.
func table(grid [][]string, serial [][]bool) (*Table, error) {
	for r := 0; r < len(grid) && r < maxHeaderScan; r++ {
		m := DetectMapping(grid[r])
		if len(m) < 3 {
			continue
		}
		t := &Table{HeaderRow: r + 1, Headers: trimAll(grid[r])}
		var title []string
		for _, above := range grid[:r] {
			title = append(title, nonEmpty(above)...)
		}
		t.Title = strings.Join(title, " ")
		for i := r + 1; i < len(grid); i++ {
			row := Row{Num: i + 1, Cells: grid[i]}
			if i < len(serial) {
				row.Serial = serial[i]
			}
			if len(nonEmpty(row.Cells)) == 0 {
				continue
			}
			t.Rows = append(t.Rows, row)
		}
		return t, nil
	}
	return nil, errNoHeaderFound
}

func trimAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.TrimSpace(s)
	}
	return out
}

// readCSV decodes the text (a UTF-8 BOM, else valid UTF-8, else GB18030,
// which Excel and WPS write under a Chinese Windows) and splits it on the
// delimiter its first lines use most: comma, tab or semicolon.
func readCSV(buf []byte) (*Table, error) {
	var text string
	switch {
	case bytes.HasPrefix(buf, bomUTF8):
		text = string(buf[len(bomUTF8):])
	case utf8.Valid(buf):
		text = string(buf)
	default:
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(buf)
		if err != nil {
			return nil, fmt.Errorf(errCSVEncoding, err)
		}
		text = string(dec)
	}
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	delim, best := ',', strings.Count(head, ",")
	for _, d := range []rune{'\t', ';', '；'} {
		if n := strings.Count(head, string(d)); n > best {
			delim, best = d, n
		}
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var grid [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf(errCSVShape, err)
		}
		grid = append(grid, rec)
	}
	t, err := table(grid, nil)
	if errors.Is(err, errNoHeaderFound) {
		return nil, errors.New(errNoHeaderCSV)
	}
	return t, err
}
