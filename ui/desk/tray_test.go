package desk

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"beiandesk/store"
)

// The reminders announce the counts at start, then each case the first
// time it is due today, once per day, and each sync that brought mail.
func TestReminders(t *testing.T) {
	d, _ := newTestDesk(t)
	d.EnableReminders()
	due := []*store.Case{{ID: 1, Number: "ZX-2026-0001", Sponsor: "太原市晋阳网络科技有限公司"}}
	data := &store.Dashboard{Today: "2026-10-12", NewMails: 2, DueToday: due, Overdue: []*store.Case{{ID: 9}}}
	test.AssertNotificationSent(t, fyne.NewNotification(txtTitle, fmt.Sprintf(txtNotifyStart, 2, 1, 1)), func() { d.OnDashboard(data) })
	// The same case again: nothing new to say.
	test.AssertNotificationSent(t, nil, func() { d.OnDashboard(data) })
	more := &store.Dashboard{Today: "2026-10-12", DueToday: append(due, &store.Case{ID: 2, Number: "MM-2026-0003", Sponsor: "王晓明"})}
	test.AssertNotificationSent(t, fyne.NewNotification(txtNotifyDueToday, fmt.Sprintf(txtNotifyDueCase, "MM-2026-0003", "王晓明")), func() { d.OnDashboard(more) })
	// A new day: the first case is due again (its due date moved).
	next := &store.Dashboard{Today: "2026-10-13", DueToday: due}
	test.AssertNotificationSent(t, fyne.NewNotification(txtNotifyDueToday, fmt.Sprintf(txtNotifyDueCase, "ZX-2026-0001", "太原市晋阳网络科技有限公司")), func() { d.OnDashboard(next) })
	test.AssertNotificationSent(t, fyne.NewNotification(txtTitle, fmt.Sprintf(txtNotifyNewMail, 3)), func() { d.OnSynced(3) })
}
