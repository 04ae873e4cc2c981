package desk

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
)

// mailSettings are the mailbox settings of 设置 → 邮箱.
type mailSettings struct {
	Host     string
	Port     int
	User     string
	Security string // tls, starttls, none
	Mailbox  string
	Poll     int // minutes between automatic syncs; 0 = off
}

// Defaults of the designated NetEase mailbox.
const (
	defaultHost     = "imap.163.com"
	defaultPort     = 993
	defaultSecurity = "tls"
	defaultMailbox  = "INBOX"
)

// syncResult is what one sync or import brought.
type syncResult struct {
	New, Duplicates int
	Failed          []string // files that could not be imported, each "path: why"
}

// mailBackend is what the window needs from the mail package; see
// mailwire.go for the real one. Tests replace it.
type mailBackend interface {
	// Sync fetches new mail into db, calling progress from its goroutine.
	Sync(ctx context.Context, db store.Book, s mailSettings, password string, progress func(done, total int)) (syncResult, error)
	// Test logs in and selects the folder without fetching anything.
	Test(ctx context.Context, s mailSettings, password string) error
	// Describe is the Chinese text of a sync error with what to do.
	Describe(err error) string
	// Password returns the saved 授权码 and where it came from.
	Password(user, host string) (pw, source string, err error)
	// SavePassword stores the 授权码 in the system keyring.
	SavePassword(user, host, pw string) error
	// ImportPaths stores saved .eml files, and those in the folders given.
	ImportPaths(ctx context.Context, db store.Book, paths []string) (syncResult, error)
}

// loadMailSettings reads the mailbox settings with their defaults.
func loadMailSettings(ctx context.Context, db store.Book) mailSettings {
	get := func(key, def string) string {
		v, err := db.Setting(ctx, key, def)
		if err != nil || v == "" {
			return def
		}
		return v
	}
	s := mailSettings{
		Host:     get(store.SettingIMAPHost, defaultHost),
		User:     get(store.SettingIMAPUser, ""),
		Security: get(store.SettingIMAPSec, defaultSecurity),
		Mailbox:  get(store.SettingIMAPMailbox, defaultMailbox),
	}
	s.Port, _ = strconv.Atoi(get(store.SettingIMAPPort, strconv.Itoa(defaultPort)))
	if s.Port == 0 {
		s.Port = defaultPort
	}
	s.Poll, _ = strconv.Atoi(get(store.SettingIMAPPoll, "0"))
	return s
}

// syncer runs one mail sync at a time off the UI goroutine, shows its
// progress in the inbox toolbar, and repeats it every few minutes when
// automatic sync is set.
type syncer struct {
	d *Desk

	obj      fyne.CanvasObject
	button   *widget.Button
	cancelBt *widget.Button
	bar      *widget.ProgressBar
	status   *widget.Label

	running bool
	cancel  context.CancelFunc
	last    time.Time

	mu    sync.Mutex
	timer *time.Timer
}

func newSyncer(d *Desk) *syncer {
	s := &syncer{d: d}
	s.button = widget.NewButton(txtSync, s.start)
	s.button.Importance = widget.HighImportance
	s.cancelBt = widget.NewButton(txtSyncCancel, s.cancelRun)
	s.cancelBt.Hide()
	s.bar = widget.NewProgressBar()
	s.bar.TextFormatter = func() string { return "" }
	s.bar.Hide()
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.obj = container.NewBorder(nil, nil, container.NewHBox(s.button, s.cancelBt), nil,
		container.NewStack(s.status, s.bar))
	return s
}

// start begins a sync unless one is running.
func (s *syncer) start() {
	if s.running {
		return
	}
	d := s.d
	settings := loadMailSettings(d.ctx, d.db)
	if settings.User == "" {
		s.status.SetText(txtSyncNoAccount)
		s.schedule()
		return
	}
	ctx, cancel := context.WithCancel(d.ctx)
	s.running, s.cancel = true, cancel
	s.button.Disable()
	s.cancelBt.Show()
	s.bar.SetValue(0)
	s.bar.Show()
	s.status.SetText(txtSyncRunning)
	s.status.Hide()
	d.bg(func() func() {
		defer cancel()
		pw, _, err := d.password(settings.User, settings.Host)
		var res syncResult
		if err == nil {
			res, err = d.mail.Sync(ctx, d.db, settings, pw, func(done, total int) {
				d.do(func() {
					if total > 0 {
						s.bar.SetValue(float64(done) / float64(total))
						s.bar.TextFormatter = func() string { return fmt.Sprintf(txtSyncProgress, done, total) }
					}
				})
			})
		}
		return func() { s.finish(res, err, ctx.Err() != nil) }
	})
}

func (s *syncer) finish(res syncResult, err error, cancelled bool) {
	s.running, s.cancel = false, nil
	s.button.Enable()
	s.cancelBt.Hide()
	s.bar.Hide()
	s.bar.TextFormatter = func() string { return "" }
	s.status.Show()
	switch {
	case cancelled && (err == nil || errors.Is(err, context.Canceled)):
		s.status.SetText(txtSyncCancelled)
	case err != nil:
		msg := s.d.mail.Describe(err)
		s.status.SetText(txtSyncFailed + txtColon + msg)
		s.d.info(txtSyncFailed, msg)
	default:
		s.last = s.d.now()
		if res.Duplicates > 0 {
			s.status.SetText(fmt.Sprintf(txtSyncDoneDup, res.New, res.Duplicates) + "  " + fmt.Sprintf(txtSyncLast, s.last.Format("15:04")))
		} else {
			s.status.SetText(fmt.Sprintf(txtSyncDone, res.New) + "  " + fmt.Sprintf(txtSyncLast, s.last.Format("15:04")))
		}
		if res.New > 0 {
			s.d.changed()
			if s.d.OnSynced != nil {
				s.d.OnSynced(res.New)
			}
		}
	}
	s.schedule()
}

func (s *syncer) cancelRun() {
	if s.cancel != nil {
		s.cancel()
	}
}

// schedule arms the automatic sync timer from the saved interval.
func (s *syncer) schedule() {
	minutes := loadMailSettings(s.d.ctx, s.d.db).Poll
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	if minutes <= 0 || s.d.ctx.Err() != nil {
		return
	}
	s.timer = time.AfterFunc(time.Duration(minutes)*time.Minute, func() {
		s.d.do(s.start)
	})
}

func (s *syncer) stop() {
	s.cancelRun()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
}
