package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
)

// TestMain lets the test binary stand in for beiandesk in a subprocess that
// a test can kill -9 (safety_kill_test.go); otherwise it runs the tests
// with the private PostgreSQL cluster.
func TestMain(m *testing.M) {
	if args := os.Getenv("BEIANDESK_TEST_RUN"); args != "" {
		var a []string
		if err := json.Unmarshal([]byte(args), &a); err != nil {
			os.Exit(3)
		}
		os.Exit(run(context.Background(), a, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(pgtest.Main(m))
}

func newCases(t *testing.T, db string) {
	t.Helper()
	for _, args := range [][]string{
		{"case", "new", "--kind", "deregister", "--channel", "email", "--received", "2026-09-30T10:00:00+08:00",
			"--sponsor", "太原市晋阳网络科技有限公司", "--filing", "晋ICP备12345678号-1", "--domain", "例子.中国", "--json"},
		{"case", "new", "--kind", "password", "--channel", "counter", "--received", "2026-10-09T09:00:00+08:00",
			"--sponsor-type", "person", "--json"},
	} {
		mustCLI(t, db, args...)
	}
	mustCLI(t, db, "case", "check", "1", "--item", "1", "--state", "defective", "--note", "未盖章", "--json")
	mustCLI(t, db, "case", "status", "1", "--to", "returned", "--at", "2026-10-08T09:00:00+08:00", "--json")
}

// copy moves a book from a file to an empty server database and back; each
// step lists the same cases, a used target is refused, and backup on the
// server writes a file that opens with --db.
func TestCopyCommand(t *testing.T) {
	c := pgtest.Get(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "本机.db")
	newCases(t, file)
	url := c.SuperURL(c.NewDatabase(t))
	_, errs, code := cli(t, file, "", "copy", "--to", url)
	if code != 0 || !strings.Contains(errs, "案件 2") || !strings.Contains(errs, "SHA-256") {
		t.Fatalf("copy: exit %d: %s", code, errs)
	}
	if strings.Contains(errs, pgtest.Password) {
		t.Error("the summary shows the password")
	}
	want := mustCLI(t, file, "cases", "--json")
	if got := mustCLI(t, url, "cases", "--json"); !sameJSON(t, got, want) {
		t.Errorf("server lists\n%s\nfile lists\n%s", got, want)
	}
	// Refused: the server book is not empty any more; nothing changes.
	_, errs, code = cli(t, file, "", "copy", "--to", url)
	if code == 0 || !strings.Contains(errs, "不是空的") {
		t.Fatalf("second copy: exit %d: %s", code, errs)
	}
	back := filepath.Join(dir, "回来.db")
	if _, errs, code := cli(t, url, "", "copy", "--to", back); code != 0 {
		t.Fatalf("copy back: %s", errs)
	}
	if got := mustCLI(t, back, "cases", "--json"); !sameJSON(t, got, want) {
		t.Errorf("copied back lists\n%s", got)
	}
	out := filepath.Join(dir, "备份.db")
	if _, errs, code := cli(t, url, "", "backup", "--out", out); code != 0 {
		t.Fatalf("backup: %s", errs)
	}
	if got := mustCLI(t, out, "cases", "--json"); !sameJSON(t, got, want) {
		t.Errorf("backup lists\n%s", got)
	}
}

func sameJSON(t *testing.T, a, b string) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}

// The owner manages clerks; a clerk's --clerk is ignored with a warning and
// the history names the login's clerk; a removed clerk is shut out.
func TestClerksCommand(t *testing.T) {
	c := pgtest.Get(t)
	dbName := c.NewDatabase(t)
	owner := c.SuperURL(dbName)
	role := "cli_wang_" + strings.ReplaceAll(dbName, "_", "")
	c.CreateRole(t, role, "pw")
	if _, errs, code := cli(t, owner, "", "clerks", "add", role, "--name", "王芳"); code != 0 {
		t.Fatalf("clerks add: %s", errs)
	}
	var list []postgres.ClerkInfo
	if err := json.Unmarshal([]byte(mustCLI(t, owner, "clerks", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Role != role || list[0].Name != "王芳" || list[0].Chief {
		t.Fatalf("clerks list %+v", list)
	}
	clerkURL := c.URL(dbName, role, "pw")
	out, errs, code := cli(t, clerkURL, "", "case", "new", "--kind", "deregister", "--channel", "fax", "--provider", "中国联通",
		"--received", "2026-11-02T09:00:00+08:00", "--json")
	if code != 0 || !strings.Contains(errs, "--clerk 已忽略") || !strings.Contains(errs, "王芳") {
		t.Fatalf("case new as clerk: exit %d: %s", code, errs)
	}
	id := decodeCase(t, out).ID
	var shown struct {
		Version int64 `json:"version"`
		History []struct {
			Clerk  string `json:"clerk"`
			Action string `json:"action"`
		} `json:"history"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, clerkURL, "case", "show", fmt.Sprint(id), "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Version != 1 || len(shown.History) != 1 || shown.History[0].Clerk != "王芳" {
		t.Fatalf("case show on the server: %+v", shown)
	}
	db, err := postgres.Open(context.Background(), owner)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h, err := db.History(context.Background(), id)
	if err != nil || len(h) != 1 || h[0].Clerk != "王芳" {
		t.Fatalf("history %+v %v", h, err)
	}
	// A clerk does not manage clerks.
	if _, errs, code := cli(t, clerkURL, "", "clerks", "add", "x_y", "--name", "某"); code == 0 || !strings.Contains(errs, "所有者") {
		t.Errorf("clerk adds clerks: exit %d: %s", code, errs)
	}
	if _, errs, code := cli(t, owner, "", "clerks", "remove", role); code != 0 {
		t.Fatalf("clerks remove: %s", errs)
	}
	if _, errs, code := cli(t, clerkURL, "", "cases", "--json"); code == 0 || !strings.Contains(errs, "不是本系统的经办人") {
		t.Fatalf("removed clerk: exit %d: %s", code, errs)
	}
	h, _ = db.History(context.Background(), id)
	if h[0].Clerk != "王芳" {
		t.Fatalf("history after removal %+v", h)
	}
	// On a file there are no clerks to manage.
	if _, errs, code := cli(t, filepath.Join(t.TempDir(), "f.db"), "", "clerks", "list", "--json"); code == 0 || !strings.Contains(errs, "服务器") {
		t.Errorf("clerks on a file: exit %d: %s", code, errs)
	}
}

// Connection failures reach the clerk in Chinese, naming the server, with
// exit status 1 and no English.
func TestServerErrorsCommand(t *testing.T) {
	c := pgtest.Get(t)
	dbName := c.NewDatabase(t)
	host := c.Host
	for _, url := range []string{
		c.URL(dbName, "postgres", "wrong"),
		c.SuperURL("no_such_db"),
		"postgres://u:p@127.0.0.1:1/x?sslmode=disable",
	} {
		out, errs, code := cli(t, url, "", "cases", "--json")
		if code != 1 || out != "" || !strings.Contains(errs, host) || strings.Contains(errs, "failed") ||
			strings.Contains(errs, "wrong") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", postgres.Redact(url), code, out, errs)
		}
	}
}
