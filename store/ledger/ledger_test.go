package ledger

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"beiandesk/store"
	"beiandesk/store/report"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

func importFile(t testing.TB, db *sqlite.DB, path, sheet, mapSpec string, dry bool) *Report {
	t.Helper()
	ctx := context.Background()
	tab, err := ReadFile(ctx, path, sheet)
	if err != nil {
		t.Fatal(err)
	}
	m := DetectMapping(tab.Headers)
	if mapSpec != "" {
		if err := Override(m, tab.Headers, mapSpec); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := Import(ctx, db, tab, m, Options{DryRun: dry, Clerk: "导入员"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestOddLedger(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	writeOddLedger(t, path)
	db := openDB(t)
	rep := importFile(t, db, path, "", "", false)
	valid, invalid := oddCounts()
	if rep.Imported != valid || rep.Duplicates != 0 || len(rep.Invalid) != invalid || rep.Rows != valid+invalid {
		t.Fatalf("rows %d imported %d dup %d invalid %d (%+v), want %d/%d",
			rep.Rows, rep.Imported, rep.Duplicates, len(rep.Invalid), rep.Invalid, valid, invalid)
	}
	if rep.Sheet != "2026年" {
		t.Errorf("sheet %q", rep.Sheet)
	}
	// Every synonym was recognised.
	wantMap := map[string]string{"序 号": "legacy_no", "来件日期": "received", "渠道": "channel", "主办者": "sponsor",
		"统一社会信用代码\n(身份证号)": "cert_no", "网站备案号": "filing", "网站域名": "domain", "接入商": "provider",
		"联系人": "contact", "联系电话": "phone", "状态": "status", "办结日期": "closed", "经办人": "clerk", "备注": "note"}
	for k, v := range wantMap {
		if rep.Mapping[k] != v {
			t.Errorf("mapping[%q] = %q, want %q", k, rep.Mapping[k], v)
		}
	}
	// Invalid rows: row number, column and a Chinese reason.
	rowNum := 4
	var wantBad []Problem
	for _, r := range oddRows() {
		if r.badCol != "" {
			wantBad = append(wantBad, Problem{Row: rowNum, Column: r.badCol})
		}
		rowNum++
	}
	for i, p := range rep.Invalid {
		if i >= len(wantBad) || p.Row != wantBad[i].Row || p.Column != wantBad[i].Column {
			t.Errorf("invalid[%d] = %+v, want row %d column %q", i, p, wantBad[min(i, len(wantBad)-1)].Row, wantBad[min(i, len(wantBad)-1)].Column)
		}
		if !hasHan(p.Reason) || strings.Contains(p.Reason, "invalid") {
			t.Errorf("row %d: reason %q is not Chinese", p.Row, p.Reason)
		}
	}

	type want struct {
		legacy, received, closed, due string
		status                        rules.Status
		filings, domains              []string
		clerk, channel                string
	}
	cases := map[string]want{
		"2026-001": {"2026-001", "2026-03-02", "2026-03-06", "2026-03-09", rules.StatusDone,
			[]string{"晋ICP备12345678号-1", "晋ICP备12345678号-2"}, []string{"jinyang.cn"}, "王芳", "email"},
		"2026-002": {"2026-002", "2026-03-05", "2026-03-12", "2026-03-12", rules.StatusDone,
			[]string{"晋ICP备22345678号", "晋ICP备22345679号"}, []string{}, "李娜", "fax"},
		"2026-003": {"2026-003", "2026-03-05", "2026-03-09", "2026-03-12", rules.StatusRejected,
			[]string{"晋ICP备32345678号", "晋ICP备32345679号", "晋ICP备32345680号"}, []string{"a.cn", "b.cn", "xn--fsqu00a.xn--fiqs8s"}, "王芳", "post"},
		"2026-004": {"2026-004", "2026-03-05", "", "2026-03-12", rules.StatusReturned,
			[]string{"晋ICP备42345678号"}, []string{"wang.cn"}, "李娜", "counter"},
		"2026-005": {"2026-005", "2026-03-05", "2026-03-10", "2026-03-12", rules.StatusWithdrawn,
			[]string{"晋ICP备52345678号"}, []string{}, "导入员", "online"},
		"2026-006": {"2026-006", "2026-03-16", "", "2026-03-23", rules.StatusAccepted, nil, nil, "王芳", "email"},
		"2026-007": {"2026-007", "2026-03-17", "", "2026-03-24", rules.StatusReceived, nil, nil, "导入员", "email"},
		"2026-008": {"2026-008", "2026-03-18", "", "2026-03-25", rules.StatusReturned, nil, nil, "导入员", "fax"},
		"2026-009": {"2026-009", "2026-03-19", "2026-03-20", "2026-03-26", rules.StatusDone, nil, nil, "导入员", "counter"},
		"2026-020": {"2026-020", "2026-04-01", "2026-04-03", "2026-04-09", rules.StatusDone, nil, nil, "王芳", "email"},
		"2026-021": {"2026-021", "2026-04-01", "2026-04-03", "2026-04-09", rules.StatusDone, nil, nil, "王芳", "email"},
	}
	all, err := db.Cases(ctx, store.Filter{}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(cases) {
		t.Fatalf("%d cases stored, want %d", len(all), len(cases))
	}
	for _, c := range all {
		w, ok := cases[c.LegacyNo]
		if !ok {
			t.Errorf("unexpected case %s legacy %q", c.Number, c.LegacyNo)
			continue
		}
		if c.ReceivedDay != w.received || c.ClosedDay != w.closed || c.Due != w.due || c.Status != w.status || string(c.Channel) != w.channel {
			t.Errorf("%s: received %s closed %s due %s status %s channel %s, want %+v", c.LegacyNo, c.ReceivedDay, c.ClosedDay, c.Due, c.Status, c.Channel, w)
		}
		if w.filings != nil && !slices.Equal(c.Filings, w.filings) {
			t.Errorf("%s: filings %q, want %q", c.LegacyNo, c.Filings, w.filings)
		}
		if w.domains != nil && !slices.Equal(c.Domains, w.domains) {
			t.Errorf("%s: domains %q, want %q", c.LegacyNo, c.Domains, w.domains)
		}
		hist, err := db.History(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if hist[0].Action != "create" || !strings.Contains(hist[0].Note, "台账导入") || !hist[0].At.Equal(c.ReceivedAt) {
			t.Errorf("%s: first event %+v", c.LegacyNo, hist[0])
		}
		last := hist[len(hist)-1]
		if last.To != c.Status && c.Status != rules.StatusReceived {
			t.Errorf("%s: history ends in %s, case is %s", c.LegacyNo, last.To, c.Status)
		}
		for _, e := range hist {
			if e.Clerk != w.clerk || !strings.Contains(e.Note, "台账导入") {
				t.Errorf("%s: event %+v, want clerk %s and 台账导入", c.LegacyNo, e, w.clerk)
			}
			if e.Action == "status" && c.ClosedAt != nil && workday.Format(workday.DayOf(e.At)) != w.closed {
				t.Errorf("%s: status event on %s, closed %s", c.LegacyNo, e.At, w.closed)
			}
		}
		if (c.Status == rules.StatusDone || c.Status == rules.StatusAccepted) != c.Complete() {
			t.Errorf("%s: status %s with complete checklist %v", c.LegacyNo, c.Status, c.Complete())
		}
	}
	// The historic number is searchable.
	found, err := db.Cases(ctx, store.Filter{Query: "2026-003"}, false)
	if err != nil || len(found) != 1 || found[0].LegacyNo != "2026-003" {
		t.Fatalf("search by legacy number: %v %v", found, err)
	}

	// The same file again adds nothing.
	again := importFile(t, db, path, "", "", false)
	if again.Imported != 0 || again.Duplicates != valid || len(again.Invalid) != invalid {
		t.Fatalf("second import: %+v", again)
	}
	if n, _ := db.Cases(ctx, store.Filter{}, false); len(n) != len(cases) {
		t.Fatalf("%d cases after the second import", len(n))
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// The same rows as CSV, in GB18030 and in UTF-8 with a BOM: read alike,
// and as another file their rows are duplicates of the workbook's by
// sponsor, filing and day.
func TestCSVEncodingsAndCrossFileDuplicates(t *testing.T) {
	dir := t.TempDir()
	csvText := "注销备案台账 2026年\n" +
		"序号,日期,来件方式,申请人,身份证号,备案号,域名,办理结果,办结日期,经办人\n" +
		"1,2026/3/2,邮件,太原市晋阳网络科技有限公司," + uscc(1) + ",\"晋ICP备12345678号-1、晋ICP备12345678号-2\",jinyang.cn,已办结,2026/3/6,王芳\n" +
		"2,3月9日,传真,王晓明," + residentID(4) + ",晋ICP备42345678号,\"wang.cn；例子.中国\",在办,,李娜\n" +
		"3,2026年3月10日,窗口,赵六,123,晋ICP备42345679号,,待办,,\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(csvText)
	if err != nil {
		t.Fatal(err)
	}
	gbPath := filepath.Join(dir, "gb.csv")
	bomPath := filepath.Join(dir, "bom.csv")
	if err := os.WriteFile(gbPath, []byte(gb), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bomPath, append([]byte{0xEF, 0xBB, 0xBF}, csvText...), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	gbTab, err := ReadFile(ctx, gbPath, "")
	if err != nil {
		t.Fatal(err)
	}
	bomTab, err := ReadFile(ctx, bomPath, "")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gbTab.Headers, bomTab.Headers) || len(gbTab.Rows) != 3 || gbTab.Year != 2026 {
		t.Fatalf("gb %q (%d rows, year %d), bom %q", gbTab.Headers, len(gbTab.Rows), gbTab.Year, bomTab.Headers)
	}
	for i := range gbTab.Rows {
		if !slices.Equal(gbTab.Rows[i].Cells, bomTab.Rows[i].Cells) {
			t.Fatalf("row %d: %q vs %q", i, gbTab.Rows[i].Cells, bomTab.Rows[i].Cells)
		}
	}
	db := openDB(t)
	rep := importFile(t, db, gbPath, "", "", false)
	if rep.Imported != 2 || len(rep.Invalid) != 1 || rep.Invalid[0].Row != 5 || rep.Invalid[0].Column != "身份证号" {
		t.Fatalf("gb import: %+v", rep)
	}
	// Another file (other bytes, other hash) with the same requests.
	rep = importFile(t, db, bomPath, "", "", false)
	if rep.Imported != 0 || rep.Duplicates != 2 {
		t.Fatalf("bom import after gb: %+v", rep)
	}
	// And the workbook holding the first request again: a duplicate too.
	xlsx := filepath.Join(dir, "台账.xlsx")
	writeOddLedger(t, xlsx)
	rep = importFile(t, db, xlsx, "", "", false)
	valid, _ := oddCounts()
	if rep.Duplicates != 1 || rep.Imported != valid-1 {
		t.Fatalf("workbook after csv: imported %d duplicates %d", rep.Imported, rep.Duplicates)
	}
}

func TestLegacyXLSIsRefusedInChinese(t *testing.T) {
	path := filepath.Join(t.TempDir(), "台账.xls")
	buf := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0}, 512)...)
	if err := os.WriteFile(path, buf, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(context.Background(), path, "")
	if err == nil || !strings.Contains(err.Error(), "另存为") || !strings.Contains(err.Error(), ".xlsx") {
		t.Fatalf("err = %v", err)
	}
	// A file named .xlsx that is not a workbook.
	bad := filepath.Join(t.TempDir(), "坏.xlsx")
	if err := os.WriteFile(bad, []byte("序号,日期\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(context.Background(), bad, ""); err == nil || !hasHan(err.Error()) {
		t.Fatalf("err = %v", err)
	}
}

// Headers no synonym knows are mapped with --map, by header or by letter;
// the JSON mapping shows what was used; a missing required column is named.
func TestMapOverride(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "自定义.csv")
	text := "\ufeff号,收到,方式,单位,代码,ICP,结果,完成\n" +
		"A-1,2026-05-06,邮件,太原市晋阳网络科技有限公司," + uscc(1) + ",晋ICP备12345678号,已办结,2026-05-08\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// Only 结果 is known: fewer than three headers, so no header is found.
	if _, err := ReadFile(ctx, path, ""); err == nil || !hasHan(err.Error()) {
		t.Fatalf("want a Chinese no-header error, got %v", err)
	}
	text = strings.Replace(text, "收到,方式", "日期,方式", 1)
	text = strings.Replace(text, "完成", "办结日期", 1)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	tab, err := ReadFile(ctx, path, "")
	if err != nil {
		t.Fatal(err)
	}
	m := DetectMapping(tab.Headers)
	if err := CheckMapping(m); err == nil || !strings.Contains(err.Error(), "--map") {
		t.Fatalf("CheckMapping = %v", err)
	}
	if err := Override(m, tab.Headers, "方式=channel，单位=主办单位, D=sponsor,代码=cert_no,F=filing,号=legacy_no"); err != nil {
		t.Fatal(err)
	}
	if err := Override(m, tab.Headers, "不存在=note"); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Fatalf("unknown column: %v", err)
	}
	if err := Override(m, tab.Headers, "方式=wrong"); err == nil || !strings.Contains(err.Error(), "未知字段") {
		t.Fatalf("unknown field: %v", err)
	}
	db := openDB(t)
	rep, err := Import(ctx, db, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Imported != 1 || rep.Mapping["方式"] != "channel" || rep.Mapping["单位"] != "sponsor" || rep.Mapping["ICP"] != "filing" {
		t.Fatalf("%+v", rep)
	}
	cs, _ := db.Cases(ctx, store.Filter{}, false)
	if len(cs) != 1 || cs[0].LegacyNo != "A-1" || cs[0].Status != rules.StatusDone {
		t.Fatalf("%+v", cs)
	}
}

func TestDryRunStoresNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	writeOddLedger(t, path)
	db := openDB(t)
	rep := importFile(t, db, path, "", "", true)
	valid, invalid := oddCounts()
	if rep.Imported != valid || len(rep.Invalid) != invalid || !rep.DryRun {
		t.Fatalf("dry run: %+v", rep)
	}
	if cs, _ := db.Cases(ctx, store.Filter{}, false); len(cs) != 0 {
		t.Fatalf("dry run stored %d cases", len(cs))
	}
	if rep := importFile(t, db, path, "", "", false); rep.Imported != valid {
		t.Fatalf("real import after the dry run: %+v", rep)
	}
}

// A cancelled import (as a crash) leaves nothing half-imported.
func TestCancelledImportLeavesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	writeOddLedger(t, path)
	db := openDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	tab, err := ReadFile(ctx, path, "")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Import(ctx, db, tab, DetectMapping(tab.Headers), Options{Progress: func(done, total int) {
		if done == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if cs, _ := db.Cases(context.Background(), store.Filter{}, false); len(cs) != 0 {
		t.Fatalf("%d cases after a cancelled import", len(cs))
	}
	if rep := importFile(t, db, path, "", "", false); rep.Imported == 0 {
		t.Fatalf("import after the cancelled one: %+v", rep)
	}
}

func TestParseDate(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, workday.China()) }
	tests := []struct {
		in     string
		serial bool
		year   int
		want   time.Time
		bad    bool
	}{
		{in: "46086", serial: true, want: d(2026, 3, 5)},
		{in: "46086", want: d(2026, 3, 5)}, // a serial that lost its date format in a CSV
		{in: "46086.5", serial: true, want: d(2026, 3, 5).Add(12 * time.Hour)},
		{in: "2026.3.5", want: d(2026, 3, 5)},
		{in: "2026年3月5日", want: d(2026, 3, 5)},
		{in: "2026 年 3 月 5 日", want: d(2026, 3, 5)},
		{in: "2026/03/05", want: d(2026, 3, 5)},
		{in: "2026-03-05 14:30", want: d(2026, 3, 5).Add(14*time.Hour + 30*time.Minute)},
		{in: "2026/3/5 9:05:00", want: d(2026, 3, 5).Add(9*time.Hour + 5*time.Minute)},
		{in: "２０２６．３．５", want: d(2026, 3, 5)},
		{in: "20260305", want: d(2026, 3, 5)},
		{in: "3月5日", year: 2025, want: d(2025, 3, 5)},
		{in: "3月5日", bad: true},
		{in: "2026-02-30", bad: true},
		{in: "昨天", bad: true},
		{in: "", bad: true},
		{in: "12", serial: true, bad: true},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in, tt.serial, tt.year)
		if tt.bad {
			if err == nil || !hasHan(err.Error()) {
				t.Errorf("parseDate(%q) = %v, %v; want a Chinese error", tt.in, got, err)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestStatusAndSplit(t *testing.T) {
	for in, want := range map[string]rules.Status{"已办结": rules.StatusDone, "办结": rules.StatusDone,
		"不予受理": rules.StatusRejected, "退回": rules.StatusReturned, "退回补正": rules.StatusReturned,
		"撤回": rules.StatusWithdrawn, "待办": rules.StatusReceived, "在办": rules.StatusAccepted,
		"已办结(电话告知)": rules.StatusDone, "因材料问题不予受理": rules.StatusRejected, "": ""} {
		if got, err := parseStatus(in); err != nil || got != want {
			t.Errorf("parseStatus(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	got := splitList("a、b，c,d;e；f\ng\r\nh ,  ")
	if want := []string{"a", "b", "c", "d", "e", "f", "g", "h"}; !slices.Equal(got, want) {
		t.Errorf("splitList = %q", got)
	}
}

// The year's report counts the imported cases as it counts any other.
func TestReportIncludesImportedCases(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	writeOddLedger(t, path)
	db := openDB(t)
	importFile(t, db, path, "", "", false)
	r, err := report.Compute(ctx, db, d(2026, 1, 1), d(2026, 12, 31), testNow)
	if err != nil {
		t.Fatal(err)
	}
	valid, _ := oddCounts()
	f := r.Figures
	// done: 2026-001, 002, 009, 020, 021 and rejected 003; withdrawn 005.
	if f.Received != valid || f.Done != 6 || f.Rejected != 1 || f.Withdrawn != 1 || f.Open != 4 {
		t.Fatalf("figures %+v", f)
	}
	// 2026-001 done 03-06 (due 03-09), 002 03-12 (due 03-12), 003 03-09,
	// 009 03-20, 020/021 04-03: all on time.
	if f.OnTime != 6 || f.Late != 0 {
		t.Fatalf("on time %d late %d", f.OnTime, f.Late)
	}
	if len(r.Cases) != valid {
		t.Fatalf("%d rows in 明细", len(r.Cases))
	}
	out := filepath.Join(t.TempDir(), "2026.xlsx")
	if err := report.Write(r, out); err != nil {
		t.Fatal(err)
	}
}

func d(y int, m time.Month, day int) time.Time {
	return time.Date(y, m, day, 0, 0, 0, 0, workday.China())
}

// The invalid rows saved as a workbook keep the ledger's headers: fixed
// there, they import like the original rows.
func TestWriteInvalidThenReimport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "台账.xlsx")
	writeOddLedger(t, path)
	db := openDB(t)
	tab, err := ReadFile(ctx, path, "")
	if err != nil {
		t.Fatal(err)
	}
	m := DetectMapping(tab.Headers)
	rep, err := Import(ctx, db, tab, m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "有误.xlsx")
	if err := WriteInvalid(out, tab, rep.Invalid); err != nil {
		t.Fatal(err)
	}
	bad, err := ReadFile(ctx, out, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(bad.Rows) != len(rep.Invalid) || bad.Headers[len(bad.Headers)-1] != "错误原因" {
		t.Fatalf("%d rows, headers %q", len(bad.Rows), bad.Headers)
	}
	again, err := Import(ctx, db, bad, DetectMapping(bad.Headers), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Unfixed, the same rows fail for the same reasons.
	if again.Imported != 0 || len(again.Invalid) != len(rep.Invalid) {
		t.Fatalf("re-import of the unfixed rows: %+v", again)
	}
	for i, p := range again.Invalid {
		if p.Reason != rep.Invalid[i].Reason {
			t.Errorf("row %d: %q, was %q", p.Row, p.Reason, rep.Invalid[i].Reason)
		}
	}
}
