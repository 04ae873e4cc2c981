package desk

import (
	"context"
	"errors"
	"os"
	"os/user"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// Tab names accepted by SelectTab (and BEIANDESK_START_TAB).
const (
	TabDashboard = "dashboard"
	TabInbox     = "inbox"
	TabRegister  = "register"
	TabCases     = "cases"
	TabReport    = "report"
	TabSettings  = "settings"
)

// dashboardRefresh is how often 工作台 reloads by itself.
const dashboardRefresh = 5 * time.Minute

var tabOrder = []string{TabDashboard, TabInbox, TabRegister, TabCases, TabReport, TabSettings}

// Desk is the content of the main window: the six screens over one case
// book. Its methods must be called on the UI goroutine.
type Desk struct {
	ctx    context.Context
	cancel context.CancelFunc
	app    fyne.App
	win    fyne.Window
	db     store.Book
	opts   Options
	mail   mailBackend

	clerkName string

	tabs      *container.AppTabs
	dashboard *dashboardView
	inbox     *inboxView
	register  *registerView
	cases     *casesView
	report    *reportView
	settings  *settingsView
	sync      *syncer
	conn      *connBanner

	// pending counts background jobs; tests wait on it.
	pending sync.WaitGroup

	// trace, when set (BEIANDESK_TRACE), logs the first time each named
	// event happens.
	trace  func(event string)
	traced map[string]bool

	tmpOnce sync.Once
	tmpDir  string
	tmpErr  error

	// OnDashboard, when set, is called on the UI goroutine with every fresh
	// load of the dashboard figures (the tray shows the counts).
	OnDashboard func(*store.Dashboard)
	// OnSynced, when set, is called on the UI goroutine after a sync that
	// stored new mail.
	OnSynced func(newMails int)
}

func newDesk(ctx context.Context, a fyne.App, w fyne.Window, db store.Book, opts Options) *Desk {
	ctx, cancel := context.WithCancel(ctx)
	d := &Desk{ctx: ctx, cancel: cancel, app: a, win: w, db: db, opts: opts, mail: defaultMailBackend(opts.Version)}
	d.clerkName = d.loadClerk()
	d.sync = newSyncer(d)
	d.dashboard = newDashboardView(d)
	d.inbox = newInboxView(d)
	d.register = newRegisterView(d)
	d.cases = newCasesView(d)
	d.report = newReportView(d)
	d.settings = newSettingsView(d)
	return d
}

// content builds the tab container.
func (d *Desk) content() fyne.CanvasObject {
	d.tabs = container.NewAppTabs(
		container.NewTabItem(txtTabDashboard, d.dashboard.obj),
		container.NewTabItem(txtTabInbox, d.inbox.obj),
		container.NewTabItem(txtTabRegister, d.register.obj),
		container.NewTabItem(txtTabCases, d.cases.obj),
		container.NewTabItem(txtTabReport, d.report.obj),
		container.NewTabItem(txtTabSettings, d.settings.obj),
	)
	d.tabs.OnSelected = func(*container.TabItem) { d.onTab() }
	d.addShortcuts()
	return d.withBanner(d.tabs)
}

// start loads the first data of every screen and starts automatic sync.
func (d *Desk) start() {
	d.dashboard.reload()
	d.inbox.reload()
	d.cases.reload()
	d.sync.schedule()
	d.watchBook()
	d.watchConn()
	go d.tick()
}

// tick refreshes the dashboard every few minutes, so that "today" and the
// deadlines stay right on a window left open.
func (d *Desk) tick() {
	t := time.NewTicker(dashboardRefresh)
	defer t.Stop()
	for {
		select {
		case <-d.ctx.Done():
			return
		case <-t.C:
			fyne.Do(d.dashboard.reload)
		}
	}
}

// Close stops background work and removes the temporary folder of opened
// attachments.
func (d *Desk) Close() {
	d.cancel()
	d.sync.stop()
	if d.tmpDir != "" {
		os.RemoveAll(d.tmpDir)
	}
}

// SelectTab shows one of the screens by name (TabDashboard …); a sub-screen
// of 设置 is named like "settings.calendar".
func (d *Desk) SelectTab(name string) {
	if main, sub, ok := strings.Cut(name, "."); ok && main == TabSettings {
		d.settings.selectSub(sub)
		name = main
	}
	for i, n := range tabOrder {
		if n == name {
			d.tabs.SelectIndex(i)
			return
		}
	}
}

func (d *Desk) currentTab() string {
	i := d.tabs.SelectedIndex()
	if i < 0 || i >= len(tabOrder) {
		return ""
	}
	return tabOrder[i]
}

// onTab refreshes the screen that was just selected.
func (d *Desk) onTab() {
	switch d.currentTab() {
	case TabDashboard:
		d.dashboard.reload()
	case TabInbox:
		d.inbox.reload()
	case TabCases:
		d.cases.refreshData()
	case TabReport:
		d.report.ensureLoaded()
	}
}

// OpenCase shows a case in 案件.
func (d *Desk) OpenCase(id int64) {
	d.SelectTab(TabCases)
	d.cases.showCase(id)
}

// NewCase shows an empty 登记 form.
func (d *Desk) NewCase() {
	d.SelectTab(TabRegister)
	d.register.focus()
}

// Sync starts fetching mail, unless a sync is running.
func (d *Desk) Sync() {
	d.sync.start()
}

// Search focuses the search box of 案件.
func (d *Desk) Search() {
	d.SelectTab(TabCases)
	d.win.Canvas().Focus(d.cases.search)
}

// changed tells every screen that cases or mails changed.
func (d *Desk) changed() {
	d.dashboard.reload()
	d.inbox.reload()
	d.cases.refreshData()
	d.report.invalidate()
}

func (d *Desk) addShortcuts() {
	c := d.win.Canvas()
	for key, fn := range d.shortcutActions() {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { fn() })
	}
}

