package ledger

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"beiandesk/store/sqlite"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// testNow is "today" for every test: the ledgers hold 2025 and 2026 cases.
var testNow = time.Date(2026, 12, 1, 15, 0, 0, 0, workday.China())

func openDB(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "book.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return testNow }
	t.Cleanup(func() { db.Close() })
	return db
}

// uscc makes a valid Unified Social Credit Code from a serial.
func uscc(n int) string {
	body := fmt.Sprintf("91140100MA0%06d", n)
	return body + string(validate.USCCCheckChar(body))
}

// residentID makes a valid resident ID number (Taiyuan, born 1990-01-01).
func residentID(n int) string {
	body := fmt.Sprintf("14010519900101%03d", n%1000)
	return body + string(validate.IDCheckChar(body))
}

// serial is the Excel serial number of a civil date.
func serial(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch).Hours() / 24)
}

// cell is one value of a fixture row: a string, a float64 written as a date
// serial with a date format, or nil.
type cell = any

// oddHeader is a header in the spellings of a real ledger, with the spaces,
// line breaks and full-width brackets people type.
var oddHeader = []string{"序 号", "来件日期", "渠道", "主办者", "统一社会信用代码\n(身份证号)", "网站备案号",
	"网站域名", "接入商", "联系人", "联系电话", "状态", "办结日期", "经办人", "备注"}

// oddRow is what a row of the oddity ledger expects: the row's values and,
// for an invalid row, the column at fault.
type oddRow struct {
	cells  []cell
	badCol string // "" for a valid row
}

