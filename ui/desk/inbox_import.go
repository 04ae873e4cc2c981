package desk

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// importFile offers to import one saved .eml file or a whole folder of them.
// Several files at once come by dropping them on the window (Fyne's file
// dialog picks one file only).
func (v *inboxView) importFile() {
	var dlg dialog.Dialog
	files := widget.NewButtonWithIcon(txtImportFiles, fynetheme.FileIcon(), func() {
		dlg.Hide()
		v.d.openFile(func(path string) { v.importPaths([]string{path}) })
	})
	folder := widget.NewButtonWithIcon(txtImportFolder, fynetheme.FolderOpenIcon(), func() {
		dlg.Hide()
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				v.d.showError(err)
				return
			}
			if l != nil {
				v.importPaths([]string{l.Path()})
			}
		}, v.d.win)
		fd.SetConfirmText(txtOpen)
		fd.SetDismissText(txtCancel)
		if dir := v.d.lastDir(); dir != nil {
			fd.SetLocation(dir)
		}
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
	dlg = dialog.NewCustom(txtImportTitle, txtCancel,
		container.NewVBox(wrapLabel(txtImportHint), container.NewHBox(files, folder)), v.d.win)
	dlg.Resize(fyne.NewSize(520, 0))
	dlg.Show()
}

// dropped imports files and folders dropped on the window while 收件箱 is shown.
func (v *inboxView) dropped(_ fyne.Position, uris []fyne.URI) {
	if v.d.tabs == nil || v.d.tabs.Selected() == nil || v.d.tabs.Selected().Content != v.obj {
		return
	}
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) > 0 {
		v.importPaths(paths)
	}
}

// importPaths imports the .eml files among paths and in their folders, off
// the UI goroutine, and reports how many were new, duplicate or failed.
func (v *inboxView) importPaths(paths []string) {
	prog := v.d.progressDialog(txtImportTitle, txtImportWorking)
	v.d.bg(func() func() {
		res, err := v.d.mail.ImportPaths(v.d.ctx, v.d.db, paths)
		return func() {
			prog.Hide()
			if err != nil {
				v.d.showError(err)
				return
			}
			if len(res.Failed) > 0 {
				v.d.info(txtImportTitle, fmt.Sprintf(txtImportFailed, res.New, res.Duplicates, len(res.Failed), strings.Join(res.Failed, "\n")))
			} else {
				v.d.info(txtImportTitle, fmt.Sprintf(txtImportDone, res.New, res.Duplicates))
			}
			v.d.changed()
		}
	})
}
