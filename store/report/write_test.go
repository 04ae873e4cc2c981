package report

import (
	"archive/zip"
	"html"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// exportOctober writes the fixture's October report and opens it again.
func exportOctober(t *testing.T) (*fixture, *excelize.File, string) {
	t.Helper()
	f := newFixture(t)
	r := compute(t, f, 2026, time.October, workday.DayOf(fixtureNow))
	r.Preparer = "张科员"
	path := filepath.Join(t.TempDir(), "2026-10.xlsx")
	if err := Write(r, path); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return f, x, path
}

func TestWriteSheets(t *testing.T) {
	_, x, _ := exportOctober(t)
	want := []string{"汇总", "明细", "逾期", "接入商"}
	if got := x.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if x.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d", x.GetActiveSheetIndex())
	}
}

// Every cell of the summary, as Excel shows it.
func TestWriteSummary(t *testing.T) {
	_, x, _ := exportOctober(t)
	const sh = "汇总"
	want := map[string]string{
		"A1": "山西省通信管理局 备案注销/找回密码受理情况月报 2026年10月",
		"A2": "统计期间：2026年10月1日至2026年10月31日　　逾期计算截至：2026年10月31日　　制表日期：2026年11月27日",
		"A4": "一、收件情况（按类型、渠道）",
	}
	table := [][]string{
		{"类型", "电子邮件", "传真", "邮寄", "现场", "网上", "合计"},
		{"注销备案", "2", "1", "1", "1", "0", "5"},
		{"找回密码", "0", "0", "1", "0", "1", "2"},
		{"备案冲突", "0", "0", "0", "0", "0", "0"},
		{"其他", "1", "0", "0", "0", "0", "1"},
		{"合计", "3", "1", "2", "1", "1", "8"},
	}
	for i, row := range table {
		for j, v := range row {
			want[cellName(t, j+1, 5+i)] = v
		}
	}
	want["A12"] = "二、办理情况"
	// 本期 and 本年累计 (September adds I, N, O received; N, O accepted;
	// O done on time).
	figures := [][3]string{
		{"指标", "本期", "本年累计"},
		{"收件（登记）数", "8", "12"}, {"受理数", "6", "8"}, {"退回补正（件）", "2", "2"}, {"一次性告知书（份）", "2", "2"},
		{"办结数", "6", "7"}, {"其中：已办结", "5", "6"}, {"其中：不予受理", "1", "1"}, {"撤回", "1", "1"},
		{"按期办结", "3", "4"}, {"逾期办结", "2", "2"}, {"按期办结率", "60.0%", "66.7%"}, {"期末未结", "4", "4"},
		{"其中已逾期", "2", "2"}, {"平均办理工作日", "5.6", "4.8"},
	}
	for i, f := range figures {
		for j, v := range f {
			want[cellName(t, j+1, 13+i)] = v
		}
	}
	want["D13"] = "说明"
	want["A29"] = "三、分类统计（本期）"
	// 地市: every certificate of the fixture is from outside Shanxi or missing.
	want["A30"], want["B30"], want["C30"] = "地市", "收件", "办结"
	want["A31"], want["B31"], want["C31"] = "太原", "0", "0"
	want["A42"], want["B42"], want["C42"] = "未知", "8", "6"
	right := [][]string{
		{"主办者类型·申请人", "收件", "办结"}, {"单位·法人本人", "6", "5"}, {"单位·委托代理人", "0", "0"}, {"个人", "2", "1"},
		{"来件渠道", "收件", "办结"}, {"电子邮件", "3", "3"}, {"传真", "1", "2"}, {"邮寄", "2", "1"}, {"现场", "1", "0"}, {"网上", "1", "0"},
		{"备案管理系统注销（本期）"}, {"主体（个）", "0"}, {"网站（个）", "3"}, {"APP（个）", "0"}, {"备案号（个）", "2"},
	}
	for i, row := range right {
		for j, v := range row {
			want[cellName(t, 5+j, 30+i)] = v
		}
	}
	want["A46"] = "四、收件与办结趋势"
	weeks := [][]string{
		{"期间", "收件", "办结"},
		{"10月1日–4日", "0", "0"}, {"10月5日–11日", "2", "1"}, {"10月12日–18日", "4", "3"},
		{"10月19日–25日", "1", "2"}, {"10月26日–31日", "1", "0"},
	}
	for i, row := range weeks {
		for j, v := range row {
			want[cellName(t, j+1, 47+i)] = v
		}
	}
	want["A54"] = "制表人：张科员"
	want["C54"] = "审核人：　　　　　　"
	want["E54"] = "制表日期：2026年11月27日"
	for cell, w := range want {
		got, err := x.GetCellValue(sh, cell)
		if err != nil || got != w {
			t.Errorf("%s = %q (%v), want %q", cell, got, err, w)
		}
	}
	// Figures are numbers, not text that looks like one.
	raw := map[string]string{"B14": "8", "C14": "12", "B24": "0.6", "B27": "5.6", "G10": "8", "B49": "2", "F42": "3"}
	for cell, w := range raw {
		got, _ := x.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
		typ, _ := x.GetCellType(sh, cell)
		if got != w || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
			t.Errorf("%s raw %q type %v, want number %s", cell, got, typ, w)
		}
	}
	if got := numFmt(t, x, sh, "B24"); got != "0.0%" {
		t.Errorf("rate format %q", got)
	}
	if got := numFmt(t, x, sh, "B27"); got != "0.0" {
		t.Errorf("average format %q", got)
	}
	rows, _ := x.GetRows(sh)
	if len(rows) != 54 {
		t.Errorf("summary has %d rows, want 54", len(rows))
	}
	// One A4 sheet: fitted one page wide and one tall, print area set.
	pl, _ := x.GetPageLayout(sh)
	if pl.FitToHeight == nil || *pl.FitToHeight != 1 || pl.FitToWidth == nil || *pl.FitToWidth != 1 || *pl.Size != 9 {
		t.Errorf("summary page layout %+v", pl)
	}
	names := x.GetDefinedName()
	area := false
	for _, n := range names {
		area = area || (n.Name == "_xlnm.Print_Area" && n.Scope == sh && strings.HasSuffix(n.RefersTo, "$54"))
	}
	if !area {
		t.Errorf("no print area on 汇总: %+v", names)
	}
}

