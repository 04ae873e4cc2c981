package desk

import (
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
)

// settingsView is 设置: clerk, mailbox, deadlines, holiday calendar and the
// data file.
type settingsView struct {
	afterHours *widget.Check // after-hours receipt rule
	d          *Desk
	obj        fyne.CanvasObject

	server *serverForm // 设置 → 数据: file or server (settings_server.go)

	clerk *entry

	host, port, user, folder, poll, password *entry
	security                                 *widget.Select
	pwState                                  *widget.Label
	mailStatus                               *widget.Label
	mailFields                               map[string]*field

	deadlines map[rules.Kind]*entry
	dlFields  map[rules.Kind]*field
	dlStatus  *widget.Label

	lastBackup *widget.Label
	dataStatus *widget.Label

	calendar *calendarView
	tabs     *container.AppTabs
}

// Sub-screens of 设置, for Desk.SelectTab("settings.calendar").
var settingsTabs = []string{"general", "mailbox", "deadlines", "calendar", "bureau", "ledger"}

func (v *settingsView) selectSub(name string) {
	for i, n := range settingsTabs {
		if n == name {
			v.tabs.SelectIndex(i)
		}
	}
}

var securities = []struct{ code, label string }{
	{"tls", txtSecTLS}, {"starttls", txtSecStartTLS}, {"none", txtSecNone},
}

func newSettingsView(d *Desk) *settingsView {
	v := &settingsView{d: d}
	v.calendar = newCalendarView(d, d.db)
	tabs := container.NewAppTabs(
		container.NewTabItem(txtSetGeneral, v.generalTab()),
		container.NewTabItem(txtSetMailbox, v.mailTab()),
		container.NewTabItem(txtSetDeadlines, v.deadlineTab()),
		container.NewTabItem(txtSetCalendar, v.calendar.obj),
		container.NewTabItem(txtSetBureau, v.bureauTab()),
		container.NewTabItem(txtSetLedger, newLedgerView(d).obj),
	)
	v.tabs = tabs
	tabs.SetTabLocation(container.TabLocationLeading)
	tabs.OnSelected = func(t *container.TabItem) {
		if t.Content == v.calendar.obj {
			v.calendar.reload()
		}
	}
	v.obj = tabs
	v.load()
	return v
}

func (v *settingsView) generalTab() fyne.CanvasObject {
	v.clerk = newEntry(v.d)
	v.clerk.SetText(v.d.clerk())
	status := widget.NewLabel("")
	save := widget.NewButton(txtSave, func() {
		name := strings.TrimSpace(v.clerk.Text)
		if err := v.d.db.SetSetting(v.d.ctx, store.SettingClerk, name); err != nil {
			v.d.showError(err)
			return
		}
		if name != "" && v.d.opts.Clerk == "" {
			v.d.clerkName = name
		}
		status.SetText(txtSaved)
	})
	v.clerk.OnSubmitted = func(string) { save.OnTapped() }
	version := v.d.opts.Version
	if version == "" {
		version = txtDash
	}
	form := formGrid(
		newField(txtClerk, container.NewBorder(nil, nil, nil, container.NewHBox(save, status), v.clerk), txtClerkHint),
		newField(txtVersion, widget.NewLabel(version), ""),
	)
	return container.NewVScroll(container.NewVBox(heading(txtTitle), caption(txtAbout), form,
		widget.NewSeparator(), heading(txtSetData), v.dataSection()))
}

func (v *settingsView) mailTab() fyne.CanvasObject {
	v.host = newEntry(v.d)
	v.port = newEntry(v.d)
	v.user = newEntry(v.d)
	v.folder = newEntry(v.d)
	v.poll = newEntry(v.d)
	v.password = newEntry(v.d)
	v.password.Password = true
	labels := make([]string, len(securities))
	for i, s := range securities {
		labels[i] = s.label
	}
	v.security = newSelect(labels, nil)
	v.pwState = caption("")
	v.mailStatus = widget.NewLabel("")
	v.mailStatus.Wrapping = fyne.TextWrapWord
	v.mailFields = map[string]*field{
		"host": newField(txtHost, v.host, ""),
		"port": newField(txtPort, v.port, ""),
		"user": newField(txtUser, v.user, ""),
		"pw":   newField(txtPassword, container.New(&tightVBox{}, v.password, v.pwState), txtPasswordHint),
		"sec":  newField(txtSecurity, v.security, ""),
		"box":  newField(txtFolder, v.folder, ""),
		"poll": newField(txtPoll, v.poll, txtPollHint),
	}
	f := v.mailFields
	save := widget.NewButtonWithIcon(txtSave, fynetheme.DocumentSaveIcon(), func() { v.saveMail(false) })
	save.Importance = widget.HighImportance
	test := widget.NewButton(txtTestConn, func() { v.saveMail(true) })
	form := formGrid(f["host"], f["port"], f["sec"], f["user"], f["pw"], f["box"], f["poll"])
	return container.NewVScroll(container.NewVBox(form, container.NewHBox(save, test), v.mailStatus))
}