func oddRows() []oddRow {
	s := func(y int, m time.Month, d int) cell { return serial(y, m, d) }
	return []oddRow{
		// 4: serial date, two filings split by 、, done
		{cells: []cell{"2026-001", s(2026, 3, 2), "邮件", "太原市晋阳网络科技有限公司", uscc(1),
			"晋ICP备12345678号-1、晋ICP备12345678号-2", "jinyang.cn", "中国电信山西分公司", "张三", "13903510001",
			"已办结", s(2026, 3, 6), "王芳", ""}},
		// 5: text date with dots, filings split by a full-width comma
		{cells: []cell{"2026-002", "2026.3.5", "传真", "山西云帆信息技术有限公司", uscc(2),
			"晋ICP备22345678号，晋ICP备22345679号", "", "中国联通山西分公司", "", "0351-8788032",
			"办结", "2026.3.12", "李娜", "传真3页"}},
		// 6: 年月日, filings split by a semicolon and a newline, domains by commas
		{cells: []cell{"2026-003", "2026年3月5日", "邮寄", "大同市煤都传媒有限公司", uscc(3),
			"晋ICP备32345678号;晋ICP备32345679号\n晋ICP备32345680号", "a.cn,b.cn, 例子.中国", "", "", "",
			"不予受理", "2026年3月9日", "王芳", "材料不全"}},
		// 7: slashes, returned
		{cells: []cell{"2026-004", "2026/03/05", "现场", "王晓明", residentID(4),
			"晋ICP备42345678号", "wang.cn", "", "", "", "退回补正", "", "李娜", ""}},
		// 8: a date without a year (the sheet name has it), withdrawn
		{cells: []cell{"2026-005", "3月5日", "网上", "晋中市平遥古城旅游有限公司", uscc(5),
			"晋ICP备52345678号", "", "", "", "", "撤回", "3月10日", "", ""}},
		// 9: in progress, ASCII comma
		{cells: []cell{"2026-006", "2026-03-16", "邮件", "运城市盐湖区数据服务有限公司", uscc(6),
			"晋ICP备62345678号-1,晋ICP备62345678号-2", "", "", "", "", "在办", "", "王芳", ""}},
		// 10: still to do (待办)
		{cells: []cell{"2026-007", "2026-03-17", "邮件", "长治市上党科技有限公司", uscc(7),
			"晋ICP备72345678号", "", "", "", "", "待办", "", "", ""}},
		// 11: 退回 alone
		{cells: []cell{"2026-008", "2026-03-18", "传真", "临汾市尧都网络有限公司", uscc(8),
			"晋ICP备82345678号", "", "", "", "", "退回", "", "", ""}},
		// 12: no status word, only 办结日期: done
		{cells: []cell{"2026-009", "2026-03-19", "现场", "吕梁市离石区文化传播有限公司", uscc(9),
			"晋ICP备92345678号", "", "", "", "", "", "2026-03-20", "", ""}},
		// 13: bad check character of the USCC
		{cells: []cell{"2026-010", "2026-03-20", "邮件", "忻州市五台山旅游有限公司", uscc(10)[:17] + "0",
			"晋ICP备10345678号", "", "", "", "", "已办结", "2026-03-25", "", ""}, badCol: "统一社会信用代码\n(身份证号)"},
		// 14: a licence number instead of a filing number
		{cells: []cell{"2026-011", "2026-03-20", "邮件", "阳泉市矿区网络有限公司", uscc(11),
			"晋ICP证110345号", "", "", "", "", "已办结", "2026-03-25", "", ""}, badCol: "网站备案号"},
		// 15: unknown status word
		{cells: []cell{"2026-012", "2026-03-23", "邮件", "朔州市右玉生态有限公司", uscc(12),
			"晋ICP备12445678号", "", "", "", "", "搁置", "", "", ""}, badCol: "状态"},
		// 16: closed before it was received
		{cells: []cell{"2026-013", "2026-03-23", "邮件", "晋城市泽州信息有限公司", uscc(13),
			"晋ICP备12545678号", "", "", "", "", "已办结", "2026-03-20", "", ""}, badCol: "办结日期"},
		// 17: no sponsor
		{cells: []cell{"2026-014", "2026-03-23", "邮件", "", uscc(14),
			"晋ICP备12645678号", "", "", "", "", "已办结", "2026-03-24", "", ""}, badCol: "主办者"},
		// 18: an impossible date
		{cells: []cell{"2026-015", "2026-02-30", "邮件", "太原市小店区某科技有限公司", uscc(15),
			"晋ICP备12745678号", "", "", "", "", "", "", "", ""}, badCol: "来件日期"},
		// 19: unknown channel
		{cells: []cell{"2026-016", "2026-03-24", "微信", "太原市迎泽区某传媒有限公司", uscc(16),
			"晋ICP备12845678号", "", "", "", "", "", "", "", ""}, badCol: "渠道"},
		// 20: a row numbered ahead and otherwise empty: skipped, not invalid
		{cells: []cell{"2026-017"}},
		// 21: bad phone
		{cells: []cell{"2026-018", "2026-03-25", "邮件", "太原市万柏林区某网络有限公司", uscc(18),
			"晋ICP备12945678号", "", "", "", "12345", "", "", "", ""}, badCol: "联系电话"},
		// 22: done but no closing date
		{cells: []cell{"2026-019", "2026-03-25", "邮件", "太原市杏花岭区某网络有限公司", uscc(19),
			"晋ICP备13045678号", "", "", "", "", "已办结", "", "", ""}, badCol: "办结日期"},
	}
}

