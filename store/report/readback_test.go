package report

import (
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReadBackWorkbook reads a workbook written by another build of the
// program (.ci/release exports one under qemu with the arm64 binary) and
// checks its sheets and that 明细 names the case it was given. It runs only
// when BEIANDESK_READBACK_XLSX names the file and
// BEIANDESK_READBACK_SPONSOR the sponsor to look for.
func TestReadBackWorkbook(t *testing.T) {
	path := os.Getenv("BEIANDESK_READBACK_XLSX")
	if path == "" {
		t.Skip("BEIANDESK_READBACK_XLSX not set")
	}
	sponsor := os.Getenv("BEIANDESK_READBACK_SPONSOR")
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheets := strings.Join(x.GetSheetList(), ",")
	if sheets != "汇总,明细,逾期,接入商" {
		t.Fatalf("sheets %s", sheets)
	}
	rows, err := x.GetRows(sheetDetail)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if strings.Contains(strings.Join(r, "|"), sponsor) {
			found = true
		}
	}
	if !found {
		t.Fatalf("明细 has %d rows and no %q", len(rows), sponsor)
	}
}
