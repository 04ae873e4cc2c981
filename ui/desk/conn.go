package desk

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
)

// pinger is a book on a server, whose connection can be lost mid-session.
type pinger interface {
	Ping(ctx context.Context) error
}

const (
	// connPoll is how often the window asks a server book whether it is
	// still there; a lost server shows within about this long.
	connPoll = 2 * time.Second
	// connPingTimeout bounds one question, so a server that stopped
	// answering (not just refusing) is noticed too.
	connPingTimeout = 3 * time.Second
)

// connBanner is the strip above the tabs saying the server is gone; hidden
// while all is well. The screens keep what they show meanwhile, and the
// book's Watch reloads them once the server is back.
type connBanner struct {
	obj   *fyne.Container
	label *widget.Label
}

func newConnBanner() *connBanner {
	b := &connBanner{label: widget.NewLabelWithStyle(txtConnLost, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	b.obj = container.NewStack(bg, container.NewHBox(widget.NewIcon(theme.WarningIcon()), b.label))
	b.obj.Hide()
	return b
}

// withBanner puts the banner above the window's content.
func (d *Desk) withBanner(content fyne.CanvasObject) fyne.CanvasObject {
	d.conn = newConnBanner()
	return container.NewBorder(d.conn.obj, nil, nil, nil, content)
}

// watchConn asks a server book every connPoll whether it still answers,
// and shows or hides the banner on the UI goroutine.
func (d *Desk) watchConn() {
	p, ok := d.db.(pinger)
	if !ok || d.conn == nil {
		return
	}
	go func() {
		t := time.NewTicker(connPoll)
		defer t.Stop()
		for {
			select {
			case <-d.ctx.Done():
				return
			case <-t.C:
			}
			ctx, cancel := context.WithTimeout(d.ctx, connPingTimeout)
			err := p.Ping(ctx)
			cancel()
			if d.ctx.Err() != nil {
				return
			}
			lost := err != nil
			d.do(func() {
				if lost {
					d.conn.obj.Show()
				} else {
					d.conn.obj.Hide()
				}
			})
		}
	}()
}

// windowTitle names the book the window is on (file name, or database and
// server), so a clerk with two windows knows which is which.
func windowTitle(db store.Book) string {
	return txtTitle + " — " + db.Location()
}
