package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// newNoticeCase registers a deregistration by mail with one item checked
// and returns its id.
func newNoticeCase(t *testing.T, db string) string {
	t.Helper()
	c := decodeCase(t, mustCLI(t, db, "case", "new", "--kind", "deregister", "--channel", "email",
		"--received", "2026-09-30T10:00:00+08:00", "--sponsor-type", "org", "--applicant", "legal",
		"--sponsor", "太原市晋阳网络科技有限公司", "--filing", "晋ICP备12345678号-1", "--domain", "example.com", "--json"))
	id := strconv.FormatInt(c.ID, 10)
	mustCLI(t, db, "case", "check", id, "--item", "1", "--state", "defective", "--note", "未使用A4纸", "--json")
	return id
}

func TestNoticeCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	id := newNoticeCase(t, db)

	out := mustCLI(t, db, "notice", id, "--kind", "receipt", "--text")
	for _, w := range []string{"收件回执", "收件编号：ZX-2026-0001", "太原市晋阳网络科技有限公司：", "办理期限至2026年10月", "山西省通信管理局"} {
		if !strings.Contains(out, w) {
			t.Errorf("receipt text lacks %q:\n%s", w, out)
		}
	}
	// Flags after the id, before it, and the Chinese title as kind.
	out = mustCLI(t, db, "notice", "--kind", "退回补正通知书", "--text", id)
	if !strings.Contains(out, "申请表(企业版)：未使用A4纸") {
		t.Errorf("return text:\n%s", out)
	}

	pdf := filepath.Join(t.TempDir(), "回执.pdf")
	_, errs, code := cli(t, db, "", "notice", id, "--kind", "receipt", "--out", pdf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(pdf)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") || len(data) > 300<<10 {
		t.Fatalf("PDF: %v, %d bytes", err, len(data))
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil || !strings.Contains(string(txt), "收件回执") || !strings.Contains(string(txt), "ZX-2026-0001") {
			t.Errorf("pdftotext: %v\n%s", err, txt)
		}
	}

	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"notice", id, "--kind", "accept", "--text"}, 1, "尚未受理，不能出具受理通知书"},
		{[]string{"notice", id, "--kind", "done", "--text"}, 1, "尚未办结"},
		{[]string{"notice", id, "--kind", "invoice", "--text"}, 1, "告知书类型"},
		{[]string{"notice", id, "--text"}, 2, "--kind"},
		{[]string{"notice", id, "--kind", "receipt"}, 2, "--out"},
		{[]string{"notice", id, "--kind", "receipt", "--text", "--out", pdf}, 2, "不能同时使用"},
		{[]string{"notice", "99", "--kind", "receipt", "--text"}, 1, ""},
		{[]string{"notice", id, "--kind", "receipt", "--out", filepath.Join(t.TempDir(), "no", "x.pdf")}, 1, "不存在"},
	} {
		stdout, stderr, code := cli(t, db, "", tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.err) || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d with %q", tc.args, code, stdout, stderr, tc.code, tc.err)
		}
	}
}
