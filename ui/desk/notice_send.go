package desk

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/mail"
	"beiandesk/store"
	"beiandesk/store/notice"
)

// sendNotice composes the answer off the UI goroutine and shows it for a
// last look before anything is sent.
func (v *caseDetail) sendNotice(n *notice.Notice) {
	caseID, kind := v.c.ID, n.Kind
	v.d.bg(func() func() {
		acct, err := mail.LoadAccount(v.d.ctx, v.d.db)
		var draft *mail.Draft
		if err == nil {
			draft, err = mail.Compose(v.d.ctx, v.d.db, mail.ComposeInput{CaseID: caseID, Kind: kind, From: acct.Address,
				Fonts: noticeFonts(), Now: v.d.now(), Clerk: v.d.clerk()})
		}
		return func() {
			if err != nil {
				v.d.showError(err)
				return
			}
			v.showDraft(acct, draft)
		}
	})
}

// showDraft is the preview: to, subject, body and attachment. The address
// may be changed; then the message is composed again with it.
func (v *caseDetail) showDraft(acct mail.Account, draft *mail.Draft) {
	to := newEntry(v.d)
	to.SetText(draft.To)
	body := newMultiLineEntry(v.d, 14)
	body.SetText(draft.Body)
	body.Disable()
	hint := ""
	if draft.InReplyTo != "" {
		hint = fmt.Sprintf(txtSendReplyTo, draft.InReplyTo)
	}
	items := []*field{
		newField(txtSendTo, to, ""),
		newField(txtSendSubject, widget.NewLabel(draft.Subject), hint),
		newField(txtSendAttachment, widget.NewLabel(fmt.Sprintf("%s(%d KB)", draft.PDFName, (len(draft.PDF)+1023)/1024)), ""),
	}
	content := container.NewBorder(formGrid(items...), nil, nil, nil, body)
	var dlg dialog.Dialog
	send := widget.NewButtonWithIcon(txtSendButton, fynetheme.MailSendIcon(), func() {
		dlg.Hide()
		v.deliver(acct, draft, to.Text)
	})
	send.Importance = widget.HighImportance
	dlg = dialog.NewCustomWithoutButtons(txtSendTitle, content, v.d.win)
	dlg.(*dialog.CustomDialog).SetButtons([]fyne.CanvasObject{widget.NewButton(txtCancel, func() { dlg.Hide() }), send})
	dlg.Resize(fyne.NewSize(760, 640))
	dlg.Show()
}

// deliver sends (composing again when the address was changed) with a
// progress note, then reloads the case.
func (v *caseDetail) deliver(acct mail.Account, draft *mail.Draft, to string) {
	prog := v.d.progressDialog(txtSendTitle, txtSending)
	caseID := v.c.ID
	v.d.bg(func() func() {
		var err error
		if to != draft.To {
			draft, err = mail.Compose(v.d.ctx, v.d.db, mail.ComposeInput{CaseID: caseID, Kind: draft.Kind, To: to,
				From: acct.Address, Fonts: noticeFonts(), Now: v.d.now(), Clerk: v.d.clerk()})
		}
		var res mail.SendResult
		if err == nil {
			res, err = mail.Send(v.d.ctx, v.d.db, acct, draft, v.d.clerk())
		}
		return func() {
			prog.Hide()
			v.d.changed()
			v.reload()
			if err != nil {
				v.d.info(txtError, fmt.Sprintf(txtSendFailed, v.d.errText(err)))
				return
			}
			msg := fmt.Sprintf(txtSendDone, res.To)
			if res.Appended {
				msg += txtSendAppended
			}
			if res.Problem != "" {
				msg += "\n" + res.Problem
			}
			v.d.info(txtSendTitle, msg)
		}
	})
}

// outboxSection lists the mailed notices of the case with their state; an
// item not sent has 重试.
func (v *caseDetail) outboxSection() fyne.CanvasObject {
	box := container.NewVBox()
	caseID := v.c.ID
	v.d.bg(func() func() {
		items, err := v.d.db.Outbox(v.d.ctx, store.OutboxFilter{CaseID: caseID})
		return func() {
			if err != nil || len(items) == 0 {
				return
			}
			box.Add(caption(txtOutbox))
			for _, it := range items {
				when := it.CreatedAt
				if it.SentAt != nil {
					when = *it.SentAt
				}
				row := container.NewHBox(widget.NewLabel(fmt.Sprintf(txtOutboxRow, when.In(chinaZone()).Format(txtTimeFmt), it.State.Label(), it.Subject)))
				if it.State != store.OutboxSent {
					id, uncertain := it.ID, it.State == store.OutboxUncertain
					row.Add(widget.NewButtonWithIcon(txtOutboxRetry, fynetheme.ViewRefreshIcon(), func() { v.retry(id, uncertain) }))
				}
				box.Add(row)
				if it.Error != "" && it.State != store.OutboxSent {
					l := widget.NewLabel(it.Error)
					l.Wrapping = fyne.TextWrapWord
					box.Add(l)
				}
			}
		}
	})
	return box
}

