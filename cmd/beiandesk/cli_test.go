package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// cli runs one command line in-process against db.
func cli(t *testing.T, db string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), append([]string{"--db", db, "--clerk", "测试员"}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errs, code := cli(t, db, "", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

func decodeCase(t *testing.T, s string) caseJSON {
	t.Helper()
	var c caseJSON
	if err := json.Unmarshal([]byte(s), &c); err != nil {
		t.Fatalf("%v in %q", err, s)
	}
	return c
}

// rowCounts fingerprints every table that a command could touch.
func rowCounts(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, table := range []string{"cases", "material", "event", "case_seq", "holiday_year", "holiday_day", "mail"} {
		var n int
		var sum sql.NullString
		db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
		b.WriteString(table + ":" + string(rune('0'+n%10)) + sum.String + " ")
	}
	var states string
	db.QueryRow(`SELECT coalesce(group_concat(status || due || coalesce(closed_day,''), ','), '') FROM cases`).Scan(&states)
	var items string
	db.QueryRow(`SELECT coalesce(group_concat(state || note, ','), '') FROM material`).Scan(&items)
	return b.String() + states + "|" + items
}

func TestCaseNewJSONContract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	out := mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "email",
		"--received", "2026-09-30T10:00:00+08:00", "--sponsor-type", "org", "--applicant", "agent",
		"--sponsor", "太原市晋阳网络科技有限公司", "--cert-no", "91350100M000100Y43",
		"--filing", "晋ICP备12345678号-1", "--filing", "晋ICP备12345678号-2A", "--domain", "example.com",
		"--provider", "中国电信", "--json")
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "number", "kind", "channel", "status", "received_at", "due", "sponsor_type", "sponsor", "filings", "domains", "provider", "materials", "mail_ids"} {
		if _, ok := raw[key]; !ok {
			t.Errorf("case JSON lacks %q", key)
		}
	}
	c := decodeCase(t, out)
	if c.Number != "ZX-2026-0001" || c.Status != "received" || c.Due == nil || *c.Due != "2026-10-13" ||
		c.ReceivedAt != "2026-09-30T10:00:00+08:00" || c.SponsorType != "org" || c.Provider != "中国电信" {
		t.Fatalf("case %+v", c)
	}
	if len(c.Filings) != 2 || c.Filings[1] != "晋ICP备12345678号-2A" || len(c.Domains) != 1 || len(c.MailIDs) != 0 {
		t.Fatalf("filings %v domains %v mails %v", c.Filings, c.Domains, c.MailIDs)
	}
	if len(c.Materials) != 4 {
		t.Fatalf("agent materials %v", c.Materials)
	}
	for _, m := range c.Materials {
		if m.State != "missing" {
			t.Fatalf("material %+v", m)
		}
	}
}

func TestCaseLifecycleFromCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	mustCLI(t, db, "case", "new", "--kind", "password", "--channel", "counter",
		"--received", "2026-02-13T16:00:00+08:00", "--sponsor-type", "person", "--sponsor", "王晓明",
		"--cert-no", "11010519491231002X", "--json")
	// Flags and the positional id in any order.
	mustCLI(t, db, "case", "check", "--item", "1", "1", "--state", "present", "--json")
	mustCLI(t, db, "case", "check", "1", "--state", "present", "--item", "2", "--json")
	c := decodeCase(t, mustCLI(t, db, "case", "status", "--to", "accepted", "1", "--at", "2026-02-24T09:00:00+08:00", "--json"))
	if c.Status != "accepted" || c.Due == nil || *c.Due != "2026-02-27" {
		t.Fatalf("after accept: %s due %v", c.Status, c.Due)
	}
	c = decodeCase(t, mustCLI(t, db, "case", "status", "1", "--to", "done", "--at", "2026-02-26T09:00:00+08:00", "--note", "已重置", "--json"))
	if c.Status != "done" || c.OnTime == nil || !*c.OnTime {
		t.Fatalf("after done: %+v", c)
	}
	var list []caseJSON
	if err := json.Unmarshal([]byte(mustCLI(t, db, "cases", "--json", "--month", "2026-02", "--status", "done")), &list); err != nil || len(list) != 1 {
		t.Fatalf("cases: %v %v", list, err)
	}
	if err := json.Unmarshal([]byte(mustCLI(t, db, "cases", "--month", "2026-03", "--json")), &list); err != nil || len(list) != 0 {
		t.Fatalf("cases in March: %v %v", list, err)
	}
}

