package desk

import (
	"context"
	"errors"
	"net/url"
	"os"
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
	// session holds 授权码 typed in this run that no keyring could keep.
	session sessionPasswords

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

	// opener, when set, opens URLs instead of the app (tests record them).
	opener func(*url.URL) error

	// pending counts background jobs; tests wait on it.
	pending jobCount
	// doneMu makes background completions take turns (see bg).
	doneMu sync.Mutex
	// testUI is set while a test's goroutine holds doneMu as the window's
	// goroutine (holdUI in the tests).
	testUI bool

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
	if testHoldUI {
		// Built on the window's goroutine, as in the real app: nothing
		// the construction starts completes before it is done.
		d.doneMu.Lock()
		d.testUI = true
	}
	d.clerkName = d.loadClerk()
	d.sync = newSyncer(d)
	d.dashboard = newDashboardView(d, db)
	d.inbox = newInboxView(d, db)
	d.register = newRegisterView(d, db)
	d.cases = newCasesView(d, db)
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
	d.recoverOutbox()
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
			d.do(d.dashboard.reload)
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

// Search shows the case list (leaving a detail) and focuses its search
// box, keeping what was typed there.
func (d *Desk) Search() {
	d.SelectTab(TabCases)
	d.cases.backToList()
	d.win.Canvas().Focus(d.cases.search)
}

// escape goes back from a case detail to the list; it reports whether it
// did. A dialog on top keeps Escape for itself.
func (d *Desk) escape() bool {
	if d.cases == nil || d.win.Canvas().Overlays().Top() != nil {
		return false
	}
	if d.currentTab() == TabCases && d.cases.showingDetail() {
		d.cases.backToList()
		return true
	}
	return false
}

// save saves the form of the current screen (登记), for Ctrl+S and
// Ctrl+Enter.
func (d *Desk) save() {
	if d.currentTab() == TabRegister {
		d.register.save()
	}
}

// changed tells every screen that cases or mails changed.
// A screen built alone (in a test) has no neighbours to tell.
func (d *Desk) changed() {
	if d.dashboard != nil {
		d.dashboard.reload()
	}
	if d.inbox != nil {
		d.inbox.reload()
	}
	if d.cases != nil {
		d.cases.refreshData()
	}
	if d.report != nil {
		d.report.invalidate()
	}
	if d.register != nil {
		d.register.mailsChanged()
	}
}

func (d *Desk) addShortcuts() {
	c := d.win.Canvas()
	for key, fn := range d.shortcutActions() {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { fn() })
	}
	// Escape with nothing focused (dialogs set their own handler while
	// shown and put this one back).
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			d.escape()
		}
	})
}

func (d *Desk) shortcutActions() map[fyne.KeyName]func() {
	return map[fyne.KeyName]func(){
		fyne.KeyF:      d.Search,
		fyne.KeyN:      d.NewCase,
		fyne.KeyR:      d.Sync,
		fyne.KeyS:      d.save,
		fyne.KeyReturn: d.save,
		fyne.KeyEnter:  d.save,
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
	// No fallback to the OS account: on Linux that is often "root", which
	// then stood in the history as the clerk. 工作台's 开始使用 guide asks
	// for the name instead.
	s, _ := d.db.Setting(d.ctx, store.SettingClerk, "")
	return s
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
	d.pending.add()
	go func() {
		defer d.pending.done()
		// A desk closed meanwhile shows nothing more (its book's calls
		// fail with the cancelled context, not the clerk's business).
		if done := work(); done != nil && d.ctx.Err() == nil {
			fyne.DoAndWait(func() {
				// On the window's own goroutine completions already run one
				// at a time; Fyne's test driver runs each on its job's
				// goroutine, so they take turns here.
				d.doneMu.Lock()
				defer d.doneMu.Unlock()
				done()
			})
		}
	}()
}

// do runs fn on the UI goroutine, from any other goroutine, in turn with
// the background jobs' completions (see bg). Every update of the window
// from a goroutine goes through here or bg.
func (d *Desk) do(fn func()) {
	fyne.Do(func() {
		d.doneMu.Lock()
		defer d.doneMu.Unlock()
		fn()
	})
}

// wait blocks until the background jobs started so far (and those they
// started) are finished. For tests: a test whose goroutine stands in for
// the window's (holdUI) lets the completions run meanwhile.
func (d *Desk) wait() {
	if d.testUI {
		d.doneMu.Unlock()
		defer d.doneMu.Lock()
	}
	d.pending.wait()
}

// testHoldUI is set by the tests (TestMain): every desk is built with its
// test's goroutine standing in for the window's (see holdUI in the tests).
var testHoldUI bool

// jobCount counts running background jobs. Unlike a sync.WaitGroup it may
// go up from zero while someone waits: a change seen by the book's watcher
// starts a reload whenever it comes, also while a test waits.
type jobCount struct {
	mu   sync.Mutex
	n    int
	zero *sync.Cond
}

func (j *jobCount) cond() *sync.Cond {
	if j.zero == nil {
		j.zero = sync.NewCond(&j.mu)
	}
	return j.zero
}

func (j *jobCount) add() {
	j.mu.Lock()
	j.n++
	j.mu.Unlock()
}

func (j *jobCount) done() {
	j.mu.Lock()
	j.n--
	if j.n == 0 {
		j.cond().Broadcast()
	}
	j.mu.Unlock()
}

func (j *jobCount) wait() {
	j.mu.Lock()
	for j.n > 0 {
		j.cond().Wait()
	}
	j.mu.Unlock()
}

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
	if errors.Is(err, store.ErrSliceDamaged) {
		return store.ErrSliceDamaged.Error() // without the blob's hash
	}
	return err.Error()
}
