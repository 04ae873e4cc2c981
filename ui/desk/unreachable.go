package desk

import (
	"context"
	"fmt"
	"net/url"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/backend"
)

// Unreachable is the window shown instead of the main window when the
// server book cannot be opened at start: it names the server, and offers
// 重试 and 使用本机文件. Using the local file is for this run only unless
// the clerk ticks the box that makes it the choice of later starts too: a
// server that is down for an hour must not quietly split the room's book
// in two.
type Unreachable struct {
	Win                 fyne.Window
	retry, useFile      *widget.Button
	quit                *widget.Button
	remember            *widget.Check
	intro, cause, state *widget.Label
	// turns makes the retry's answer take turns with the window's
	// goroutine; only Fyne's test driver needs it (it runs fyne.Do on the
	// caller's goroutine), where the test holds it while it acts.
	turns sync.Mutex
}

// NewUnreachableWindow builds the window for target, which failed to open
// with err. After a successful 重试 (the book is opened off the UI
// goroutine), opened is called on the UI goroutine with the book; after
// 使用本机文件, useFile is called with the data folder's file, which the
// caller opens as it opens any file book (its error is shown and the
// window stays). Either way the window then closes. quit ends the program.
func NewUnreachableWindow(ctx context.Context, a fyne.App, target string, err error,
	opened func(db store.Book), useFile func(path string) error, quit func()) *Unreachable {
	Setup(a)
	u := &Unreachable{Win: a.NewWindow(txtTitle + " — " + txtUnreachableTitle)}
	u.intro = widget.NewLabel(fmt.Sprintf(txtUnreachableIntro, serverHost(target), backend.Describe(target)))
	u.intro.Wrapping = fyne.TextWrapWord
	u.cause = widget.NewLabel(fmt.Sprintf(txtUnreachableCause, err))
	u.cause.Wrapping = fyne.TextWrapWord
	u.state = widget.NewLabel("")
	u.state.Wrapping = fyne.TextWrapWord
	u.state.Hide() // no empty row until there is something to say
	local, lerr := backend.LocalFile()
	u.remember = widget.NewCheck(txtUnreachableRemember, nil)
	u.retry = widget.NewButtonWithIcon(txtUnreachableRetry, fynetheme.ViewRefreshIcon(), func() {
		u.setBusy(true)
		u.say(txtServerTesting)
		go func() {
			db, err := OpenDB(ctx, target)
			fyne.Do(func() {
				u.turns.Lock()
				defer u.turns.Unlock()
				if err != nil {
					u.setBusy(false)
					u.say(fmt.Sprintf(txtUnreachableStill, err))
					return
				}
				u.Win.SetCloseIntercept(nil)
				opened(db)
				u.Win.Close()
			})
		}()
	})
	u.retry.Importance = widget.HighImportance
	u.useFile = widget.NewButtonWithIcon(txtServerUseFile, fynetheme.FileIcon(), func() {
		if lerr != nil {
			u.say(fmt.Sprintf(txtUnreachableNoFile, lerr))
			return
		}
		if u.remember.Checked {
			if err := backend.SetDefault(""); err != nil {
				u.say(fmt.Sprintf(txtUnreachableNoFile, err))
				return
			}
		}
		if err := useFile(local); err != nil {
			u.say(fmt.Sprintf(txtUnreachableNoFile, err))
			return
		}
		u.Win.SetCloseIntercept(nil)
		u.Win.Close()
	})
	u.quit = widget.NewButton(txtDamagedQuit, func() { quit() })
	fileNote := caption(fmt.Sprintf(txtUnreachableFile, local))
	u.Win.SetContent(container.NewPadded(container.NewVBox(
		widget.NewLabelWithStyle(txtUnreachableTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		u.intro, u.cause, u.state,
		container.NewHBox(u.retry, u.useFile, u.quit),
		fileNote, u.remember)))
	u.Win.SetCloseIntercept(quit)
	u.Win.Resize(fyne.NewSize(640, 360))
	return u
}

func (u *Unreachable) say(msg string) {
	u.state.SetText(msg)
	u.state.Show()
}

func (u *Unreachable) setBusy(busy bool) {
	for _, b := range []*widget.Button{u.retry, u.useFile} {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// serverHost is the host (and port) a server URL names, for the clerk to
// pass on to whoever runs the server.
func serverHost(target string) string {
	if u, err := url.Parse(target); err == nil && u.Host != "" {
		return u.Host
	}
	return backend.Describe(target)
}
