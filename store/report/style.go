package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Number formats. Dates are real Excel dates shown ISO style, which sorts
// and filters as a clerk expects; "@" marks text cells, so that Excel
// keeps 0351-8788032 and 91350100M000100Y43 as typed.
const (
	fmtDate     = "yyyy-mm-dd"
	fmtDateTime = "yyyy-mm-dd hh:mm"
	fmtPercent  = "0.0%"
	fmtDecimal  = "0.0"
	numFmtText  = 49 // built-in "@"
	numFmtInt   = 1  // built-in "0"
)

const headerFill = "DDEBF7"

// styles are the cell styles of the workbook, by role.
type styles struct {
	title, subtitle, section int
	header                   int
	text, textBold           int
	integer, integerBold     int
	date, dateTime           int
	percent, decimal         int
	label                    int // first column of a summary table
	note                     int // explanation beside a key figure
	sign                     int // the 制表人 / 审核人 line
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1},
		{Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1},
		{Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	vcenter := &excelize.Alignment{Vertical: "center"}
	custom := func(s string) *string { return &s }
	var s styles
	defs := []struct {
		id *int
		st excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}}},
		{&s.subtitle, excelize.Style{Font: &excelize.Font{Color: "595959"}}},
		{&s.section, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{NumFmt: numFmtText, Border: border, Alignment: vcenter}},
		{&s.textBold, excelize.Style{NumFmt: numFmtText, Border: border, Alignment: vcenter, Font: &excelize.Font{Bold: true}}},
		{&s.integer, excelize.Style{NumFmt: numFmtInt, Border: border, Alignment: vcenter}},
		{&s.integerBold, excelize.Style{NumFmt: numFmtInt, Border: border, Alignment: vcenter, Font: &excelize.Font{Bold: true}}},
		{&s.date, excelize.Style{CustomNumFmt: custom(fmtDate), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.dateTime, excelize.Style{CustomNumFmt: custom(fmtDateTime), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.percent, excelize.Style{CustomNumFmt: custom(fmtPercent), Border: border, Alignment: vcenter}},
		{&s.decimal, excelize.Style{CustomNumFmt: custom(fmtDecimal), Border: border, Alignment: vcenter}},
		{&s.label, excelize.Style{NumFmt: numFmtText, Border: border, Alignment: vcenter, Font: &excelize.Font{Bold: true}}},
		{&s.sign, excelize.Style{Font: &excelize.Font{Size: 11}, Alignment: &excelize.Alignment{Vertical: "bottom"}}},
		{&s.note, excelize.Style{NumFmt: numFmtText, Border: border, Font: &excelize.Font{Color: "595959"},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.st)
		if err != nil {
			return nil, fmt.Errorf("style: %w", err)
		}
		*d.id = id
	}
	return &s, nil
}
