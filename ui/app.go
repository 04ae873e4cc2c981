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

	var db *store.DB
	var d *desk.Desk
	openMain := func() error {
		var err error
		if db, err = desk.OpenDB(ctx, opts.DBPath); err != nil {
			return err
		}
		if trace {
			logf("database open")
		}
		var w fyne.Window
		w, d = desk.NewMainWindow(ctx, a, db, opts)
		if trayAvailable() {
			d.EnableReminders()
		}
		d.ShowStart(os.Getenv(envStartTab))
		w.Show()
		return nil
	}

	// A damaged file is found before anything writes to it.
	h, err := store.Check(ctx, opts.DBPath)
	switch {
	case errors.Is(err, store.ErrDamaged):
		var openErr error
		w := desk.NewRecoveryWindow(ctx, a, h, func() { openErr = openMain() }, a.Quit)
		w.Show()
		a.Run()
		if openErr != nil {
			return openErr
		}
	case err != nil:
		return fmt.Errorf("检查数据库: %w", err)
	default:
		if err := openMain(); err != nil {
			return err
		}
		if trace {
			a.Lifecycle().SetOnStarted(func() {
				logf("app started")
				go func() {
					// Two round trips through the event loop: the first
					// frame is drawn in between.
					fyne.DoAndWait(func() {})
					fyne.DoAndWait(func() {})
					logf("first frame")
				}()
			})
		}
		a.Run()
	}
	if d != nil {
		d.Close()
	}
	if db == nil {
		return nil
	}
	defer db.Close()
	// At most one a day, kept 30 days, beside the database.
	if path, made, err := db.AutoBackup(context.WithoutCancel(ctx), "", 0); err != nil {
		log.Printf("自动备份失败: %v", err)
	} else if made && trace {
		logf("automatic backup " + path)
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
