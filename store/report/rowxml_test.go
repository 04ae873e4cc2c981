package report

import (
	"archive/zip"
	"bytes"
	"io"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// rowTexts are texts that take every path of the cell renderer: plain
// ASCII and CJK, what XML escapes, white space at either end, control
// characters, invalid UTF-8 and non-characters, excelize's _xHHHH_ escape,
// and a text past Excel's 32,767 characters.
var rowTexts = []string{
	"", "a", "ICP-2026-00001", "晋ICP备12345678号-1", "太原市小店区网络科技有限公司", "例子.中国;example.com",
	"A&B <c> \"d\" 'e'", " lead", "trail ", "\tTab", "line\nbreak", "cr\rlf\r\n", "nul\x00x", "bell\x07",
	"bad\xffutf8", "\uFFFE\uFFFF", "😀 emoji 𠀀", "_x0041_", "a_x005F_x0041_b", "_x005F_", "_xZZZZ_", "snake_case",
	"x_x12G4_", "]]>", "&amp;", "\u2028\u00a0",
}

// longTexts pass Excel's limit (in UTF-16 units: the emoji count twice);
// each is rendered once, not in the random rows.
var longTexts = []string{strings.Repeat("长", 40000), strings.Repeat("😀", 20000), strings.Repeat("a", maxCellChars)}

// randomRow is a row of cells of every kind.
func randomRow(rng *rand.Rand, width int) []cellVal {
	cells := make([]cellVal, width)
	for i := range cells {
		c := cellVal{style: rng.IntN(4)}
		switch rng.IntN(5) {
		case 1:
			c.kind, c.n = cellInt, rng.IntN(2000)-1000
		case 2:
			c.kind = cellFloat
			switch rng.IntN(4) {
			case 0:
				c.f = serialDate(fixtureNow.AddDate(0, 0, -rng.IntN(2000)))
			case 1:
				c.f = serialTime(fixtureNow.Add(-time.Duration(rng.IntN(1e6)) * time.Second))
			case 2:
				c.f = rng.Float64() * 1e6
			default:
				c.f = rng.NormFloat64() * 1e20
			}
		case 3, 4:
			c.kind, c.s = cellText, rowTexts[rng.IntN(len(rowTexts))]
		}
		cells[i] = c
	}
	return cells
}

func excelizeCell(c cellVal) any {
	out := excelize.Cell{StyleID: c.style}
	switch c.kind {
	case cellInt:
		out.Value = c.n
	case cellFloat:
		out.Value = c.f
	case cellText:
		out.Value = c.s
	}
	return out
}

var sheetDataRe = regexp.MustCompile(`(?s)<sheetData>(.*)</sheetData>`)

// TestRowXMLAsExcelize renders rows with appendRow and with excelize's
// StreamWriter.SetRow and compares the sheet XML byte for byte.
func TestRowXMLAsExcelize(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var rows [][]cellVal
	for i := range 3000 {
		rows = append(rows, randomRow(rng, 1+i%40))
	}
	// Every text once, on its own, in the first rows.
	for i, s := range append(slices.Clone(rowTexts), longTexts...) {
		rows[i] = []cellVal{{style: 1, kind: cellText, s: s}}
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var want []byte
	for i, r := range rows {
		vals := make([]any, len(r))
		for j, c := range r {
			vals[j] = excelizeCell(c)
		}
		name, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(name, vals); err != nil {
			t.Fatal(err)
		}
		want = appendRow(want, i+1, r)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rows.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got := sheetDataRe.FindSubmatch([]byte(zipFile(t, path, "xl/worksheets/sheet1.xml")))
	if got == nil {
		t.Fatal("no sheetData")
	}
	if !bytes.Equal(got[1], want) {
		a, b := got[1], want
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		from := max(0, i-200)
		t.Fatalf("differ at byte %d:\nexcelize %q\nours     %q", i, a[from:min(len(a), i+200)], b[from:min(len(b), i+200)])
	}
}

// TestParallelFlate compresses inputs around the block size and reads them
// back with the standard library's zip reader, which checks the CRC.
func TestParallelFlate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 1000, flateBlockSize - 1, flateBlockSize, flateBlockSize + 1, 7*flateBlockSize + 12345} {
		data := make([]byte, n)
		for i := range data {
			// Compressible, like sheet XML, with some noise.
			data[i] = "<row r=\"1\"><c>"[i%14] + byte(rng.IntN(2))
		}
		var archive bytes.Buffer
		zw := zip.NewWriter(&archive)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return newParallelFlate(w), nil })
		w, err := zw.Create("part")
		if err != nil {
			t.Fatal(err)
		}
		// Odd-sized writes cross block boundaries.
		for rest := data; len(rest) > 0; {
			k := min(len(rest), 1+rng.IntN(300_000))
			if _, err := w.Write(rest[:k]); err != nil {
				t.Fatal(err)
			}
			rest = rest[k:]
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(archive.Bytes()), int64(archive.Len()))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			t.Fatal(err)
		}
		back, err := io.ReadAll(rc)
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		if !bytes.Equal(back, data) {
			t.Fatalf("%d bytes came back as %d different ones", n, len(back))
		}
	}
}
