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
	openMain := func() error {
		var err error
		if db, err = desk.OpenDB(ctx, opts.DBPath); err != nil {
			return err
		}
		if trace {
			logf("database open")
		}
		mainWin, d = desk.NewMainWindow(ctx, a, db, opts)
		if trayAvailable() {
			d.EnableReminders()
		}
		d.ShowStart(os.Getenv(envStartTab))
		mainWin.Show()
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

	// Damage checks and automatic backups are a local file's business.
	file := !backend.IsServer(opts.DBPath)
	if err := openMain(); err != nil {
		if !file {
			return err
		}
		// A file too damaged to open at all.
		h, cerr := sqlite.Check(ctx, opts.DBPath)
		if !errors.Is(cerr, sqlite.ErrDamaged) {
			return err
		}
		recovery(h)
	} else if file {
		// quick_check reads the whole file (about half a second for 100k
		// cases), so it runs behind the first frame. A damaged file closes
		// the case book before the clerk is offered the newest good backup.
		go func() {
			h, err := sqlite.Check(ctx, opts.DBPath)
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
