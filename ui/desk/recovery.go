package desk

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store/sqlite"
)

// NewRecoveryWindow tells the clerk that the database file is damaged and
// offers the newest good backup. On success the damaged file has been kept
// aside (never overwritten) and the backup put in its place; then restored
// is called and the window closes.
func NewRecoveryWindow(ctx context.Context, a fyne.App, h *sqlite.Health, restored func(), quit func()) fyne.Window {
	Setup(a)
	w := a.NewWindow(txtTitle + " — " + txtDamagedTitle)
	intro := widget.NewLabel(fmt.Sprintf(txtDamagedIntro, h.Path, explainDamage(h.Problems)))
	intro.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{widget.NewLabelWithStyle(txtDamagedTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), intro}
	var restore *widget.Button
	if len(h.Backups) == 0 {
		items = append(items, widget.NewLabel(txtDamagedNoBackup))
	} else {
		items = append(items, widget.NewLabel(txtDamagedBackups))
		for _, b := range h.Backups {
			items = append(items, widget.NewLabel(fmt.Sprintf(txtDamagedBackup, b.Time.Format("2006-01-02 15:04"), b.Cases, b.Mails)))
		}
		restore = widget.NewButton(txtDamagedRestore, func() {
			restore.Disable()
			kept, err := sqlite.SetAside(h.Path)
			if err == nil {
				err = sqlite.Restore(ctx, h.Backups[0].Path, h.Path)
			}
			if err != nil {
				status.SetText(fmt.Sprintf(txtDamagedFailed, err))
				return
			}
			status.SetText(fmt.Sprintf(txtDamagedKeptAside, kept))
			w.SetCloseIntercept(nil)
			restored()
			w.Close()
		})
		restore.Importance = widget.HighImportance
	}
	buttons := []fyne.CanvasObject{widget.NewButton(txtDamagedQuit, func() { quit() })}
	if restore != nil {
		buttons = append([]fyne.CanvasObject{restore}, buttons...)
	}
	items = append(items, status, container.NewHBox(buttons...))
	w.SetContent(container.NewPadded(container.NewVBox(items...)))
	w.SetCloseIntercept(quit)
	w.Resize(fyne.NewSize(640, 360))
	return w
}

// explainDamage puts SQLite's words for the usual kinds of damage into
// Chinese, keeping the original after it for whoever repairs the file.
func explainDamage(problems []string) string {
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p
		for en, zh := range txtDamageKinds {
			if strings.Contains(p, en) {
				out[i] = zh + "(" + p + ")"
				break
			}
		}
	}
	return strings.Join(out, ";")
}