// With nothing closed, the rate and the average read "—", not 0.
func TestWriteSummaryEmpty(t *testing.T) {
	db := openDB(t)
	r, err := Compute(t.Context(), db, workday.Date(2026, 10, 1), workday.Date(2026, 10, 31), fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "empty.xlsx")
	if err := Write(r, path); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, w := range map[string]string{"B14": "0", "B24": "—", "C24": "—", "B27": "—", "G10": "0", "A54": "制表人：　　　　　　"} {
		if got, _ := x.GetCellValue("汇总", cell); got != w {
			t.Errorf("%s = %q, want %q", cell, got, w)
		}
	}
	for _, sh := range []string{"明细", "逾期"} {
		rows, _ := x.GetRows(sh)
		if len(rows) != 1 {
			t.Errorf("%s has %d rows", sh, len(rows))
		}
	}
	rows, _ := x.GetRows("接入商")
	if len(rows) != 2 || rows[1][0] != "合计" {
		t.Errorf("providers %v", rows)
	}
}

func TestWriteDetail(t *testing.T) {
	f, x, _ := exportOctober(t)
	const sh = "明细"
	rows, err := x.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], detailHeaders) {
		t.Errorf("header %v", rows[0])
	}
	if got, want := columnOf(rows[1:], 0), f.numbers("NABCDEFGKJ"); !reflect.DeepEqual(got, want) {
		t.Errorf("cases %v, want %v", got, want)
	}
	// B (row 4) in full, as Excel shows it.
	wantB := []string{f.number["B"], "注销备案", "传真", "已办结", "2026-10-08 09:00", "2026-10-08", "2026-10-14",
		"2026-10-20", "9", "4", "逾期", "单位", "山西汾河数据服务有限公司", "", "", "", "中国移动山西分公司", "",
		"0351-8788032", "是", "0", "case B",
		"2026-10-09", "已受理:李娜、已办结:李娜", "", "0", "", "", "2026-10-20 网站 晋ICP备99999999号-1", "未知", "法人本人", "", ""}
	if got := pad(rows[3], len(wantB)); !reflect.DeepEqual(got, wantB) {
		t.Errorf("B\n got %q\nwant %q", got, wantB)
	}
	// A (row 3): filings and domains joined, the domain in Unicode.
	wantA := map[int]string{13: "91350100M000100Y43", 14: "晋ICP备12345678号-1、晋ICP备12345678号-2",
		15: "example.com、例子.中国", 17: "张伟", 18: "13812345678", 20: "2"}
	for col, w := range wantA {
		if rows[2][col] != w {
			t.Errorf("A column %s = %q, want %q", detailHeaders[col], rows[2][col], w)
		}
	}
	// Outcomes and the working-day columns of every row.
	var got [][]string
	for _, row := range rows[1:] {
		row = pad(row, len(detailHeaders))
		got = append(got, []string{row[3], row[6], row[7], row[8], row[9], row[10]})
	}
	want := [][]string{
		{"已办结", "2026-09-30", "2026-10-09", "7", "2", "逾期"},   // N
		{"已办结", "2026-10-13", "2026-10-12", "4", "", "按期"},    // A
		{"已办结", "2026-10-14", "2026-10-20", "9", "4", "逾期"},   // B
		{"已办结", "2026-10-26", "2026-10-23", "6", "", "按期"},    // C
		{"已受理", "2026-10-19", "", "", "9", "逾期未结"},            // D
		{"不予受理", "2026-10-20", "2026-10-15", "2", "", "不予受理"}, // E
		{"已撤回", "2026-10-21", "2026-10-16", "", "", "撤回"},     // F
		{"已办结", "", "2026-10-16", "1", "", "办结"},              // G
		{"退回补正", "2026-10-26", "", "", "", "未结"},              // K
		{"已受理", "2026-11-02", "", "", "", "未结"},               // J
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes\n got %q\nwant %q", got, want)
	}

	// Cell types: ID-like values are text cells marked "@", dates are
	// numbers with a date format.
	for _, cell := range []string{"A4", "S4", "S3", "N3", "O3", "M4"} {
		typ, _ := x.GetCellType(sh, cell)
		if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
			t.Errorf("%s type %v, want text", cell, typ)
		}
		if got := numFmt(t, x, sh, cell); got != "@" {
			t.Errorf("%s format %q, want @", cell, got)
		}
	}
	dates := map[string]struct{ raw, format string }{
		"E4": {"46303.375", "yyyy-mm-dd hh:mm"}, // 2026-10-08 09:00
		"F4": {"46303", "yyyy-mm-dd"},
		"G4": {"46309", "yyyy-mm-dd"},
		"H4": {"46315", "yyyy-mm-dd"},
	}
	for cell, w := range dates {
		typ, _ := x.GetCellType(sh, cell)
		raw, _ := x.GetCellValue(sh, cell, excelize.Options{RawCellValue: true})
		if (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) || raw != w.raw {
			t.Errorf("%s type %v raw %q, want number %s", cell, typ, raw, w.raw)
		}
		if got := numFmt(t, x, sh, cell); got != w.format {
			t.Errorf("%s format %q, want %q", cell, got, w.format)
		}
	}
	// A receipt at 10:00 shows as 10:00, not 09:59.
	if got, _ := x.GetCellValue(sh, "E3"); got != "2026-09-30 10:00" {
		t.Errorf("A received %q", got)
	}
	// Empty cells stay empty, not zero.
	if typ, _ := x.GetCellType(sh, "H6"); typ != excelize.CellTypeUnset {
		t.Errorf("open case's closing day has type %v", typ)
	}
}