func (v *caseDetail) retry(id int64, uncertain bool) {
	run := func(confirm bool) {
		prog := v.d.progressDialog(txtSendTitle, txtSending)
		v.d.bg(func() func() {
			acct, err := mail.LoadAccount(v.d.ctx, v.d.db)
			var res mail.SendResult
			if err == nil {
				res, err = mail.Retry(v.d.ctx, v.d.db, acct, id, confirm, v.d.clerk())
			}
			return func() {
				prog.Hide()
				v.d.changed()
				v.reload()
				if err != nil {
					v.d.info(txtError, fmt.Sprintf(txtSendFailed, v.d.errText(err)))
					return
				}
				v.d.info(txtSendTitle, fmt.Sprintf(txtSendDone, res.To))
			}
		})
	}
	if uncertain {
		v.d.confirm(txtSendTitle, txtOutboxConfirm, txtOutboxResend, func() { run(true) })
		return
	}
	run(false)
}

// recoverOutbox resolves, at start, the sends an earlier run left
// unfinished (see mail.Recover). Without mail settings there is nothing to
// do; a failure is told the next time the clerk sends.
func (d *Desk) recoverOutbox() {
	d.bg(func() func() {
		items, err := d.db.Outbox(d.ctx, store.OutboxFilter{Unfinished: true})
		if err != nil || len(items) == 0 {
			return nil
		}
		acct, err := mail.LoadAccount(d.ctx, d.db)
		if err != nil || acct.IMAP.User == "" {
			return nil
		}
		st, err := mail.Recover(d.ctx, d.db, acct, d.clerk())
		if err != nil || st.Sent+st.Uncertain == 0 {
			return nil
		}
		return func() { d.info(txtOutbox, fmt.Sprintf(txtRecovered, st.Sent, st.Uncertain)) }
	})
}

// bureauTab is 设置 → 单位信息: what every notice prints, and how mail is
// sent (the account and 授权码 are those of 邮箱).
func (v *settingsView) bureauTab() fyne.CanvasObject {
	d := v.d
	bu, _ := notice.LoadBureau(d.ctx, d.db)
	acct, _ := mail.AccountSettings(d.ctx, d.db)
	mk := func(s string) *entry {
		e := newEntry(d)
		e.SetText(s)
		return e
	}
	name, addr, phones, fax, box, hours := mk(bu.Name), mk(bu.Address), mk(bu.Phones), mk(bu.Fax), mk(bu.Mailbox), mk(bu.Hours)
	host, from := mk(acct.SMTP.Host), mk(acct.Address)
	port := mk("")
	if acct.SMTP.Port != 0 {
		port.SetText(strconv.Itoa(acct.SMTP.Port))
	}
	labels := make([]string, len(securities))
	for i, s := range securities {
		labels[i] = s.label
	}
	sec := widget.NewSelect(labels, nil)
	for _, s := range securities {
		if s.code == acct.SMTP.Security {
			sec.SetSelected(s.label)
		}
	}
	status := widget.NewLabel("")
	save := widget.NewButton(txtSave, func() {
		err := notice.SaveBureau(d.ctx, d.db, notice.Bureau{Name: name.Text, Address: addr.Text, Phones: phones.Text,
			Fax: fax.Text, Mailbox: box.Text, Hours: hours.Text})
		code := ""
		for _, s := range securities {
			if s.label == sec.Selected {
				code = s.code
			}
		}
		for _, kv := range [][2]string{{mail.SettingSMTPHost, host.Text}, {mail.SettingSMTPPort, port.Text},
			{mail.SettingSMTPSec, code}, {mail.SettingSMTPFrom, from.Text}} {
			if err == nil {
				err = d.db.SetSetting(d.ctx, kv[0], kv[1])
			}
		}
		if err != nil {
			d.showError(err)
			return
		}
		status.SetText(txtSaved)
	})
	form := formGrid(
		newField(txtBureauName, name, ""), newField(txtBureauAddress, addr, ""), newField(txtBureauPhones, phones, ""),
		newField(txtBureauFax, fax, ""), newField(txtBureauMailbox, box, ""), newField(txtBureauHours, hours, ""),
	)
	smtpForm := formGrid(
		newField(txtSMTPHost, host, ""), newField(txtSMTPPort, port, ""), newField(txtSMTPSecurity, sec, ""),
		newField(txtSMTPFrom, from, txtSMTPFromHint),
	)
	return container.NewVScroll(container.NewVBox(heading(txtSetBureau), caption(txtBureauAbout), form,
		widget.NewSeparator(), heading(txtSMTPHeading), caption(txtSMTPAbout), smtpForm,
		container.NewHBox(save, status)))
}
