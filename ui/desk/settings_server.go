package desk

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store/backend"
)

// serverForm is 设置 → 数据's choice between the local file and a shared
// book on a server. A choice takes effect at the next start: the open book
// is never swapped behind the window's back. A server is remembered only
// after 测试连接 opened it with exactly the values being saved.
type serverForm struct {
	d   *Desk
	obj fyne.CanvasObject

	kind                         *widget.RadioGroup
	host, port, dbname, user, pw *widget.Entry
	test, use, useFile           *widget.Button
	useFileRow                   *fyne.Container
	status                       *widget.Label
	server                       *fyne.Container

	// tested is the URL (with password) that the last 测试连接 opened; ""
	// when the form changed since.
	tested, testedPW string
}

// testTimeout bounds 测试连接 beyond the driver's own connect timeout
// (which covers the connection, not a slow migration or keyring).
const testTimeout = 20 * time.Second

func newServerForm(d *Desk) *serverForm {
	f := &serverForm{d: d}
	f.host, f.port, f.dbname, f.user = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.pw = widget.NewPasswordEntry()
	f.port.SetText("5432")
	f.host.SetPlaceHolder("db.example 或 10.0.0.5")
	f.dbname.SetText("beiandesk")
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord
	f.test = widget.NewButtonWithIcon(txtServerTest, fynetheme.MediaPlayIcon(), f.runTest)
	f.use = widget.NewButtonWithIcon(txtServerUse, fynetheme.ConfirmIcon(), f.useServer)
	f.use.Importance = widget.HighImportance
	f.use.Disable()
	f.useFile = widget.NewButtonWithIcon(txtServerUseFile, fynetheme.FileIcon(), f.useLocalFile)
	// As wide as its text, like the other buttons of 设置.
	f.useFileRow = container.NewHBox(f.useFile)
	for _, e := range []*widget.Entry{f.host, f.port, f.dbname, f.user, f.pw} {
		e.OnChanged = func(string) { f.untested() }
	}
	f.server = container.NewVBox(
		formGrid(newField(txtServerHost, f.host, ""), newField(txtServerPort, fixedWidth(120, f.port), ""),
			newField(txtServerDB, f.dbname, ""), newField(txtServerUser, f.user, ""),
			newField(txtServerPassword, f.pw, txtServerPasswordHint)),
		container.NewHBox(f.test, f.use))
	f.kind = widget.NewRadioGroup([]string{txtKindFile, txtKindServer}, func(s string) {
		if s == txtKindServer {
			f.server.Show()
			f.useFileRow.Hide()
		} else {
			f.server.Hide()
			f.useFileRow.Show()
		}
	})
	f.kind.Horizontal = true
	f.load()
	// The status takes a row only when it has something to say.
	f.status.Hide()
	f.obj = container.NewVBox(f.kind, f.server, f.useFileRow, f.status, caption(txtServerHint))
	return f
}

// say shows msg under the form, or hides the status row when msg is "".
func (f *serverForm) say(msg string) {
	f.status.SetText(msg)
	if msg == "" {
		f.status.Hide()
	} else {
		f.status.Show()
	}
}

// load shows the choice the next start will use.
func (f *serverForm) load() {
	target, err := backend.DefaultTarget()
	if err != nil || !backend.IsServer(target) {
		f.kind.SetSelected(txtKindFile)
		return
	}
	if u, err := url.Parse(target); err == nil {
		f.host.SetText(u.Hostname())
		if p := u.Port(); p != "" {
			f.port.SetText(p)
		}
		f.dbname.SetText(strings.TrimPrefix(u.Path, "/"))
		if u.User != nil {
			f.user.SetText(u.User.Username())
		}
	}
	f.kind.SetSelected(txtKindServer)
}

func (f *serverForm) untested() {
	f.tested, f.testedPW = "", ""
	f.use.Disable()
}

// url builds the server's URL from the form, or says what is missing.
func (f *serverForm) url() (string, error) {
	host, db, user := strings.TrimSpace(f.host.Text), strings.TrimSpace(f.dbname.Text), strings.TrimSpace(f.user.Text)
	port, err := strconv.Atoi(strings.TrimSpace(f.port.Text))
	switch {
	case host == "":
		return "", errors.New(txtServerNeedHost)
	case err != nil || port < 1 || port > 65535:
		return "", errors.New(txtServerBadPort)
	case db == "":
		return "", errors.New(txtServerNeedDB)
	case user == "":
		return "", errors.New(txtServerNeedUser)
	}
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(host, strconv.Itoa(port)), Path: "/" + db}
	if f.pw.Text != "" {
		u.User = url.UserPassword(user, f.pw.Text)
	} else {
		u.User = url.User(user)
	}
	return u.String(), nil
}

// runTest opens the server's book off the UI goroutine and says how it went.
func (f *serverForm) runTest() {
	target, err := f.url()
	if err != nil {
		f.say(err.Error())
		return
	}
	pw := f.pw.Text
	f.untested()
	f.test.Disable()
	f.say(txtServerTesting)
	f.d.bg(func() func() {
		ctx, cancel := context.WithTimeout(f.d.ctx, testTimeout)
		defer cancel()
		db, err := backend.Open(ctx, target)
		msg := ""
		if err == nil {
			msg = fmt.Sprintf(txtServerTestOK, db.Location())
			db.Close()
		}
		return func() {
			f.test.Enable()
			if err != nil {
				f.say(fmt.Sprintf(txtServerTestFail, err))
				return
			}
			// Only what was tested may be saved, and only while the form
			// still shows it.
			if now, _ := f.url(); now == target {
				f.tested, f.testedPW = target, pw
				f.use.Enable()
			}
			f.say(msg)
		}
	})
}

// useServer remembers the tested server for the next start: the URL
// without password in the per-user choice, the password in the keyring.
func (f *serverForm) useServer() {
	target, pw := f.tested, f.testedPW
	if target == "" {
		return
	}
	f.use.Disable()
	f.d.bg(func() func() {
		err := backend.SetDefault(target)
		var pwErr error
		if err == nil && pw != "" {
			pwErr = backend.SavePassword(target, pw)
		}
		where := backend.Describe(target)
		return func() {
			switch {
			case err != nil:
				f.say(fmt.Sprintf(txtServerTestFail, err))
				f.use.Enable()
			case pwErr != nil:
				// The password was used for the test of this session only.
				f.say(fmt.Sprintf(txtServerUsedNoRing, where, backend.EnvPassword))
			default:
				f.say(fmt.Sprintf(txtServerUsed, where))
			}
		}
	})
}

// useLocalFile goes back to the data folder's file from the next start on.
func (f *serverForm) useLocalFile() {
	if err := backend.SetDefault(""); err != nil {
		f.d.showError(err)
		return
	}
	p, _ := backend.DefaultTarget()
	f.say(fmt.Sprintf(txtChooseDataDone, p))
}
