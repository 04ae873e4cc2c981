package desk

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"beiandesk/store"
)

// Item 10: after an export, 打开文件 opens the workbook and 打开所在文件夹
// its folder.
func TestExportOffersOpenFileAndFolder(t *testing.T) {
	d, w, db := newScreenDesk(t)
	var opened []string
	d.opener = func(u *url.URL) error { opened = append(opened, u.Path); return nil }
	if _, err := db.CreateCase(d.ctx, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-10-08 10:00"),
		SponsorType: "org", Sponsor: "导出测试有限公司"}, "测试"); err != nil {
		t.Fatal(err)
	}
	v := newReportView(d)
	show(w, v.obj, 1024, 640)
	v.compute()
	d.wait()
	if v.openFile.Visible() || v.openDir.Visible() {
		t.Fatal("open buttons shown before any export")
	}
	path := filepath.Join(t.TempDir(), "2026-10月报.xlsx")
	v.exportTo(path)
	d.wait()
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Fatalf("workbook not written: %v", err)
	}
	if !v.openFile.Visible() || !v.openDir.Visible() {
		t.Fatal("no 打开文件 / 打开所在文件夹 after the export")
	}
	test.Tap(v.openFile)
	test.Tap(v.openDir)
	if len(opened) != 2 || opened[0] != filepath.ToSlash(path) || opened[1] != filepath.ToSlash(filepath.Dir(path)) {
		t.Errorf("opened %q", opened)
	}
}
