package desk

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"beiandesk/store"
	"beiandesk/store/backend"
	"beiandesk/store/postgres/pgtest"
)

// hold makes the test's goroutine the window's (see holdUI): the retry's
// answer runs only while waitText waits.
func (u *Unreachable) hold(t *testing.T) {
	u.turns.Lock()
	t.Cleanup(u.turns.Unlock)
}

// waitText polls a label of u until it contains want.
func waitText(t *testing.T, u *Unreachable, read func() string, want string, within time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		if got := read(); strings.Contains(got, want) {
			return got
		} else if time.Now().After(deadline) {
			t.Fatalf("after %v: %q, want it to contain %q", within, got, want)
		}
		u.turns.Unlock()
		time.Sleep(50 * time.Millisecond)
		u.turns.Lock()
	}
}

// A server that is down at start opens a window naming the server; 使用本机
// 文件 opens the data folder's file for this run and leaves the saved
// choice alone unless the clerk ticks the box.
func TestUnreachableClosedPort(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	ctx := context.Background()
	port := pgtest.ClosedPort(t)
	target := "postgres://clerk:secret@127.0.0.1:" + strconv.Itoa(port) + "/beiandesk"
	if err := backend.SetDefault(target); err != nil {
		t.Fatal(err)
	}
	saved := backend.StripPassword(target)
	local, err := backend.LocalFile()
	if err != nil {
		t.Fatal(err)
	}
	_, openErr := OpenDB(ctx, target)
	if openErr == nil {
		t.Fatal("a closed port opened")
	}

	for _, remember := range []bool{false, true} {
		a := test.NewTempApp(t)
		var usedFile string
		quit := false
		u := NewUnreachableWindow(ctx, a, target, openErr,
			func(store.Book) { t.Fatal("a closed port opened on retry") },
			func(path string) error { usedFile = path; return nil },
			func() { quit = true })
		u.Win.Show()
		u.hold(t)
		for _, want := range []string{"无法连接案件库所在的服务器 127.0.0.1:" + strconv.Itoa(port), "beiandesk @ 127.0.0.1"} {
			if !strings.Contains(u.intro.Text, want) {
				t.Fatalf("intro %q lacks %q", u.intro.Text, want)
			}
		}
		if strings.Contains(u.intro.Text+u.cause.Text, "secret") {
			t.Fatalf("the password is shown: %q / %q", u.intro.Text, u.cause.Text)
		}
		if u.retry.Text != "重试" || u.useFile.Text != "使用本机文件" {
			t.Fatalf("buttons %q %q", u.retry.Text, u.useFile.Text)
		}
		test.Tap(u.retry)
		waitText(t, u, func() string { return u.state.Text }, "仍然无法连接", 10*time.Second)
		if u.retry.Disabled() {
			t.Fatal("重试 stays disabled after a failed retry")
		}
		if remember {
			test.Tap(u.remember)
		}
		test.Tap(u.useFile)
		if usedFile != local {
			t.Fatalf("local file %q, want %q", usedFile, local)
		}
		got, _ := backend.DefaultTarget()
		want := saved
		if remember {
			want = local
		}
		if got != want {
			t.Fatalf("remember=%v: saved choice %q, want %q", remember, got, want)
		}
		if quit {
			t.Fatal("使用本机文件 quit the program")
		}
	}
	// The data folder's file is the one a start without a choice opens.
	if err := backend.SetDefault(""); err != nil {
		t.Fatal(err)
	}
	if def, _ := backend.DefaultTarget(); def != local {
		t.Fatalf("LocalFile %q, default %q", local, def)
	}
}

// A real server that is stopped at start: 重试 fails while it is down and
// opens the book once it is back.
func TestUnreachableStoppedCluster(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	c := pgtest.Get(t)
	name := c.NewDatabase(t)
	target := c.SuperURL(name)
	ctx := context.Background()
	c.DownFor(t)
	_, openErr := OpenDB(ctx, target)
	if openErr == nil {
		t.Fatal("a stopped server opened")
	}
	a := test.NewTempApp(t)
	opened := make(chan store.Book, 1)
	u := NewUnreachableWindow(ctx, a, target, openErr,
		func(db store.Book) { opened <- db },
		func(string) error { t.Fatal("local file used"); return nil },
		func() { t.Fatal("quit") })
	u.Win.Show()
	u.hold(t)
	if !strings.Contains(u.intro.Text, c.Host+":"+strconv.Itoa(c.Port)) {
		t.Fatalf("intro %q does not name the server", u.intro.Text)
	}
	test.Tap(u.retry)
	waitText(t, u, func() string { return u.state.Text }, "仍然无法连接", 15*time.Second)
	if err := c.Up(); err != nil {
		t.Fatal(err)
	}
	test.Tap(u.retry)
	// The answer runs while the test lets go (see hold).
	u.turns.Unlock()
	defer u.turns.Lock()
	select {
	case db := <-opened:
		defer db.Close()
		if loc := db.Location(); !strings.HasPrefix(loc, name+" @ ") {
			t.Fatalf("opened %q", loc)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("retry after the server came back did not open the book")
	}
}