// writeOddLedger writes the oddity ledger: two merged title rows, the odd
// header, the rows above, a blank row, and a vertically merged 渠道 cell
// over the last two rows (2026-020 and 2026-021, both 邮件).
func writeOddLedger(t testing.TB, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "2026年"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue(sheet, "A1", "山西省通信管理局注销备案台账"))
	must(f.MergeCell(sheet, "A1", "N1"))
	must(f.SetCellValue(sheet, "A2", "(822室 登记)"))
	must(f.MergeCell(sheet, "A2", "N2"))
	for i, h := range oddHeader {
		ref, _ := excelize.CoordinatesToCellName(i+1, 3)
		must(f.SetCellValue(sheet, ref, h))
	}
	r := 4
	for _, row := range oddRows() {
		for i, v := range row.cells {
			ref, _ := excelize.CoordinatesToCellName(i+1, r)
			if v == "" {
				continue
			}
			must(f.SetCellValue(sheet, ref, v))
			if _, ok := v.(float64); ok {
				must(f.SetCellStyle(sheet, ref, ref, dateStyle))
			}
		}
		r++
	}
	r++ // a blank row
	for i, name := range []string{"太原市尖草坪区甲公司", "太原市尖草坪区乙公司"} {
		row := r + i
		vals := []cell{fmt.Sprintf("2026-%03d", 20+i), "2026-04-01", "", name, uscc(20 + i),
			fmt.Sprintf("晋ICP备1404567%d号", i), "", "", "", "", "已办结", "2026-04-03", "王芳", ""}
		for c, v := range vals {
			ref, _ := excelize.CoordinatesToCellName(c+1, row)
			if v != "" {
				must(f.SetCellValue(sheet, ref, v))
			}
		}
	}
	must(f.SetCellValue(sheet, fmt.Sprintf("C%d", r), "邮件"))
	must(f.MergeCell(sheet, fmt.Sprintf("C%d", r), fmt.Sprintf("C%d", r+1)))
	must(f.SaveAs(path))
}

// oddValid and oddInvalid count the oddity ledger's rows.
func oddCounts() (valid, invalid int) {
	for _, r := range oddRows() {
		switch {
		case len(r.cells) == 1:
		case r.badCol != "":
			invalid++
		default:
			valid++
		}
	}
	return valid + 2, invalid // the two merged rows at the end are valid
}

// writeBigLedger writes n rows over 2025 and 2026 of which every bad-th row
// is broken in one of several ways; it returns the broken rows' numbers.
func writeBigLedger(t testing.TB, path string, n, bad int) map[int]bool {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(sw.SetRow("A1", []any{"注销备案台账(2025—2026)"}))
	must(sw.MergeCell("A1", "M1"))
	hdr := []any{"序号", "收件日期", "来件方式", "主办单位", "证件号码", "备案号", "域名", "接入商", "联系人",
		"联系电话", "办理结果", "办结日期", "经办人"}
	must(sw.SetRow("A2", hdr))
	rng := rand.New(rand.NewPCG(1, 2))
	channels := []string{"邮件", "传真", "邮寄", "现场", "网上"}
	statuses := []string{"已办结", "已办结", "已办结", "不予受理", "撤回", "退回补正", "在办", "待办"}
	cal := workday.NewCalendar()
	broken := map[int]bool{}
	start := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		row := i + 3
		recv := start.AddDate(0, 0, i*680/n)
		st := statuses[rng.IntN(len(statuses))]
		var closed any = ""
		if st == "已办结" || st == "不予受理" || st == "撤回" {
			d := cal.AddWorkdays(recv, 1+rng.IntN(7))
			closed = excelize.Cell{StyleID: dateStyle, Value: serial(d.Year(), d.Month(), d.Day())}
		}
		cert, filing := uscc(100000+i), fmt.Sprintf("晋ICP备%08d号-%d", 10000000+i, 1+i%3)
		if bad > 0 && i%bad == bad/2 {
			broken[row] = true
			switch (i / bad) % 4 {
			case 0:
				cert = cert[:17] + "0"
				if cert == uscc(100000+i) {
					cert = cert[:17] + "1"
				}
			case 1:
				filing = "晋ICP备123号"
			case 2:
				st = "搁置"
			case 3:
				closed = "2099年1月1日"
			}
		}
		must(sw.SetRow(fmt.Sprintf("A%d", row), []any{
			i + 1, excelize.Cell{StyleID: dateStyle, Value: serial(recv.Year(), recv.Month(), recv.Day())},
			channels[i%len(channels)], fmt.Sprintf("山西测试%04d网络科技有限公司", i), cert, filing,
			fmt.Sprintf("site%04d.cn", i), "中国电信山西分公司", "联系人", fmt.Sprintf("139%08d", i),
			st, closed, []string{"王芳", "李娜", ""}[i%3],
		}))
	}
	must(sw.Flush())
	must(f.SaveAs(path))
	return broken
}
