package desk

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/assets"
	"beiandesk/store/notice"
	"beiandesk/store/safefile"
)

// noticeFonts are the bundled fonts the PDF notices embed.
func noticeFonts() notice.Fonts {
	r, b := assets.NoticeFonts()
	return notice.Fonts{Regular: r, Bold: b}
}

// returnNoticeText is the 退回补正 notice of the shown case as text, or the
// reason there is none.
func (v *caseDetail) returnNoticeText() string {
	n, err := v.buildNotice(notice.KindReturn)
	if err != nil {
		return err.Error()
	}
	return n.Text()
}

// buildNotice builds a notice of the loaded case. It reads only settings,
// which are small; the case and its history are already loaded.
func (v *caseDetail) buildNotice(k notice.Kind) (*notice.Notice, error) {
	bu, err := notice.LoadBureau(v.d.ctx, v.d.db)
	if err != nil {
		return nil, err
	}
	return notice.Build(k, notice.Input{Case: v.c, History: v.history, Bureau: bu,
		Date: v.d.now(), Clerk: v.d.clerk(), Days: v.days})
}

// noticeActions is the row with the notice kind and 预览, 打印, 另存为 and 发送.
func (v *caseDetail) noticeActions() fyne.CanvasObject {
	titles := make([]string, 0, len(notice.Kinds()))
	byTitle := map[string]notice.Kind{}
	for _, k := range notice.Kinds() {
		titles = append(titles, k.Title())
		byTitle[k.Title()] = k
	}
	sel := widget.NewSelect(titles, nil)
	sel.SetSelected(notice.KindReceipt.Title())
	kind := func() notice.Kind { return byTitle[sel.Selected] }
	with := func(do func(n *notice.Notice)) func() {
		return func() {
			n, err := v.buildNotice(kind())
			if err != nil {
				v.d.info(txtError, fmt.Sprintf(txtNoticeFailed, err.Error()))
				return
			}
			do(n)
		}
	}
	preview := widget.NewButtonWithIcon(txtNoticePreview, fynetheme.VisibilityIcon(), with(v.previewNotice))
	print := widget.NewButtonWithIcon(txtNoticePrint, fynetheme.DocumentPrintIcon(), with(v.printNotice))
	save := widget.NewButtonWithIcon(txtSaveAs, fynetheme.DocumentSaveIcon(), with(v.saveNotice))
	send := widget.NewButtonWithIcon(txtNoticeSend, fynetheme.MailSendIcon(), with(v.sendNotice))
	return container.NewVBox(container.NewHBox(widget.NewLabel(txtNoticeKind), sel, preview, print, save, send),
		v.outboxSection())
}

func (v *caseDetail) previewNotice(n *notice.Notice) {
	body := container.NewVScroll(NoticeView(n))
	body.SetMinSize(fyne.NewSize(640, 560))
	dlg := dialog.NewCustom(n.Title, txtClose, body, v.d.win)
	dlg.SetButtons([]fyne.CanvasObject{
		widget.NewButtonWithIcon(txtNoticePrint, fynetheme.DocumentPrintIcon(), func() { v.printNotice(n) }),
		widget.NewButtonWithIcon(txtSaveAs, fynetheme.DocumentSaveIcon(), func() { v.saveNotice(n) }),
		widget.NewButton(txtClose, func() { dlg.Hide() }),
	})
	dlg.Show()
}

// printNotice writes the PDF to the private folder and opens it with the
// system viewer, which prints it.
func (v *caseDetail) printNotice(n *notice.Notice) {
	v.d.bg(func() func() {
		dir, err := v.d.viewDir()
		path := filepath.Join(dir, fmt.Sprintf(txtNoticeFile, n.CaseNumber, n.Title))
		if err == nil {
			err = writeNoticePDF(n, path)
		}
		return func() {
			if err == nil {
				err = v.d.app.OpenURL(&url.URL{Scheme: "file", Path: path})
			}
			if err != nil {
				v.d.info(txtError, fmt.Sprintf(txtNoticeOpenFail, err))
			}
		}
	})
}

func (v *caseDetail) saveNotice(n *notice.Notice) {
	v.d.saveFile(fmt.Sprintf(txtNoticeFile, n.CaseNumber, n.Title), func(path string, replace bool) {
		v.d.bg(func() func() {
			err := safefile.Write(v.d.ctx, path, safefile.Options{Replace: replace, Protect: []string{v.d.db.Location()}, Perm: 0o600},
				func(tmp string) error { return writeNoticePDF(n, tmp) })
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				v.d.info(txtSaveAs, fmt.Sprintf(txtSavedTo, path))
			}
		})
	})
}

func writeNoticePDF(n *notice.Notice, path string) error {
	data, err := n.PDF(noticeFonts())
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// NoticeView draws a notice on screen the way the PDF lays it out: title
// large and centred, the number under it, the body, the signature and the
// date at the right, the contact block last.
func NoticeView(n *notice.Notice) fyne.CanvasObject {
	wrapped := func(s string) *widget.Label {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	right := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignTrailing, fyne.TextStyle{})
	}
	title := canvas.NewText(n.Title, fynetheme.Color(fynetheme.ColorNameForeground))
	title.TextSize = fynetheme.TextSize() * 1.8
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(title,
		widget.NewLabelWithStyle(n.Header(), fyne.TextAlignCenter, fyne.TextStyle{}),
		widget.NewLabel(n.Salutation()))
	for _, p := range n.Paragraphs {
		box.Add(wrapped("　　" + p.Text))
		for i, it := range p.Items {
			box.Add(wrapped("　　" + notice.ItemLabel(p.Style, i) + it))
		}
	}
	box.Add(right(n.Signature))
	if c := n.ClerkText(); c != "" {
		box.Add(right(c))
	}
	box.Add(right(n.DateText()))
	if len(n.Contact) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(widget.NewLabelWithStyle(n.ContactHeading(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, c := range n.Contact {
			box.Add(wrapped(c))
		}
	}
	return container.NewPadded(box)
}
