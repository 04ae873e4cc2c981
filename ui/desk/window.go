// Package desk is the content of beiandesk's main window: the six screens
// (工作台, 收件箱, 登记, 案件, 报表, 设置) over one case book. It holds no
// business rules: it shows what the store and mail packages compute and
// passes the clerk's input back to them.
//
// It never creates the Fyne app itself (package ui's Run does), so that the
// screens can be built and driven with fyne.io/fyne/v2/test, and its tests
// compile without the X and OpenGL headers the real driver needs.
package desk

import (
	"context"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	fynetheme "fyne.io/fyne/v2/theme"

	"beiandesk/assets"
	"beiandesk/store"
	"beiandesk/store/backend"
	"beiandesk/ui/theme"
)

// MinWindow is the least size of the main window.
var MinWindow = fyne.NewSize(1024, 640)

// minSizeLayout stretches its objects over its area and asks for at least
// its size.
type minSizeLayout struct{ size fyne.Size }

func (l minSizeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	// The window pads its content on every side.
	pad := 2 * fynetheme.Padding()
	s := l.size.SubtractWidthHeight(pad, pad)
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (l minSizeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// AppID is the application's unique ID (preferences, keyring service).
const AppID = "cn.gov.shanxi.ca.beiandesk"

// Options say which database to open and who is working.
type Options struct {
	DBPath  string
	Clerk   string
	Version string
	// Trace, when set, is told the first time each stage of the start-up
	// is reached ("dashboard data shown", …), for measurements.
	Trace func(event string)
}

// OpenDB opens the case book, with the error in the clerk's words.
func OpenDB(ctx context.Context, path string) (store.Book, error) {
	db, err := backend.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf(txtOpenDBFailed, err)
	}
	return db, nil
}

// NewMainWindow sets the theme and translations on a, builds the main
// window of the case book db and returns it with its desk, whose Close must
// be called after the window is gone. The window is not shown. A system
// tray can be set up around it by the caller (a.(desktop.App)), using the
// desk's SelectTab, NewCase, Sync and OpenCase for its menu.
func NewMainWindow(ctx context.Context, a fyne.App, db store.Book, opts Options) (fyne.Window, *Desk) {
	Setup(a)
	w := a.NewWindow(windowTitle(db))
	w.SetIcon(assets.Icon)
	d := newDesk(ctx, a, w, db, opts)
	d.trace = opts.Trace
	// The content's least size is the window's: every screen is laid out
	// to stay usable at 1024×640 (TestSmallWindow).
	w.SetContent(container.New(minSizeLayout{MinWindow}, d.content()))
	w.Resize(fyne.NewSize(1280, 760))
	w.SetMaster()
	d.start()
	return w, d
}

// Setup applies the application theme (bundled Chinese fonts, light and
// dark following the system) and Chinese texts for Fyne's own widgets.
func Setup(a fyne.App) {
	a.SetIcon(assets.Icon)
	a.Settings().SetTheme(theme.New())
	translateOnce.Do(func() {
		for _, loc := range []fyne.Locale{"en", "zh-Hans", "zh"} {
			if err := lang.AddTranslationsForLocale([]byte(fyneZH), loc); err != nil {
				fyne.LogError("translations", err)
			}
		}
	})
}

var translateOnce sync.Once

// ShowStart shows the screen named by BEIANDESK_START_TAB: a tab name
// (dashboard, inbox, register, cases, report, settings), a sub-screen of
// 设置 (settings.calendar …), or case.overdue for the most overdue case.
func (d *Desk) ShowStart(name string) {
	switch name {
	case "":
	case "case.overdue":
		if dash, err := d.db.Dashboard(d.ctx, d.now()); err == nil && len(dash.Overdue) > 0 {
			d.OpenCase(dash.Overdue[0].ID)
		}
	default:
		d.SelectTab(name)
	}
}
