package desk

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"beiandesk/assets"
	"beiandesk/store"
)

// reminders turns the dashboard figures into the tray menu and desktop
// notifications: one at start, one per sync that brings mail, and one for
// each case the first time it is seen due today.
type reminders struct {
	d      *Desk
	notify bool

	menu                        *fyne.Menu
	newMails, dueToday, overdue *fyne.MenuItem
	started                     bool
	notifiedDay                 string
	notifiedDue                 map[int64]bool
	hiddenOnce                  bool
}

// EnableReminders sets up the tray (when the app has one) and desktop
// notifications. Call it only where a tray host and a notification service
// exist: on Linux without a session D-Bus, fyne's tray crashes on quit.
func (d *Desk) EnableReminders() {
	r := &reminders{d: d, notify: true, notifiedDue: map[int64]bool{}}
	if da, ok := d.app.(desktop.App); ok {
		r.newMails = fyne.NewMenuItem(fmt.Sprintf(txtTrayNewMails, 0), func() { d.showWindow(TabInbox) })
		r.dueToday = fyne.NewMenuItem(fmt.Sprintf(txtTrayDueToday, 0), func() { d.showWindow(TabDashboard) })
		r.overdue = fyne.NewMenuItem(fmt.Sprintf(txtTrayOverdue, 0), func() { d.showWindow(TabDashboard) })
		quit := fyne.NewMenuItem(txtTrayQuit, func() { d.app.Quit() })
		quit.IsQuit = true
		r.menu = fyne.NewMenu(txtTitle,
			r.newMails, r.dueToday, r.overdue,
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(txtTrayOpen, func() { d.showWindow("") }),
			fyne.NewMenuItem(txtTraySync, d.Sync),
			fyne.NewMenuItemSeparator(),
			quit,
		)
		da.SetSystemTrayIcon(assets.Icon)
		da.SetSystemTrayMenu(r.menu)
		// With a tray, closing the window hides it: reminders keep coming
		// until the clerk quits from the tray menu.
		d.win.SetCloseIntercept(func() {
			d.win.Hide()
			if !r.hiddenOnce {
				r.hiddenOnce = true
				r.send(txtTitle, txtNotifyStillThere)
			}
		})
	}
	d.OnDashboard = r.dashboard
	d.OnSynced = func(n int) { r.send(txtTitle, fmt.Sprintf(txtNotifyNewMail, n)) }
}

func (d *Desk) showWindow(tab string) {
	d.win.Show()
	d.win.RequestFocus()
	if tab != "" {
		d.SelectTab(tab)
	}
}

func (r *reminders) send(title, content string) {
	if r.notify {
		r.d.app.SendNotification(fyne.NewNotification(title, content))
	}
}

func (r *reminders) dashboard(data *store.Dashboard) {
	if r.menu != nil {
		r.newMails.Label = fmt.Sprintf(txtTrayNewMails, data.NewMails)
		r.dueToday.Label = fmt.Sprintf(txtTrayDueToday, len(data.DueToday))
		r.overdue.Label = fmt.Sprintf(txtTrayOverdue, len(data.Overdue))
		r.menu.Refresh()
	}
	if data.Today != r.notifiedDay {
		r.notifiedDay = data.Today
		clear(r.notifiedDue)
	}
	var fresh []*store.Case
	for _, c := range data.DueToday {
		if !r.notifiedDue[c.ID] {
			r.notifiedDue[c.ID] = true
			fresh = append(fresh, c)
		}
	}
	if !r.started {
		// The start notice already counts what is due today.
		r.started = true
		r.send(txtTitle, fmt.Sprintf(txtNotifyStart, data.NewMails, len(data.DueToday), len(data.Overdue)))
		return
	}
	for _, c := range fresh {
		r.send(txtNotifyDueToday, fmt.Sprintf(txtNotifyDueCase, c.Number, c.Sponsor))
	}
}
