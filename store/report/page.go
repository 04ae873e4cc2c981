package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// title is the report's title: a month, or the date range.
func (w *writer) title() string {
	r := w.r
	if r.From.Day() == 1 && r.To.Equal(r.From.AddDate(0, 1, -1)) {
		return fmt.Sprintf(titleMonth, r.From.Year(), int(r.From.Month()))
	}
	return fmt.Sprintf(titleRange, r.From.Format(dateZh), r.To.Format(dateZh))
}

// period is the line under the title and the right part of the page header.
func (w *writer) period() string {
	r := w.r
	return fmt.Sprintf(periodLine, r.From.Format(dateZh), r.To.Format(dateZh), r.AsOf.Format(dateZh), r.Today.Format(dateZh))
}

// pageSetup prints a sheet on A4 landscape, as wide as one page, with the
// title in the page header and the header row (if any) on every page. For
// a stream sheet it must run before Flush; fitToPage, which lives in the
// sheet properties, before NewStreamWriter.
func (w *writer) pageSetup(sheet string, onePage bool) error {
	f := w.f
	size, landscape, wide, tall := 9, "landscape", 1, 0
	if onePage {
		tall = 1
	}
	if sheet == sheetDetail {
		// 33 columns on one A4 width print at a third of their size,
		// unreadable (seen in the LibreOffice rendering); two pages
		// across, with the case number repeated, stay legible.
		wide = detailPagesWide
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	margin, edge := 0.5, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
	}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: fmt.Sprintf(pageHeaderFmt, hfEscape(w.title()), hfEscape(w.periodShort())),
		OddFooter: pageFooter,
	})
}

func (w *writer) periodShort() string {
	return w.r.From.Format(dateZh) + "至" + w.r.To.Format(dateZh)
}

// hfEscape protects the & of page header codes.
func hfEscape(s string) string { return strings.ReplaceAll(s, "&", "&&") }

func fitToPage(f *excelize.File, sheet string) error {
	yes := true
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes})
}

// printTitles repeats row 1 on every printed page, and on 明细, which
// spans two pages across, the case number column too.
func printTitles(f *excelize.File, sheet string) error {
	ref := fmt.Sprintf("'%s'!$1:$1", sheet)
	if sheet == sheetDetail {
		ref = fmt.Sprintf("'%s'!$A:$A,'%s'!$1:$1", sheet, sheet)
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: ref,
		Scope:    sheet,
	})
}

// detailPagesWide is how many A4 landscape pages 明细 spans across.
const detailPagesWide = 2
