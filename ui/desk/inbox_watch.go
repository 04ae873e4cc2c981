package desk

import (
	"time"

	"fyne.io/fyne/v2"
)

// inboxWatchEvery is how often the window looks for mail stored by another
// process (a command-line import or sync while the window is open).
const inboxWatchEvery = 3 * time.Second

// watch reloads 收件箱 when the number of stored mails changes behind the
// window's back, keeping the chosen filter. A count is one cheap query; the
// window's own imports reload it anyway.
func (v *inboxView) watch() {
	t := time.NewTicker(inboxWatchEvery)
	defer t.Stop()
	for {
		select {
		case <-v.d.ctx.Done():
			return
		case <-t.C:
		}
		n, err := v.d.db.CountMails(v.d.ctx, "")
		if err != nil {
			continue
		}
		if int64(n) != v.shown.Load() {
			v.shown.Store(int64(n)) // one reload per change, not one per tick until it lands
			fyne.Do(func() {
				v.reload()
				v.d.dashboard.reload()
			})
		}
	}
}