// Every bad input exits non-zero, names the flag on stderr, prints nothing
// on stdout and leaves the database as it was.
func TestBadInputChangesNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "fax", "--provider", "中国电信山西分公司", "--received", "2026-09-30T10:00:00+08:00", "--json")
	before := rowCounts(t, db)
	newCase := []string{"case", "new", "--kind", "deregister", "--channel", "fax", "--provider", "中国电信山西分公司", "--received", "2026-09-30T10:00:00+08:00", "--json"}
	with := func(extra ...string) []string { return append(append([]string{}, newCase...), extra...) }
	tests := []struct {
		args []string
		flag string
	}{
		{[]string{"case", "new", "--kind", "cancel", "--channel", "fax", "--received", "2026-09-30T10:00:00+08:00"}, "--kind"},
		{[]string{"case", "new", "--kind", "deregister", "--channel", "telegram", "--received", "2026-09-30T10:00:00+08:00"}, "--channel"},
		{[]string{"case", "new", "--kind", "deregister", "--channel", "fax", "--received", "30/09/2026"}, "--received"},
		{[]string{"case", "new", "--kind", "deregister", "--channel", "fax"}, "--received"},
		{with("--cert-no", "91350100M000100Y40"), "--cert-no"},
		{with("--sponsor-type", "person", "--cert-no", "110105194912310021"), "--cert-no"},
		{with("--sponsor-type", "person", "--cert-no", "110105194902300027"), "--cert-no"},
		{with("--sponsor-type", "company"), "--sponsor-type"},
		{with("--applicant", "boss"), "--applicant"},
		{with("--filing", "ICP备12345678号"), "--filing"},
		{with("--filing", "晋ICP备12345678号-X"), "--filing"},
		{with("--domain", "http://"), "--domain"},
		{with("--mail", "7"), "--mail"},
		{with("--mail", "abc"), "--mail"},
		{[]string{"case", "status", "1", "--to", "accepted"}, "--to"},
		{[]string{"case", "status", "1", "--to", "finished"}, "--to"},
		{[]string{"case", "status", "1", "--to", "done"}, "--to"},
		{[]string{"case", "status", "1", "--to", "rejected"}, "--note"},
		{[]string{"case", "new", "--kind", "deregister", "--channel", "fax", "--received", "2026-09-30T10:00:00+08:00"}, "--provider"},
		{[]string{"case", "new", "--kind", "conflict", "--channel", "email", "--received", "2026-09-30T10:00:00+08:00"}, "--provider"},
		{with("--sponsor-type", "person", "--applicant", "agent"), "--applicant"},
		{with("--stage", "review"), "--stage"},
		{[]string{"case", "check", "1", "--add", " "}, "--add"},
		{[]string{"case", "record", "1", "--scope", "site", "--filing", "晋ICP备12345678号-1"}, "--scope"},
		{[]string{"case", "record", "1", "--scope", "all", "--filing", "晋ICP备12345678号-1"}, "--scope"},
		{[]string{"case", "record", "1", "--scope", "site"}, "--filing"},
		{[]string{"case", "status", "1", "--to", "rejected", "--note", "外省", "--at", "2026-09-29T10:00:00+08:00"}, "--at"},
		{[]string{"case", "status", "1", "--to", "rejected", "--note", "外省", "--at", "yesterday"}, "--at"},
		{[]string{"case", "status", "99", "--to", "withdrawn"}, "99"},
		{[]string{"case", "status", "x1", "--to", "withdrawn"}, "x1"},
		{[]string{"case", "check", "1", "--item", "0", "--state", "present"}, "--item"},
		{[]string{"case", "check", "1", "--item", "4", "--state", "present"}, "--item"},
		{[]string{"case", "check", "1", "--item", "1", "--state", "ok"}, "--state"},
		{[]string{"case", "check", "1", "--item", "1", "--state", "defective"}, "--note"},
		{[]string{"cases", "--month", "2026-13", "--json"}, "--month"},
		{[]string{"cases", "--status", "open-ish", "--json"}, "--status"},
		{[]string{"workdays", "--from", "2026-02-30", "--days", "5"}, "--from"},
		{[]string{"workdays", "--from", "2026-02-03", "--days", "five"}, "--days"},
		{[]string{"holidays", "list", "--year", "20x6", "--json"}, "--year"},
		{[]string{"holidays", "import", "/nonexistent/notice.txt"}, "不存在"},
		{[]string{"backup", "--out", "/nonexistent/dir/copy.db"}, "--out"},
		{[]string{"case", "new", "--kind", "deregister", "--channel", "fax", "--received", "2026-09-30T10:00:00+08:00", "--bogus", "1"}, "bogus"},
	}
	for _, tt := range tests {
		out, errs, code := cli(t, db, "", tt.args...)
		if code == 0 || out != "" || !strings.Contains(errs, tt.flag) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want failure naming %s", tt.args, code, out, errs, tt.flag)
		}
		if after := rowCounts(t, db); after != before {
			t.Fatalf("%v changed the database:\n%s\n%s", tt.args, before, after)
		}
	}
}