func (v *settingsView) deadlineTab() fyne.CanvasObject {
	v.deadlines = map[rules.Kind]*entry{}
	v.dlFields = map[rules.Kind]*field{}
	var fields []*field
	for _, k := range rules.Kinds() {
		e := newEntry(v.d)
		v.deadlines[k] = e
		f := newField(fmt.Sprintf(txtDeadlineFor, k.Label()), fixedWidth(120, e), "")
		v.dlFields[k] = f
		fields = append(fields, f)
	}
	v.dlStatus = widget.NewLabel("")
	save := widget.NewButtonWithIcon(txtSave, fynetheme.DocumentSaveIcon(), v.saveDeadlines)
	save.Importance = widget.HighImportance
	return container.NewVScroll(container.NewVBox(formGrid(fields...), caption(txtDeadlineHint),
		container.NewHBox(save, v.dlStatus), widget.NewSeparator(), v.afterHoursBox()))
}

func (v *settingsView) dataSection() fyne.CanvasObject {
	path := v.d.db.Location()
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	pathLabel := widget.NewLabel(path)
	pathLabel.Wrapping = fyne.TextWrapBreak
	pathLabel.Selectable = true
	openDir := widget.NewButtonWithIcon(txtOpenFolder, fynetheme.FolderOpenIcon(), func() {
		if err := v.d.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.Dir(path)}); err != nil {
			v.d.showError(err)
		}
	})
	v.lastBackup = widget.NewLabel("")
	v.dataStatus = widget.NewLabel("")
	v.dataStatus.Wrapping = fyne.TextWrapWord
	backup := widget.NewButtonWithIcon(txtBackupNow, fynetheme.DocumentSaveIcon(), v.backup)
	backup.Importance = widget.HighImportance
	restore := widget.NewButtonWithIcon(txtRestore, fynetheme.HistoryIcon(), v.restore)
	move := widget.NewButtonWithIcon(txtChooseData, fynetheme.FolderIcon(), v.chooseDataFile)
	v.server = newServerForm(v.d)
	return formGrid(
		newField(txtBookKind, v.server.obj, ""),
		newField(txtDataFolder, container.NewVBox(pathLabel, container.NewHBox(openDir, move), caption(txtChooseDataHint)), ""),
		newField(txtBackup, container.NewVBox(v.lastBackup, container.NewHBox(backup, restore), v.dataStatus), ""),
	)
}

// load fills the forms from the saved settings.
func (v *settingsView) load() {
	s := loadMailSettings(v.d.ctx, v.d.db)
	v.host.SetText(s.Host)
	v.port.SetText(strconv.Itoa(s.Port))
	v.user.SetText(s.User)
	v.folder.SetText(s.Mailbox)
	v.poll.SetText(strconv.Itoa(s.Poll))
	v.security.SetSelectedIndex(0)
	for i, sec := range securities {
		if sec.code == s.Security {
			v.security.SetSelectedIndex(i)
		}
	}
	for k, e := range v.deadlines {
		n, err := v.d.db.DeadlineDays(v.d.ctx, k)
		if err == nil {
			e.SetText(strconv.Itoa(n))
		}
	}
	last, _ := v.d.db.Setting(v.d.ctx, store.SettingLastBackup, "")
	if last == "" {
		v.lastBackup.SetText(txtBackupNever)
	} else {
		v.lastBackup.SetText(fmt.Sprintf(txtBackupLast, last))
	}
	v.checkPassword(s)
}

// checkPassword shows whether a 授权码 is saved, off the UI goroutine (the
// keyring may be slow).
func (v *settingsView) checkPassword(s mailSettings) {
	if s.User == "" {
		v.pwState.SetText(txtPasswordUnset)
		return
	}
	v.d.bg(func() func() {
		_, source, err := v.d.password(s.User, s.Host)
		return func() {
			if err != nil || source == "" {
				v.pwState.SetText(txtPasswordUnset)
				return
			}
			v.pwState.SetText(fmt.Sprintf(txtPasswordSet, source))
		}
	})
}