func TestWriteOverdue(t *testing.T) {
	f, x, _ := exportOctober(t)
	rows, err := x.GetRows("逾期")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], overdueHeaders) {
		t.Errorf("header %v", rows[0])
	}
	want := [][]string{
		{f.number["I"], "临汾市尧都网络工作室", "注销备案", unicom, "2026-09-21", "2026-09-29", "", "19", "已登记", "已登记"},
		{f.number["D"], "大同市云冈文化传媒有限公司", "注销备案", telecom, "2026-10-12", "2026-10-19", "", "9", "已受理", "已受理"},
		{f.number["B"], "山西汾河数据服务有限公司", "注销备案", mobile, "2026-10-08", "2026-10-14", "2026-10-20", "4", "已办结", "已办结"},
		{f.number["N"], "阳泉市矿区某某软件有限公司", "注销备案", telecom, "2026-09-22", "2026-09-30", "2026-10-09", "2", "已办结", "已办结"},
	}
	if got := rows[1:]; !reflect.DeepEqual(got, want) {
		t.Errorf("overdue\n got %q\nwant %q", got, want)
	}
}

func TestWriteProviders(t *testing.T) {
	_, x, _ := exportOctober(t)
	rows, err := x.GetRows("接入商")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		providerHeaders,
		{mobile, "3", "1", "0", "1", "1"},
		{telecom, "2", "3", "1", "1", "1"},
		{unicom, "2", "1", "1", "0", "2"},
		{"（未填写）", "1", "1", "1", "0", "0"},
		{"合计", "8", "6", "3", "2", "4"},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("providers\n got %q\nwant %q", rows, want)
	}
}

