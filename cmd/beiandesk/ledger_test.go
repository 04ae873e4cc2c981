package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestLedgerImportJSONContract(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	text := "山西省通信管理局注销备案台账(2026年)\n" +
		"序号,来件日期,来件方式,主办单位,统一社会信用代码,备案号,域名,办理结果,办结日期,经办人\n" +
		"T-1,2026.3.2,邮件,太原市晋阳网络科技有限公司,91350100M000100Y43,\"晋ICP备12345678号-1、晋ICP备12345678号-2\",example.com,已办结,2026.3.6,王芳\n" +
		"T-2,3月3日,传真,山西云帆信息技术有限公司,91350100M000100Y44,晋ICP备22345678号,,在办,,\n" +
		"T-3,2026年3月4日,现场,王晓明,11010519491231002X,晋ICP备32345678号,,待办,,李娜\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(dir, "台账.csv")
	if err := os.WriteFile(csv, []byte(gb), 0o600); err != nil {
		t.Fatal(err)
	}
	type result struct {
		Rows       *int              `json:"rows"`
		Imported   *int              `json:"imported"`
		Duplicates *int              `json:"duplicates"`
		Invalid    []map[string]any  `json:"invalid"`
		Mapping    map[string]string `json:"mapping"`
	}
	decode := func(s string) result {
		t.Helper()
		var r result
		if err := json.Unmarshal([]byte(s), &r); err != nil || r.Rows == nil || r.Imported == nil || r.Duplicates == nil || r.Invalid == nil || r.Mapping == nil {
			t.Fatalf("%v: %s", err, s)
		}
		return r
	}
	// A dry run counts and stores nothing.
	r := decode(mustCLI(t, db, "ledger", "import", csv, "--dry-run", "--json"))
	if *r.Rows != 3 || *r.Imported != 2 || len(r.Invalid) != 1 || r.Mapping["来件日期"] != "received" {
		t.Fatalf("dry run: %+v", r)
	}
	if out := mustCLI(t, db, "cases", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("dry run stored cases: %s", out)
	}
	// The USCC on row 4 has a wrong check character.
	if p := r.Invalid[0]; p["row"] != float64(4) || p["column"] != "统一社会信用代码" || !strings.Contains(p["reason"].(string), "校验位") {
		t.Fatalf("invalid: %+v", p)
	}
	r = decode(mustCLI(t, db, "ledger", "import", "--json", csv))
	if *r.Imported != 2 || *r.Duplicates != 0 {
		t.Fatalf("import: %+v", r)
	}
	r = decode(mustCLI(t, db, "ledger", "import", csv, "--json"))
	if *r.Imported != 0 || *r.Duplicates != 2 {
		t.Fatalf("second import: %+v", r)
	}
	// The historic number is in the case JSON and can be searched for.
	out := mustCLI(t, db, "cases", "--json", "--q", "T-3")
	var cs []caseJSON
	if err := json.Unmarshal([]byte(out), &cs); err != nil || len(cs) != 1 || cs[0].LegacyNo != "T-3" ||
		cs[0].Status != "received" || cs[0].SponsorType != "person" {
		t.Fatalf("search T-3: %v %s", err, out)
	}
	// --map overrides a column.
	r = decode(mustCLI(t, filepath.Join(dir, "d.db"), "ledger", "import", csv, "--map", "备案号=ignore,域名=domain", "--dry-run", "--json"))
	if _, ok := r.Mapping["备案号"]; ok || *r.Imported != 2 {
		t.Fatalf("--map: %+v", r)
	}
	// A legacy .xls is refused with what to do, in Chinese.
	xls := filepath.Join(dir, "old.xls")
	if err := os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0}, make([]byte, 600)...), 0o600); err != nil {
		t.Fatal(err)
	}
	_, errs, code := cli(t, db, "", "ledger", "import", xls, "--json")
	if code == 0 || !strings.Contains(errs, "另存为") {
		t.Fatalf("xls: exit %d, %s", code, errs)
	}
	_, errs, code = cli(t, db, "", "ledger", "import", filepath.Join(dir, "无.xlsx"), "--json")
	if code == 0 || !strings.Contains(errs, "不存在") {
		t.Fatalf("missing file: exit %d, %s", code, errs)
	}
}