func (d *Desk) shortcutActions() map[fyne.KeyName]func() {
	return map[fyne.KeyName]func(){
		fyne.KeyF: d.Search,
		fyne.KeyN: d.NewCase,
		fyne.KeyR: d.Sync,
	}
}

// shortcut runs the window shortcut s if it is one; entries forward the
// shortcuts they do not handle here.
func (d *Desk) shortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	if fn := d.shortcutActions()[cs.KeyName]; fn != nil {
		fn()
		return true
	}
	return false
}

// traceOnce reports the first occurrence of an event when tracing.
func (d *Desk) traceOnce(event string) {
	if d.trace == nil || d.traced[event] {
		return
	}
	if d.traced == nil {
		d.traced = map[string]bool{}
	}
	d.traced[event] = true
	d.trace(event)
}

// clerk is the name recorded in the history.
func (d *Desk) clerk() string { return d.clerkName }

func (d *Desk) loadClerk() string {
	if d.opts.Clerk != "" {
		return d.opts.Clerk
	}
	if s, _ := d.db.Setting(d.ctx, store.SettingClerk, ""); s != "" {
		return s
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

// now is the current time as the store sees it: a SQLite book's clock,
// which tests pin, else the machine's.
func (d *Desk) now() time.Time {
	if f, ok := d.db.(*sqlite.DB); ok && f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

// bg runs work off the UI goroutine; the function it returns, if any, runs
// on the UI goroutine afterwards.
func (d *Desk) bg(work func() func()) {
	d.pending.Add(1)
	go func() {
		defer d.pending.Done()
		if done := work(); done != nil {
			fyne.DoAndWait(done)
		}
	}()
}

// wait blocks until the background jobs started so far (and those they
// started) are finished. For tests.
func (d *Desk) wait() { d.pending.Wait() }

// viewDir is a private temporary folder for attachments opened with the
// system viewer; Close removes it.
func (d *Desk) viewDir() (string, error) {
	d.tmpOnce.Do(func() {
		d.tmpDir, d.tmpErr = os.MkdirTemp("", "beiandesk-view-")
	})
	return d.tmpDir, d.tmpErr
}

// errText is what a clerk reads for err: field errors without their field
// name (the field is shown next to the message), mail errors described.
func (d *Desk) errText(err error) string {
	var fe *store.FieldError
	if errors.As(err, &fe) {
		return fe.Err.Error()
	}
	var ce *store.ConflictError
	if errors.As(err, &ce) {
		return ce.Error()
	}
	return err.Error()
}