// Frozen header, auto-filter, print titles, header style, widths and page
// setup of every sheet.
func TestWriteLayout(t *testing.T) {
	_, x, path := exportOctober(t)
	lists := map[string]string{"明细": "$A$1:$AG$11", "逾期": "$A$1:$J$5", "接入商": "$A$1:$F$5"}
	names := map[string]string{}
	for _, d := range x.GetDefinedName() {
		names[d.Scope+" "+d.Name] = d.RefersTo
	}
	for sh, filter := range lists {
		p, err := x.GetPanes(sh)
		if err != nil || !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
			t.Errorf("%s panes %+v %v", sh, p, err)
		}
		if got := names[sh+" _xlnm._FilterDatabase"]; got != "'"+sh+"'!"+filter {
			t.Errorf("%s filter %q, want %s", sh, got, filter)
		}
		wantTitles := "'" + sh + "'!$1:$1"
		if sh == "明细" {
			// Two pages across: the case number column repeats too.
			wantTitles = "'明细'!$A:$A,'明细'!$1:$1"
		}
		if got := names[sh+" _xlnm.Print_Titles"]; got != wantTitles {
			t.Errorf("%s print titles %q", sh, got)
		}
		id, _ := x.GetCellStyle(sh, "A1")
		s, err := x.GetStyle(id)
		if err != nil || s.Font == nil || !s.Font.Bold || len(s.Fill.Color) == 0 || s.Fill.Color[0] != headerFill {
			t.Errorf("%s header style %+v %v", sh, s, err)
		}
	}
	// The auto-filter is in the sheet XML too, not only as a name.
	for i, ref := range map[int]string{2: "$A$1:$AG$11", 3: "$A$1:$J$5", 4: "$A$1:$F$5"} {
		if xml := zipFile(t, path, "xl/worksheets/sheet"+string(rune('0'+i))+".xml"); !strings.Contains(xml, `<autoFilter ref="`+ref+`"`) {
			t.Errorf("sheet%d has no autoFilter %s", i, ref)
		}
	}
	for _, sh := range x.GetSheetList() {
		pl, err := x.GetPageLayout(sh)
		wide := 1
		if sh == "明细" {
			wide = 2
		}
		if err != nil || *pl.Size != 9 || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != wide {
			t.Errorf("%s page layout %+v %v", sh, pl, err)
		}
		props, _ := x.GetSheetProps(sh)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s is not fitted to the page", sh)
		}
		hf, err := x.GetHeaderFooter(sh)
		if err != nil || !strings.Contains(hf.OddHeader, "备案注销/找回密码受理情况月报 2026年10月") ||
			!strings.Contains(hf.OddHeader, "2026年10月1日至2026年10月31日") || !strings.Contains(hf.OddFooter, "&P") {
			t.Errorf("%s header/footer %+v %v", sh, hf, err)
		}
	}
	// Widths follow the content within limits.
	for _, c := range []struct {
		col      string
		min, max float64
	}{{"A", 12, 16}, {"E", 16, 16}, {"M", 24, 36}, {"O", 38, 44}, {"S", 12, 15}} {
		wd, _ := x.GetColWidth("明细", c.col)
		if wd < c.min || wd > c.max {
			t.Errorf("明细 column %s width %v, want %v..%v", c.col, wd, c.min, c.max)
		}
	}
}

