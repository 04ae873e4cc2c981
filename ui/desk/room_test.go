package desk

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
	"beiandesk/store/rules"
)

// onUI runs fn on d's window goroutine, which the test's goroutine is
// (holdUI).
func onUI(d *Desk, fn func()) { fn() }

// eventually polls cond on d's UI until it holds, or fails after within.
func eventually(t *testing.T, d *Desk, within time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	start := time.Now()
	for {
		var ok bool
		var got string
		onUI(d, func() { ok, got = cond() })
		if ok {
			t.Logf("%s: after %v", what, time.Since(start).Round(10*time.Millisecond))
			return
		}
		if time.Since(start) > within {
			t.Fatalf("%s: not seen within %v; got %s", what, within, got)
		}
		d.pause(50 * time.Millisecond)
	}
}

// The real beiandesk binary, built once per test binary, for the command
// line as a third clerk.
var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
)

func beiandeskCLI(t *testing.T) string {
	t.Helper()
	cliOnce.Do(func() {
		dir, err := os.MkdirTemp("", "beiandesk-cli-")
		if err != nil {
			cliErr = err
			return
		}
		cliPath = filepath.Join(dir, "beiandesk")
		out, err := exec.Command("go", "build", "-o", cliPath, "beiandesk/cmd/beiandesk").CombinedOutput()
		if err != nil {
			cliErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	return cliPath
}

func runCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	cmd := exec.Command(beiandeskCLI(t), append([]string{"--db", db}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("beiandesk %v: %v: %s", args, err, errb.String())
	}
	return out.String()
}

// newClerkDesk opens a window on the book at url, logged in as a clerk.
func newClerkDesk(t *testing.T, a fyne.App, url string) *Desk {
	t.Helper()
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("")
	w.Show()
	return runDesk(t, a, w, db, Options{DBPath: url, Version: "test"})
}

// labelTexts is every label laid out under o.
func labelTexts(o fyne.CanvasObject) string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// liveWithin is how soon a change made elsewhere must be on screen.
const liveWithin = 2 * time.Second

// Two windows and the command line, as three different clerks on one
// server book, work the same case at once: each sees the others' changes
// without a click, a stale edit is refused with the clerk's name and
// overwrites nothing, and the history names the right clerk (issue 10).
func TestRoomSharesOneBook(t *testing.T) {
	c := pgtest.Get(t)
	name := c.NewDatabase(t)
	owner, err := postgres.Open(context.Background(), c.SuperURL(name))
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	suffix := strings.ReplaceAll(name, "_", "")
	clerks := []struct{ role, name string }{{"wang_" + suffix, "王芳"}, {"li_" + suffix, "李娜"}, {"zhang_" + suffix, "张伟"}}
	urls := make([]string, len(clerks))
	for i, k := range clerks {
		c.CreateRole(t, k.role, "pw-"+k.role)
		if _, err := owner.AddClerk(context.Background(), k.role, k.name, false); err != nil {
			t.Fatal(err)
		}
		urls[i] = c.URL(name, k.role, "pw-"+k.role)
	}
	beiandeskCLI(t) // built before the clocks start

	a := test.NewTempApp(t)
	Setup(a)
	wang, li := newClerkDesk(t, a, urls[0]), newClerkDesk(t, a, urls[1])
	cli := urls[2]

	// 张伟 registers a case on the command line. The first change also
	// shows that both windows are listening, so it may take longer.
	received := time.Now().Add(-time.Hour).In(chinaZone()).Format(time.RFC3339)
	var created struct {
		ID     int64  `json:"id"`
		Number string `json:"number"`
	}
	out := runCLI(t, cli, "case", "new", "--kind", "deregister", "--channel", "counter", "--received", received,
		"--sponsor", "太原市晋阳网络科技有限公司", "--filing", "晋ICP备12345678号-1", "--domain", "例子.中国", "--json")
	if err := json.Unmarshal([]byte(out), &created); err != nil || created.ID == 0 {
		t.Fatalf("case new: %v in %q", err, out)
	}
	for _, d := range []*Desk{wang, li} {
		eventually(t, d, 15*time.Second, "first case on the dashboard", func() (bool, string) {
			if d.dashboard.data == nil {
				return false, "no data"
			}
			return d.dashboard.data.MonthReceived == 1, fmt.Sprint(d.dashboard.data.MonthReceived)
		})
		eventually(t, d, 15*time.Second, "first case in the list", func() (bool, string) {
			c := d.cases.rowCase(0)
			return d.cases.count.Text == fmt.Sprintf(txtCaseCount, 1) && c != nil && c.Number == created.Number,
				d.cases.count.Text
		})
	}

	// Both open the case; 李娜 opens 修改信息 on it and leaves it open.
	for _, d := range []*Desk{wang, li} {
		onUI(d, func() { d.OpenCase(created.ID) })
		eventually(t, d, 5*time.Second, "detail loaded", func() (bool, string) {
			v := d.cases.detail
			return v.c != nil && v.c.ID == created.ID, v.title.Text
		})
	}
	var liEditor *caseEditor
	onUI(li, func() { li.cases.detail.openEditor(); liEditor = li.cases.detail.editor })

	// 王芳 corrects the contact in her window. 李娜's detail (behind her
	// open dialog) and 张伟's command line see it.
	onUI(wang, func() {
		wang.cases.detail.openEditor()
		ed := wang.cases.detail.editor
		ed.inputs["contact"].SetText("赵刚")
		ed.inputs["phone"].SetText("0351-8788032")
		ed.save()
	})
	eventually(t, li, liveWithin, "王芳's edit in 李娜's detail", func() (bool, string) {
		v := li.cases.detail
		txt := labelTexts(v.scroll.Content)
		return v.c.Contact == "赵刚" && strings.Contains(txt, "赵刚") && strings.Contains(txt, "王芳"), v.c.Contact
	})

	// 李娜's dialog still shows the case before 王芳's edit: saving it is
	// refused with 王芳's name, and 王芳's contact stays.
	onUI(li, func() {
		liEditor.inputs["sponsor"].SetText("太原市晋阳网络科技股份有限公司")
		liEditor.save()
	})
	var conflict string
	onUI(li, func() { conflict = dialogText(t, li) })
	if !strings.Contains(conflict, "该案件已被 王芳 于 ") || !strings.Contains(conflict, "修改,请刷新后再试") {
		t.Fatalf("stale edit: dialog reads %q", conflict)
	}
	got, err := owner.Case(context.Background(), created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Contact != "赵刚" || got.Phone != "0351-8788032" || got.Sponsor != "太原市晋阳网络科技有限公司" {
		t.Fatalf("the stale edit overwrote something: contact %q phone %q sponsor %q", got.Contact, got.Phone, got.Sponsor)
	}

	// 李娜 checks the first material in her window; 王芳 sees it.
	onUI(li, func() { liEditor.dlg.Hide(); li.cases.detail.check(1, rules.ItemPresent, "") })
	li.wait()
	eventually(t, wang, liveWithin, "李娜's check in 王芳's detail", func() (bool, string) {
		v := wang.cases.detail
		return len(v.c.Materials) > 0 && v.c.Materials[0].State == rules.ItemPresent, v.title.Text
	})

	// 张伟 rejects the case on the command line (不予受理 counts as 办结); both windows' detail,
	// list and dashboard follow.
	runCLI(t, cli, "case", "check", fmt.Sprint(created.ID), "--item", "2", "--state", "present", "--json")
	runCLI(t, cli, "case", "status", fmt.Sprint(created.ID), "--to", "rejected", "--note", "备案不属于本省", "--json")
	for _, d := range []*Desk{wang, li} {
		eventually(t, d, liveWithin, "张伟's move in the detail", func() (bool, string) {
			v := d.cases.detail
			return v.c.Status == rules.StatusRejected && strings.Contains(v.title.Text, rules.StatusRejected.Label()), v.title.Text
		})
		eventually(t, d, liveWithin, "张伟's move on the dashboard", func() (bool, string) {
			return d.dashboard.data != nil && d.dashboard.data.MonthDone == 1, fmt.Sprint(d.dashboard.data.MonthDone)
		})
		onUI(d, d.cases.backToList)
		eventually(t, d, liveWithin, "张伟's move in the list", func() (bool, string) {
			c := d.cases.rowCase(0)
			return c != nil && c.Status == rules.StatusRejected, fmt.Sprint(c)
		})
	}

	// The history names each clerk for what they did, and nothing for the
	// refused edit.
	var shown struct {
		History []struct {
			Clerk  string `json:"clerk"`
			Action string `json:"action"`
			Note   string `json:"note"`
		} `json:"history"`
	}
	out = runCLI(t, cli, "case", "show", fmt.Sprint(created.ID), "--json")
	if err := json.Unmarshal([]byte(out), &shown); err != nil {
		t.Fatalf("%v in %q", err, out)
	}
	by := map[string][]string{}
	var lines []string
	for _, e := range shown.History {
		by[e.Clerk] = append(by[e.Clerk], e.Action)
		lines = append(lines, e.Clerk+" "+e.Action+" "+e.Note)
	}
	hist := strings.Join(lines, "\n")
	for _, want := range []struct{ clerk, action string }{
		{"张伟", "create"}, {"张伟", "status"}, {"张伟", "check"}, {"王芳", "edit"}, {"李娜", "check"},
	} {
		found := false
		for _, a := range by[want.clerk] {
			found = found || a == want.action
		}
		if !found {
			t.Errorf("history lacks %s by %s:\n%s", want.action, want.clerk, hist)
		}
	}
	for _, a := range by["李娜"] {
		if a == "edit" {
			t.Errorf("the refused edit is in the history:\n%s", hist)
		}
	}
	if strings.Contains(hist, "股份") {
		t.Errorf("the refused sponsor is in the history:\n%s", hist)
	}
	for k := range by {
		if k != "张伟" && k != "王芳" && k != "李娜" {
			t.Errorf("history names %q:\n%s", k, hist)
		}
	}
}
