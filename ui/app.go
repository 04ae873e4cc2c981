// Package ui opens beiandesk's desktop window. The window's content lives
// in package ui/desk; this package only creates the real Fyne app (which
// needs cgo and the X/OpenGL headers) and runs it.
package ui

import (
	"context"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

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

// Run opens the window and blocks until it is closed.
func Run(ctx context.Context, opts Options) error {
	start := time.Now()
	trace := os.Getenv(envTrace) != ""
	logf := func(event string) {
		log.Printf("trace: %s after %v", event, time.Since(start).Round(time.Millisecond))
	}
	db, err := desk.OpenDB(ctx, opts.DBPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if trace {
		logf("database open")
		opts.Trace = logf
	}
	a := app.NewWithID(desk.AppID)
	w, d := desk.NewMainWindow(ctx, a, db, opts)
	defer d.Close()
	d.ShowStart(os.Getenv(envStartTab))
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
	w.ShowAndRun()
	return nil
}