func TestWorkdays(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	tests := []struct{ from, days, want string }{
		{"2026-09-30", "5", "2026-10-13"},       // DESIGN's worked example
		{"2026-09-30T16:45", "5", "2026-10-13"}, // time of day does not matter
		{"2026-10-09", "1", "2026-10-10"},       // Friday before a make-up Saturday
		{"2026-10-03", "5", "2026-10-13"},       // inside the holiday
		{"2026-10-10", "5", "2026-10-16"},       // on a make-up day
		{"2026-02-13", "5", "2026-02-27"},       // before the Spring Festival
		{"2025-12-31", "5", "2026-01-08"},       // across New Year, Sunday Jan 4 works
		{"2026-12-31", "5", "2027-01-08"},
		{"2025-01-24", "5", "2025-02-07"},
		{"2026-05-08", "0", "2026-05-08"},
	}
	for _, tt := range tests {
		out := mustCLI(t, db, "workdays", "--from", tt.from, "--days", tt.days)
		if out != tt.want+"\n" {
			t.Errorf("workdays %s + %s = %q, want %s", tt.from, tt.days, out, tt.want)
		}
	}
}

const notice2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦:1月1日(周四)至3日(周六)放假调休,共3天。1月4日(周日)上班。
二、春节:2月15日(农历腊月二十八、周日)至23日(农历正月初七、周一)放假调休,共9天。2月14日(周六)、2月28日(周六)上班。
三、清明节:4月4日(周六)至6日(周一)放假,共3天。
四、劳动节:5月1日(周五)至5日(周二)放假调休,共5天。5月9日(周六)上班。
五、端午节:6月19日(周五)至21日(周日)放假,共3天。
六、中秋节:9月25日(周五)至27日(周日)放假,共3天。
七、国庆节:10月1日(周四)至7日(周三)放假调休,共7天。9月20日(周日)、10月10日(周六)上班。
`

func TestHolidaysImportAndList(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	var before struct {
		Year      int
		Off, Work []string
	}
	if err := json.Unmarshal([]byte(mustCLI(t, db, "holidays", "list", "--year", "2026", "--json")), &before); err != nil {
		t.Fatal(err)
	}
	if before.Year != 2026 || len(before.Off) != 33 || len(before.Work) != 6 || before.Work[0] != "2026-01-04" {
		t.Fatalf("built-in 2026: %+v", before)
	}
	// A notice that moves a day: 10月10日 becomes an ordinary Saturday.
	edited := strings.Replace(notice2026, "、10月10日(周六)上班", "上班", 1)
	_, errs, code := cli(t, db, edited, "holidays", "import", "--year", "2026", "-")
	if code != 0 {
		t.Fatalf("import: %s", errs)
	}
	if out := mustCLI(t, db, "workdays", "--from", "2026-09-30", "--days", "5"); out != "2026-10-14\n" {
		t.Fatalf("after import: %s", out)
	}
	var after struct{ Off, Work []string }
	json.Unmarshal([]byte(mustCLI(t, db, "holidays", "list", "--year", "2026", "--json")), &after)
	if len(after.Work) != 5 || len(after.Off) != 33 {
		t.Fatalf("after import: %+v", after)
	}
	// A file, and garbage.
	file := filepath.Join(t.TempDir(), "notice.txt")
	os.WriteFile(file, []byte(strings.NewReplacer(":", ":", "(", "(", ")", ")", ",", ",").Replace(notice2026)), 0o644)
	if _, errs, code := cli(t, db, "", "holidays", "import", file); code != 0 {
		t.Fatalf("full-width import: %s", errs)
	}
	if out := mustCLI(t, db, "workdays", "--from", "2026-09-30", "--days", "5"); out != "2026-10-13\n" {
		t.Fatalf("after re-import: %s", out)
	}
	before2 := rowCounts(t, db)
	if _, _, code := cli(t, db, "没有日期的文字", "holidays", "import", "-"); code == 0 {
		t.Fatal("imported a text without dates")
	}
	if _, _, code := cli(t, db, notice2026, "holidays", "import", "--year", "2025", "-"); code == 0 {
		t.Fatal("imported a 2026 notice as 2025")
	}
	if rowCounts(t, db) != before2 {
		t.Fatal("failed import changed the database")
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "post", "--received", "2026-11-02T10:00:00+08:00", "--json")
	out := filepath.Join(dir, "copy.db")
	mustCLI(t, db, "backup", "--out", out)
	var list []caseJSON
	if err := json.Unmarshal([]byte(mustCLI(t, out, "cases", "--json")), &list); err != nil || len(list) != 1 {
		t.Fatalf("backup holds %v, %v", list, err)
	}
	if _, _, code := cli(t, db, "", "backup", "--out", out); code == 0 {
		t.Fatal("backup overwrote a file")
	}
}

func TestCaseEditCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "post", "--received", "2026-11-02T10:00:00+08:00",
		"--sponsor", "太原市晋阳网络科技有限公司", "--filing", "晋ICP备12345678号-1", "--json")
	c := decodeCase(t, mustCLI(t, db, "case", "edit", "1", "--sponsor", "太原市晋阳网络科技股份有限公司", "--filing", "晋ICP备12345678号-2", "--json"))
	if c.Sponsor != "太原市晋阳网络科技股份有限公司" || len(c.Filings) != 1 || c.Filings[0] != "晋ICP备12345678号-2" {
		t.Fatalf("after edit %+v", c)
	}
	before := rowCounts(t, db)
	if _, errs, code := cli(t, db, "", "case", "edit", "1", "--phone", "123"); code == 0 || !strings.Contains(errs, "--phone") {
		t.Fatalf("bad phone accepted: %d %s", code, errs)
	}
	if rowCounts(t, db) != before {
		t.Fatal("a refused edit changed the database")
	}
}

// The requests and moves of issue 13 through the command line: a conflict,
// an added checklist item, the national record before 办结, and 不予受理
// after acceptance with its reason.
func TestRequestsAndOutcomesFromCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	c := decodeCase(t, mustCLI(t, db, "case", "new", "--kind", "conflict", "--channel", "fax", "--provider", "中国移动山西公司",
		"--received", "2026-09-30T10:00:00+08:00", "--sponsor-type", "person", "--sponsor", "王晓明",
		"--filing", "晋ICP备12345678号-1", "--json"))
	if c.Kind != "conflict" || c.Stage != "issued" || !strings.HasPrefix(c.Number, "CT-") || c.Due == nil || *c.Due != "2026-10-13" ||
		len(c.Materials) != 3 || c.Materials[0].Item != "接入商的备案信息冲突解决申请" {
		t.Fatalf("conflict: %+v", c)
	}
	c = decodeCase(t, mustCLI(t, db, "case", "check", "1", "--add", "原备案主体证明材料", "--json"))
	if len(c.Materials) != 4 || c.Materials[3].Item != "原备案主体证明材料" || c.Materials[3].State != "missing" {
		t.Fatalf("added: %+v", c.Materials)
	}
	for i := 1; i <= 4; i++ {
		mustCLI(t, db, "case", "check", "1", "--item", itoa(int64(i)), "--state", "present", "--json")
	}
	mustCLI(t, db, "case", "status", "1", "--to", "accepted", "--at", "2026-10-09T10:00:00+08:00", "--json")
	_, errs, code := cli(t, db, "", "case", "status", "1", "--to", "done", "--json")
	if code == 0 || !strings.Contains(errs, "备案管理系统") {
		t.Fatalf("done without record: %d %s", code, errs)
	}
	c = decodeCase(t, mustCLI(t, db, "case", "record", "1", "--date", "2026-10-12", "--scope", "site",
		"--filing", "晋ICP备12345678号-1", "--json"))
	if len(c.National) != 1 || c.National[0] != (nationalJSON{"2026-10-12", "site", "晋ICP备12345678号-1", "测试员"}) {
		t.Fatalf("national: %+v", c.National)
	}
	c = decodeCase(t, mustCLI(t, db, "case", "status", "1", "--to", "done", "--at", "2026-10-12T16:00:00+08:00", "--json"))
	if c.Status != "done" || c.OnTime == nil || !*c.OnTime {
		t.Fatalf("done: %+v", c)
	}

	mustCLI(t, db, "case", "new", "--kind", "password", "--channel", "counter", "--sponsor-type", "person",
		"--received", "2026-09-30T10:00:00+08:00", "--json")
	mustCLI(t, db, "case", "check", "2", "--item", "1", "--state", "present", "--json")
	mustCLI(t, db, "case", "check", "2", "--item", "2", "--state", "present", "--json")
	mustCLI(t, db, "case", "status", "2", "--to", "accepted", "--at", "2026-10-09T10:00:00+08:00", "--json")
	_, errs, code = cli(t, db, "", "case", "status", "2", "--to", "rejected", "--json")
	if code == 0 || !strings.Contains(errs, "--note") {
		t.Fatalf("rejected without reason: %d %s", code, errs)
	}
	c = decodeCase(t, mustCLI(t, db, "case", "status", "2", "--to", "rejected", "--note", "主办者与备案信息不符", "--json"))
	if c.Status != "rejected" {
		t.Fatalf("rejected: %+v", c)
	}
}

// A year without a holiday table is not silently weekends-only: workdays
// warns on stderr (stdout keeps the bare date) and the case says 未核实.
func TestUnverifiedCalendarFromCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	out, errs, code := cli(t, db, "", "workdays", "--from", "2028-01-03", "--days", "5")
	if code != 0 || out != "2028-01-10\n" || !strings.Contains(errs, "2028年节假日安排尚未导入") {
		t.Fatalf("2028: %q %q %d", out, errs, code)
	}
	out, errs, code = cli(t, db, "", "workdays", "--from", "2026-09-30", "--days", "5")
	if code != 0 || out != "2026-10-13\n" || errs != "" {
		t.Fatalf("2026: %q %q %d", out, errs, code)
	}
	// A receipt may not lie in the future: 2024 has no table either.
	c := decodeCase(t, mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "email",
		"--received", "2024-03-01T10:00:00+08:00", "--json"))
	if c.DueVerified == nil || *c.DueVerified {
		t.Errorf("2024 case due_verified %v", c.DueVerified)
	}
	c = decodeCase(t, mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "email",
		"--received", "2026-03-02T10:00:00+08:00", "--json"))
	if c.DueVerified == nil || !*c.DueVerified {
		t.Errorf("2026 case due_verified %v", c.DueVerified)
	}
}
