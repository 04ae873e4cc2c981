package desk

import (
	"beiandesk/store/sqlite"
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// newScreenDesk is the frame one screen needs, without the other screens:
// a window, a context, the background-job group and a real case book
// (SQLite in a temp dir). The screen under test is built by the test over
// its own narrow interface and put in the window.
func newScreenDesk(t *testing.T) (*Desk, fyne.Window, *sqlite.DB) {
	t.Helper()
	a := test.NewTempApp(t)
	Setup(a)
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "screen.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return testNow }
	w := test.NewWindow(nil)
	ctx, cancel := context.WithCancel(context.Background())
	d := &Desk{ctx: ctx, cancel: cancel, app: a, win: w, db: db, clerkName: "李娜",
		opts: Options{DBPath: db.Path(), Clerk: "李娜", Version: "test"}, mail: &fakeMail{}}
	d.sync = newSyncer(d)
	w.Resize(fyne.NewSize(1280, 760))
	t.Cleanup(func() {
		d.wait()
		d.Close()
		w.Close()
		db.Close()
	})
	holdUI(t, d)
	return d, w, db
}

// show puts o in the window at the given size and lays it out.
func show(w fyne.Window, o fyne.CanvasObject, width, height float32) {
	w.SetContent(o)
	w.Resize(fyne.NewSize(width, height))
}
