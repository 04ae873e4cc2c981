package desk

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"beiandesk/store/postgres"
	"beiandesk/store/postgres/pgtest"
	"beiandesk/store/sqlite"
)

// newServerDesk builds the window on a fresh book on the test server.
func newServerDesk(t *testing.T) (*Desk, *pgtest.Cluster, string) {
	t.Helper()
	c := pgtest.Get(t)
	url := c.SuperURL(c.NewDatabase(t))
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	Setup(a)
	w := test.NewWindow(nil)
	return runDesk(t, a, w, db, Options{DBPath: url, Clerk: "李娜", Version: "test"}), c, url
}

func waitVisible(t *testing.T, d *Desk, o fyne.CanvasObject, want bool, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		v := o.Visible()
		if v == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("banner visible %v after %v, want %v", v, within, want)
		}
		d.pause(100 * time.Millisecond)
	}
}

// The server stops mid-session: the window says so within a few seconds,
// and takes the banner away once the server is back.
func TestBannerWhileServerDown(t *testing.T) {
	d, c, _ := newServerDesk(t)
	if d.conn.label.Text != "服务器连接中断,正在重连" {
		t.Fatalf("banner text %q", d.conn.label.Text)
	}
	d.pause(connPoll + time.Second)
	waitVisible(t, d, d.conn.obj, false, time.Second)
	c.DownFor(t)
	waitVisible(t, d, d.conn.obj, true, connPoll+connPingTimeout+2*time.Second)
	if err := c.Up(); err != nil {
		t.Fatal(err)
	}
	waitVisible(t, d, d.conn.obj, false, 15*time.Second)
	// The book works again through the same window.
	if _, err := d.db.Dashboard(d.ctx, time.Now()); err != nil {
		t.Fatalf("after the restart: %v", err)
	}
}

// The title bar names the book: the file, or the database and server.
func TestWindowTitleNamesBook(t *testing.T) {
	c := pgtest.Get(t)
	name := c.NewDatabase(t)
	ctx := context.Background()
	pg, err := postgres.Open(ctx, c.SuperURL(name))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	file := filepath.Join(t.TempDir(), "822室.db")
	lite, err := sqlite.Open(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	tests := []struct {
		db   interface{ Location() string }
		want string
	}{
		{lite, "备案受理台 — " + file},
		{pg, "备案受理台 — " + name + " @ " + c.Host + ":" + itoa(c.Port)},
	}
	for i, tt := range tests {
		a := test.NewTempApp(t)
		dctx, cancel := context.WithCancel(ctx)
		var w fyne.Window
		var d *Desk
		if i == 0 {
			w, d = NewMainWindow(dctx, a, lite, Options{DBPath: file, Version: "test"})
		} else {
			w, d = NewMainWindow(dctx, a, pg, Options{Version: "test"})
		}
		holdUI(t, d)
		if got := w.Title(); got != tt.want {
			t.Errorf("title %q, want %q", got, tt.want)
		}
		d.wait()
		d.Close()
		cancel()
		w.Close()
	}
}

func itoa(n int) string { return fmt.Sprint(n) }
