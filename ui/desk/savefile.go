package desk

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store/safefile"
	"beiandesk/store/sqlite"
)

// Fyne's save dialog creates (or, after its English "Overwrite?",
// truncates) the picked file itself before the program sees the name. So
// the window never uses it: a file name is chosen as a folder (Fyne's
// folder picker, which writes nothing) plus a name typed here, and the
// writers create the file themselves through safefile, replacing an
// existing one only after our own Chinese question and only once the new
// file is complete.

// pickPath asks for a folder and a file name, starting with name in the
// last used folder, and calls use with the chosen path. Nothing is written.
func (d *Desk) pickPath(title, name, okText string, use func(path string)) {
	folder := d.app.Preferences().String("lastDir")
	if folder == "" {
		folder, _ = os.UserHomeDir()
	}
	folderLabel := widget.NewLabel(folder)
	folderLabel.Wrapping = fyne.TextWrapBreak
	nameEntry := widget.NewEntry()
	nameEntry.SetText(name)
	change := widget.NewButton(txtPickFolder, func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err != nil || u == nil {
				return
			}
			folder = u.Path()
			folderLabel.SetText(folder)
		}, d.win)
		fd.SetConfirmText(txtPickFolderOK)
		fd.SetDismissText(txtCancel)
		if dir := d.lastDir(); dir != nil {
			fd.SetLocation(dir)
		}
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
	form := container.NewVBox(
		widget.NewLabel(txtPickFolderLabel), container.NewBorder(nil, nil, nil, change, folderLabel),
		widget.NewLabel(txtPickNameLabel), nameEntry,
	)
	dlg := dialog.NewCustomConfirm(title, okText, txtCancel, form, func(ok bool) {
		if !ok {
			return
		}
		n := strings.TrimSpace(nameEntry.Text)
		if n == "" || strings.ContainsAny(n, `/\`) || n != safefile.SafeName(n) {
			d.info(txtError, fmt.Sprintf(txtPickBadName, n))
			return
		}
		d.app.Preferences().SetString("lastDir", folder)
		use(filepath.Join(folder, n))
	}, d.win)
	nameEntry.OnSubmitted = func(string) { dlg.Confirm() }
	dlg.Resize(fyne.NewSize(560, 0))
	dlg.Show()
	d.win.Canvas().Focus(nameEntry)
}

// saveFile asks where to save a file named name, then calls write with the
// chosen path and whether an existing file there may be replaced (the
// clerk said so). A database file is refused before anything is asked.
func (d *Desk) saveFile(name string, write func(path string, replace bool)) {
	d.pickPath(txtSaveAs, name, txtSave, func(path string) { d.saveTo(path, write) })
}

// saveTo checks the chosen path and asks before an existing file is
// replaced.
func (d *Desk) saveTo(path string, write func(path string, replace bool)) {
	if err := safefile.CheckTarget(path, d.db.Location()); err != nil {
		d.showError(err)
		return
	}
	if _, err := os.Lstat(path); err == nil {
		d.confirm(txtReplaceTitle, fmt.Sprintf(txtReplaceAsk, path), txtReplace, func() { write(path, true) })
		return
	}
	write(path, false)
}

// checkDataFile tells whether path can be used as the case book: a missing
// file becomes a new book; an existing one must be a SQLite file.
func checkDataFile(path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return sqlite.CheckFile(path, true)
}
