package desk

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Dialogs with the app's own button labels (Fyne's zh translation reads
// 不 for "No"); Enter confirms and Escape dismisses them while no entry has
// the focus.

// keyed makes Enter and Escape on the window's canvas act on dlg while it is
// shown, restoring the previous key handler when it closes.
func (d *Desk) keyed(dlg dialog.Dialog, onEnter, onEscape, onClosed func()) {
	c := d.win.Canvas()
	prev := c.OnTypedKey()
	c.Unfocus()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if onEnter != nil {
				onEnter()
			}
		case fyne.KeyEscape:
			if onEscape != nil {
				onEscape()
			}
		default:
			if prev != nil {
				prev(ev)
			}
		}
	})
	type closer interface{ SetOnClosed(func()) }
	if cl, ok := dlg.(closer); ok {
		cl.SetOnClosed(func() {
			c.SetOnTypedKey(prev)
			if onClosed != nil {
				onClosed()
			}
		})
	}
}

// confirm asks a yes/no question; ok runs when the clerk confirms.
func (d *Desk) confirm(title, message, okText string, ok func()) dialog.Dialog {
	return d.confirmContent(title, wrapLabel(message), okText, ok)
}

func (d *Desk) confirmContent(title string, content fyne.CanvasObject, okText string, ok func()) dialog.Dialog {
	dlg := dialog.NewCustomConfirm(title, okText, txtCancel, content, func(yes bool) {
		if yes && ok != nil {
			ok()
		}
	}, d.win)
	d.keyed(dlg, func() { dlg.Confirm() }, func() { dlg.Dismiss() }, nil)
	dlg.Resize(fyne.NewSize(480, 0))
	dlg.Show()
	return dlg
}

// info shows a message with a 确定 button.
func (d *Desk) info(title, message string) dialog.Dialog {
	return d.infoThen(title, message, nil)
}

// infoThen shows a message; then runs when it is closed.
func (d *Desk) infoThen(title, message string, then func()) dialog.Dialog {
	dlg := dialog.NewCustom(title, txtOK, wrapLabel(message), d.win)
	d.keyed(dlg, dlg.Hide, dlg.Hide, then)
	dlg.Resize(fyne.NewSize(440, 0))
	dlg.Show()
	return dlg
}

// showError shows err in Chinese with a 确定 button.
func (d *Desk) showError(err error) {
	if err == nil {
		return
	}
	d.info(txtError, d.errText(err))
}

// openFile asks for a file to read, then calls use with its path.
func (d *Desk) openFile(use func(path string)) {
	dlg := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			d.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		d.app.Preferences().SetString("lastDir", filepath.Dir(path))
		use(path)
	}, d.win)
	dlg.SetConfirmText(txtOpen)
	dlg.SetDismissText(txtCancel)
	if dir := d.lastDir(); dir != nil {
		dlg.SetLocation(dir)
	}
	dlg.Resize(fyne.NewSize(900, 600))
	dlg.Show()
}

func (d *Desk) lastDir() fyne.ListableURI {
	p := d.app.Preferences().String("lastDir")
	if p == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(p))
	if err != nil {
		return nil
	}
	return l
}

// progressDialog is a modal with an indefinite progress bar.
func (d *Desk) progressDialog(title, message string) dialog.Dialog {
	bar := widget.NewProgressBarInfinite()
	dlg := dialog.NewCustomWithoutButtons(title, container.NewVBox(wrapLabel(message), bar), d.win)
	dlg.Resize(fyne.NewSize(360, 0))
	dlg.Show()
	return dlg
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
