package desk

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"beiandesk/store"
	"beiandesk/store/ledger"
)

// A ledger whose 渠道 column no synonym knows: the clerk maps it by hand,
// sees the counts change, imports, and the cases appear; a second import
// adds nothing.
func TestLedgerImportScreen(t *testing.T) {
	d, _ := newTestDesk(t)
	path := filepath.Join(t.TempDir(), "台账.csv")
	var b strings.Builder
	b.WriteString("2026年注销台账\n序号,收件日期,收件途径,主办单位,证件号码,备案号,办理结果,办结日期\n")
	for i := 1; i <= 25; i++ {
		cert := "91350100M000100Y43"
		if i == 7 {
			cert = "91350100M000100Y44" // wrong check character
		}
		fmt.Fprintf(&b, "%d,2026年9月%d日,传真,太原市第%d网络科技有限公司,%s,晋ICP备%08d号,已办结,2026/9/%d\n", i, i, i, cert, 20000000+i, i+1)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	v := newLedgerView(d)
	v.load(path)
	d.wait()
	if v.table == nil || len(v.selects) != 8 {
		t.Fatalf("file not shown: %q", v.file.Text)
	}
	if rows, cols := v.previewSize(); rows != previewRows+1 || cols != 9 {
		t.Fatalf("preview %d×%d", rows, cols)
	}
	// 收件途径 is unknown: 来件方式 is missing, nothing can be imported.
	if !v.importB.Disabled() || !strings.Contains(v.counts.Text, "来件方式") {
		t.Fatalf("counts %q, import enabled %v", v.counts.Text, !v.importB.Disabled())
	}
	v.selects[2].SetSelected(ledger.FieldChannel.Label())
	if v.importB.Disabled() || v.counts.Text != fmt.Sprintf(txtLedgerCounts, 24, 1) {
		t.Fatalf("after mapping: %q", v.counts.Text)
	}
	v.runImport()
	d.wait()
	if v.result.Text != fmt.Sprintf(txtLedgerDone, 24, 0, 1) || !v.saveBad.Visible() || len(v.invalid) != 1 || v.invalid[0].Row != 9 {
		t.Fatalf("result %q, invalid %+v", v.result.Text, v.invalid)
	}
	cs, err := d.db.Cases(context.Background(), store.Filter{}, false)
	if err != nil || len(cs) != 24 || cs[0].Channel != "fax" {
		t.Fatalf("%d cases, %v", len(cs), err)
	}
	v.runImport()
	d.wait()
	if v.result.Text != fmt.Sprintf(txtLedgerDone, 0, 24, 1) {
		t.Fatalf("second import: %q", v.result.Text)
	}
}
