// Package ui opens beiandesk's desktop window. The window's content lives
// in package ui/desk; this package only creates the real Fyne app (which
// needs cgo and the X/OpenGL headers) and runs it.
package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"beiandesk/store"
	"beiandesk/store/backend"
	"beiandesk/store/sqlite"
	"beiandesk/ui/desk"
)

// Options say which database to open and who is working.
type Options = desk.Options

// Environment variables read by Run, for screenshots and measurements.
const (
	// envStartTab names the screen shown first; see desk.Desk.ShowStart.
	envStartTab = "BEIANDESK_START_TAB"
	// envTrace, when set, logs to stderr the time from start to the first
	// frame and to the first data of the screens.
	envTrace = "BEIANDESK_TRACE"
	// envWindowSize, as "1024x700", sizes the window (screenshots at
	// several sizes; without a window manager nothing else does).
	envWindowSize = "BEIANDESK_WINDOW_SIZE"
)

// Run checks the database file, opens the window and blocks until the app
// quits. On the way out it makes the day's automatic backup.
func Run(ctx context.Context, opts Options) error {
	start := time.Now()
	trace := os.Getenv(envTrace) != ""
	logf := func(event string) {
		log.Printf("trace: %s after %v", event, time.Since(start).Round(time.Millisecond))
	}
	if trace {
		opts.Trace = logf
	}
	a := app.NewWithID(desk.AppID)

	var db store.Book
	var d *desk.Desk
	var mainWin fyne.Window
	showMain := func(book store.Book) {
		db = book
		if trace {
			logf("database open")
		}
		mainWin, d = desk.NewMainWindow(ctx, a, db, opts)
		if trayAvailable() {
			d.EnableReminders()
		}
		var w, h float32
		if _, err := fmt.Sscanf(os.Getenv(envWindowSize), "%fx%f", &w, &h); err == nil && w > 0 && h > 0 {
			mainWin.Resize(fyne.NewSize(w, h))
		}
		d.ShowStart(os.Getenv(envStartTab))
		mainWin.Show()
	}
	openMain := func() error {
		book, err := desk.OpenDB(ctx, opts.DBPath)
		if err != nil {
			return err
		}
		showMain(book)
		return nil
	}
	recovery := func(h *sqlite.Health) fyne.Window {
		var openErr error
		w := desk.NewRecoveryWindow(ctx, a, h, func() {
			if openErr = openMain(); openErr != nil {
				log.Print(openErr)
				a.Quit()
			}
		}, a.Quit)
		w.Show()
		return w
	}
	// startFile opens a file book: a file too damaged to open goes to the
	// recovery window; quick_check reads the whole file (about half a
	// second for 100k cases), so on a file that opened it runs behind the
	// first frame, and a damaged file closes the case book before the clerk
	// is offered the newest good backup. Damage checks and automatic
	// backups are a local file's business.
	startFile := func() error {
		if err := openMain(); err != nil {
			h, cerr := sqlite.Check(ctx, opts.DBPath)
			if !errors.Is(cerr, sqlite.ErrDamaged) {
				return err
			}
			recovery(h)
			return nil
		}
		path := opts.DBPath
		go func() {
			h, err := sqlite.Check(ctx, path)
			if !errors.Is(err, sqlite.ErrDamaged) {
				return
			}
			fyne.Do(func() {
				mainWin.Hide()
				d.Close()
				db.Close()
				d, db = nil, nil
				recovery(h)
			})
		}()
		return nil
	}

	if !backend.IsServer(opts.DBPath) {
		if err := startFile(); err != nil {
			return err
		}
	} else if err := openMain(); err != nil {
		// A server that cannot be reached (or refuses the login) does not
		// end the program: the clerk may retry, or work in the local file.
		server := opts.DBPath
		u := desk.NewUnreachableWindow(ctx, a, server, err, showMain, func(path string) error {
			opts.DBPath = path
			if err := startFile(); err != nil {
				opts.DBPath = server
				return err
			}
			return nil
		}, a.Quit)
		u.Win.Show()
	}
	if trace {
		a.Lifecycle().SetOnStarted(func() {
			logf("app started")
			go func() {
				// Two round trips through the event loop: the first frame
				// is drawn in between.
				fyne.DoAndWait(func() {})
				fyne.DoAndWait(func() {})
				logf("first frame")
			}()
		})
	}
	a.Run()
	if d != nil {
		d.Close()
	}
	if db == nil {
		return nil
	}
	defer db.Close()
	// At most one a day, kept 30 days, beside the database.
	if f, ok := db.(*sqlite.DB); ok {
		if path, made, err := f.AutoBackup(context.WithoutCancel(ctx), "", 0); err != nil {
			log.Printf("自动备份失败: %v", err)
		} else if made && trace {
			logf("automatic backup " + path)
		}
	}
	return nil
}

// trayAvailable reports whether a system tray and desktop notifications can
// be used. On Linux both go through the session D-Bus; without it Fyne's
// tray crashes on quit (fyne-io/fyne#6403), so there is no tray at all.
func trayAvailable() bool {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return true
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	_, err := os.Stat(fmt.Sprintf("/run/user/%d/bus", os.Getuid()))
	return err == nil
}