// The chart is a real column chart on 汇总 fed by the weekly table.
func TestWriteChart(t *testing.T) {
	_, _, path := exportOctober(t)
	chart := html.UnescapeString(zipFile(t, path, "xl/charts/chart1.xml"))
	for _, w := range []string{`<barDir val="col">`, `<grouping val="clustered">`, `'汇总'!$B$48:$B$52`, `'汇总'!$C$48:$C$52`,
		`'汇总'!$A$48:$A$52`, "收件与办结"} {
		if !strings.Contains(chart, w) {
			t.Errorf("chart lacks %s", w)
		}
	}
	if rels := zipFile(t, path, "xl/worksheets/_rels/sheet1.xml.rels"); !strings.Contains(rels, "drawing") {
		t.Errorf("汇总 has no drawing: %s", rels)
	}
}

func TestWriteAtomic(t *testing.T) {
	f := newFixture(t)
	r := compute(t, f, 2026, time.October, fixtureNow)
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path string }{
		{"missing directory", filepath.Join(dir, "no", "such", "r.xlsx")},
		{"under a file", filepath.Join(file, "r.xlsx")},
		{"a directory", dir},
	}
	for _, tt := range tests {
		if err := Write(r, tt.path); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	// A report replaces an older one whole, and leaves no temporary file.
	path := filepath.Join(dir, "r.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(r, path); err != nil {
		t.Fatal(err)
	}
	if x, err := excelize.OpenFile(path); err != nil {
		t.Errorf("replaced report does not open: %v", err)
	} else {
		x.Close()
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"plain", "r.xlsx"}) {
		t.Errorf("directory holds %v", names)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode())
	}
}

func cellName(t *testing.T, col, row int) string {
	t.Helper()
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

func numFmt(t *testing.T, x *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := x.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := x.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case s.CustomNumFmt != nil:
		return *s.CustomNumFmt
	case s.NumFmt == 49:
		return "@"
	}
	return ""
}

func columnOf(rows [][]string, i int) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r[i])
	}
	return out
}

func pad(row []string, n int) []string {
	for len(row) < n {
		row = append(row, "")
	}
	return row
}

func zipFile(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s not in %s", name, path)
	return ""
}

// The LibreOffice rendering of 汇总 showed long notes written over the next
// row and 单位·委托代理人 cut off: a wrapping note gets the lines it needs,
// a one-line note keeps one line, and column E fits the breakdown labels.
func TestWriteSummaryFits(t *testing.T) {
	_, x, _ := exportOctober(t)
	rows, err := x.GetRows(sheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	height := func(label string) float64 {
		for i, r := range rows {
			if len(r) > 0 && r[0] == label {
				h, err := x.GetRowHeight(sheetSummary, i+1)
				if err != nil {
					t.Fatal(err)
				}
				return h
			}
		}
		t.Fatalf("no row %s", label)
		return 0
	}
	if h := height(figAvgDays); h < 2*lineHeight {
		t.Errorf("%s row %.1f high for a note of two lines", figAvgDays, h)
	}
	if h := height(figDone); h > lineHeight+1 {
		t.Errorf("%s row %.1f high for a note of one line", figDone, h)
	}
	wd, err := x.GetColWidth(sheetSummary, "E")
	if err != nil {
		t.Fatal(err)
	}
	for _, ap := range []rules.Applicant{rules.ApplicantLegal, rules.ApplicantAgent} {
		s := rules.SponsorOrg.Label() + labelSep + ap.Label()
		if need := displayWidth(s) + 1; wd < need {
			t.Errorf("column E %.1f wide, %s needs %.1f", wd, s, need)
		}
	}
}