// readMail validates the mailbox form.
func (v *settingsView) readMail() (mailSettings, bool) {
	s := mailSettings{
		Host: strings.TrimSpace(v.host.Text), User: strings.TrimSpace(v.user.Text),
		Mailbox: strings.TrimSpace(v.folder.Text), Security: securities[max(0, v.security.SelectedIndex())].code,
	}
	ok := true
	port, err := strconv.Atoi(strings.TrimSpace(v.port.Text))
	if err != nil || port < 1 || port > 65535 {
		v.mailFields["port"].setError(txtPortErr)
		ok = false
	} else {
		v.mailFields["port"].setError("")
	}
	s.Port = port
	poll, err := strconv.Atoi(strings.TrimSpace(v.poll.Text))
	if err != nil || poll < 0 || poll > 1440 {
		v.mailFields["poll"].setError(txtPollErr)
		ok = false
	} else {
		v.mailFields["poll"].setError("")
	}
	s.Poll = poll
	if s.Mailbox == "" {
		s.Mailbox = defaultMailbox
	}
	return s, ok
}

// saveMail stores the mailbox settings (the 授权码 goes to the keyring,
// never to the database) and, with test, tries to connect first: settings
// are saved only after a successful test, and a 保存 whose 授权码 cannot be
// kept (no keyring) saves nothing but keeps the code for this run.
func (v *settingsView) saveMail(test bool) {
	s, ok := v.readMail()
	if !ok {
		return
	}
	ctx := v.d.ctx
	pw := v.password.Text
	v.mailStatus.Importance = widget.MediumImportance
	if test {
		v.mailStatus.SetText(txtTesting)
	}
	v.d.bg(func() func() {
		var err, keyErr error
		if test {
			use := pw
			if use == "" {
				use, _, err = v.d.password(s.User, s.Host)
			}
			if err == nil {
				err = v.d.mail.Test(ctx, s, use)
			}
		}
		if err == nil && pw != "" {
			keyErr = v.d.mail.SavePassword(s.User, s.Host, pw)
		}
		return func() {
			if err != nil {
				v.mailStatus.Importance = widget.DangerImportance
				v.mailStatus.SetText(fmt.Sprintf(txtTestFailedKept, v.d.mail.Describe(err)))
				return
			}
			if keyErr != nil {
				v.d.rememberForSession(s.User, s.Host, pw)
				if !test {
					v.mailStatus.Importance = widget.WarningImportance
					v.mailStatus.SetText(txtNoKeyringSave)
					v.checkPassword(s)
					return
				}
			}
			if err := v.storeMailSettings(s); err != nil {
				v.d.showError(err)
				return
			}
			v.password.SetText("")
			switch {
			case keyErr != nil:
				v.mailStatus.Importance = widget.WarningImportance
				v.mailStatus.SetText(txtNoKeyringTested)
			case test:
				v.mailStatus.Importance = widget.SuccessImportance
				v.mailStatus.SetText(txtTestOK)
			default:
				v.mailStatus.SetText(txtSaved)
			}
			v.d.sync.schedule()
			v.checkPassword(s)
		}
	})
}

func (v *settingsView) storeMailSettings(s mailSettings) error {
	for key, val := range map[string]string{
		store.SettingIMAPHost: s.Host, store.SettingIMAPPort: strconv.Itoa(s.Port),
		store.SettingIMAPUser: s.User, store.SettingIMAPMailbox: s.Mailbox,
		store.SettingIMAPSec: s.Security, store.SettingIMAPPoll: strconv.Itoa(s.Poll),
	} {
		if err := v.d.db.SetSetting(v.d.ctx, key, val); err != nil {
			return err
		}
	}
	return nil
}

func (v *settingsView) saveDeadlines() {
	ok := true
	values := map[rules.Kind]int{}
	for k, e := range v.deadlines {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			v.dlFields[k].setError(txtDeadlineErr)
			ok = false
			continue
		}
		v.dlFields[k].setError("")
		values[k] = n
	}
	if !ok {
		return
	}
	for k, n := range values {
		if err := v.d.db.SetDeadlineDays(v.d.ctx, k, n); err != nil {
			v.dlFields[k].setError(v.d.errText(err))
			ok = false
		}
	}
	if ok {
		v.dlStatus.SetText(txtSaved)
	}
}

