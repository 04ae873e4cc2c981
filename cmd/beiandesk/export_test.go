package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// exportBook registers three cases of October 2025 through the command
// line (Oct 1–8 off, Sat Oct 11 worked): one done on time, one late, one
// open and overdue at the end of the month.
func exportBook(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "c.db")
	newCase := func(kind, channel, received string, items int, moves ...string) {
		c := decodeCase(t, mustCLI(t, db, "case", "new", "--kind", kind, "--channel", channel,
			"--received", received, "--sponsor", "太原市晋阳网络科技有限公司", "--provider", "中国电信山西分公司",
			"--phone", "03518788032", "--json"))
		id := itoa(c.ID)
		for i := 1; i <= items; i++ {
			mustCLI(t, db, "case", "check", id, "--item", itoa(int64(i)), "--state", "present", "--json")
		}
		for _, m := range moves {
			to, at, _ := strings.Cut(m, " ")
			if to == "done" && kind == "deregister" {
				mustCLI(t, db, "case", "record", id, "--date", at[:10], "--scope", "subject",
					"--filing", "晋ICP备12345678号", "--json")
			}
			mustCLI(t, db, "case", "status", id, "--to", to, "--at", at, "--json")
		}
	}
	// Due Wed Oct 15, done Tue Oct 14.
	newCase("deregister", "email", "2025-10-09T10:00:00+08:00", 3,
		"accepted 2025-10-10T09:00:00+08:00", "done 2025-10-14T10:00:00+08:00")
	// Due Thu Oct 16, done Mon Oct 20.
	newCase("password", "fax", "2025-10-10T10:00:00+08:00", 3,
		"accepted 2025-10-13T09:00:00+08:00", "done 2025-10-20T10:00:00+08:00")
	// Due Mon Oct 27, open: 4 working days late on Oct 31.
	newCase("deregister", "counter", "2025-10-20T10:00:00+08:00", 0)
	return db
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestExport(t *testing.T) {
	db := exportBook(t)
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
	}{
		{"month", []string{"--month", "2025-10"}},
		{"range", []string{"--from", "2025-10-01", "--to", "2025-10-31"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, tt.name+".xlsx")
			// Flags in any order, global ones among them.
			args := append([]string{"export", "--out", out}, tt.args...)
			stdout, stderr, code := cli(t, db, "", args...)
			if code != 0 || stdout != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			want := "收件(登记) 3 件,受理 2 件,退回补正 0 件(一次性告知 0 份),办结 2 件(其中不予受理 0 件),撤回 0 件,按期办结 1、逾期办结 1,按期办结率 50.0%,期末未结 1 件(其中已逾期 1 件)"
			if !strings.Contains(stderr, want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line with %q", stderr, want)
			}
			x, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			if got := x.GetSheetList(); !reflect.DeepEqual(got, []string{"汇总", "明细", "逾期", "接入商"}) {
				t.Errorf("sheets %v", got)
			}
			late, _ := x.GetCellValue("逾期", "H2")
			phone, _ := x.GetCellValue("明细", "S2")
			if late != "4" || phone != "0351-8788032" {
				t.Errorf("days late %q, phone %q", late, phone)
			}
		})
	}
	if _, stderr, code := cli(t, db, "", "export", "--month", "2025-10", "--out", filepath.Join(dir, "r.xls")); code != 0 ||
		!strings.Contains(stderr, "不以 .xlsx 结尾") {
		t.Errorf("other extension: exit %d, %q", code, stderr)
	}
}

func TestExportRefuses(t *testing.T) {
	db := exportBook(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "r.xlsx")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no out", []string{"--month", "2025-10"}, 2, "--out: 必须填写"},
		{"no period", []string{"--out", out}, 2, "--month YYYY-MM 或 --from"},
		{"bad month", []string{"--month", "2025-13", "--out", out}, 1, "--month: 无法识别的月份「2025-13」"},
		{"month and range", []string{"--month", "2025-10", "--from", "2025-10-01", "--out", out}, 2, "--month 不能与"},
		{"from only", []string{"--from", "2025-10-01", "--out", out}, 2, "--to: 必须填写"},
		{"bad from", []string{"--from", "2025-10-32", "--to", "2025-10-31", "--out", out}, 1, "--from: 无法识别的日期「2025-10-32」"},
		{"from after to", []string{"--from", "2025-10-31", "--to", "2025-10-01", "--out", out}, 1, "--from 2025-10-31 晚于 --to 2025-10-01"},
		{"missing folder", []string{"--month", "2025-10", "--out", filepath.Join(dir, "no", "r.xlsx")}, 1, "--out: 目录"},
		{"folder under a file", []string{"--month", "2025-10", "--out", filepath.Join(file, "r.xlsx")}, 1, "--out: 目录"},
		{"out is a folder", []string{"--month", "2025-10", "--out", dir}, 1, "是一个目录"},
		{"extra argument", []string{"--month", "2025-10", "--out", out, "2025-11"}, 2, "多余的参数"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := cli(t, db, "", append([]string{"export"}, tt.args...)...)
			if code != tt.code || stdout != "" || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d (want %d), stdout %q, stderr %q (want %q)", code, tt.code, stdout, stderr, tt.want)
			}
		})
	}
	// Nothing was left behind: no report, no temporary file.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "plain.txt" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v", names)
	}
}