// backup writes a consistent copy of the database to a chosen file.
func (v *settingsView) backup() {
	name := fmt.Sprintf(txtBackupName, v.d.now().In(chinaZone()).Format("20060102-1504"))
	v.d.saveFile(name, func(path string, replace bool) {
		dlg := v.d.progressDialog(txtBackupNow, txtWorking)
		v.d.bg(func() func() {
			err := errors.New(txtNoFileBackup)
			if b, ok := v.d.db.(store.BackupReplacer); ok {
				err = b.BackupTo(v.d.ctx, path, replace)
			} else if b, ok := v.d.db.(store.Backuper); ok && !replace {
				err = b.Backup(v.d.ctx, path)
			}
			if err == nil {
				_ = v.d.db.SetSetting(v.d.ctx, store.SettingLastBackup, v.d.now().In(chinaZone()).Format(txtTimeFmt))
			}
			return func() {
				dlg.Hide()
				if err != nil {
					v.d.showError(err)
					return
				}
				v.dataStatus.SetText(fmt.Sprintf(txtBackupDone, path))
				v.load()
			}
		})
	})
}

// restore checks a backup, asks, closes the database, restores the file
// (keeping the current one aside) and quits.
func (v *settingsView) restore() {
	v.d.openFile(v.restoreAsk)
}

// restoreAsk checks the backup at path and asks, saying what the restore
// would lose (restore_ask.go).
func (v *settingsView) restoreAsk(path string) {
	v.dataStatus.SetText(txtRestoreCheck)
	v.d.bg(func() func() {
		question, err := restoreQuestion(v.d.ctx, v.d.db, path)
		return func() {
			v.dataStatus.SetText("")
			if err != nil {
				v.d.showError(err)
				return
			}
			v.d.confirm(txtRestoreTitle, question, txtRestoreGo, func() {
				v.doRestore(path)
			})
		}
	})
}

func (v *settingsView) doRestore(path string) {
	d := v.d
	dbPath := d.db.Location()
	dlg := d.progressDialog(txtRestoreTitle, txtWorking)
	d.sync.stop()
	d.bg(func() func() {
		err := d.db.Close()
		if err == nil {
			// Another window or command may still have the file open.
			err = sqlite.EnsureClosed(d.ctx, dbPath)
		}
		if err == nil {
			err = sqlite.Restore(d.ctx, path, dbPath)
		}
		return func() {
			dlg.Hide()
			// The database is closed either way: the program must restart.
			msg := txtRestoreDone
			if err != nil {
				msg = d.errText(err) + "\n" + txtRestoreFailed
			}
			d.infoThen(txtRestoreTitle, msg, d.app.Quit)
		}
	})
}

// chooseDataFile lets the clerk name another case book (an existing one, or
// a new file), used from the next start on: the open book is never moved
// behind the window's back. Copy it first with 立即备份 to take the data along.
//
// Neither way writes anything: an existing book is picked with an open
// dialog, a new one is named as folder plus file name.
func (v *settingsView) chooseDataFile() {
	d := v.d
	var dlg dialog.Dialog
	open := widget.NewButton(txtChooseDataOpen, func() {
		dlg.Hide()
		d.openFile(v.askDataFile)
	})
	create := widget.NewButton(txtChooseDataNew, func() {
		dlg.Hide()
		d.pickPath(txtChooseData, "beiandesk.db", txtOK, v.askDataFile)
	})
	dlg = dialog.NewCustom(txtChooseData, txtCancel, container.NewVBox(caption(txtChooseDataHint), open, create), d.win)
	dlg.Show()
}

// askDataFile checks the chosen file (a book, or no file yet) and asks
// before it becomes the book of the next start.
func (v *settingsView) askDataFile(path string) {
	if err := checkDataFile(path); err != nil {
		v.d.showError(err)
		return
	}
	v.d.confirm(txtChooseData, fmt.Sprintf(txtChooseDataAsk, path), txtOK, func() { v.useDataFile(path) })
}

func (v *settingsView) useDataFile(path string) {
	if err := sqlite.SetDefaultPath(path); err != nil {
		v.d.showError(err)
		return
	}
	v.dataStatus.SetText(fmt.Sprintf(txtChooseDataDone, path))
}
