package desk

import (
	"context"
	"net"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"beiandesk/mail"
	"beiandesk/mail/smtp/smtptest"
	"beiandesk/store"
	"beiandesk/store/notice"
)

// drawnText joins every label and text drawn under o.
func drawnText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		switch w := x.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		}
	}
	return b.String()
}

func TestNoticePreviewAndSend(t *testing.T) {
	d, _ := newTestDesk(t)
	ctx := context.Background()
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "counter", ReceivedAt: cst("2026-10-09 09:00"),
		SponsorType: "org", Sponsor: "晋城市宇浩信息技术有限公司", Contact: "zhangsan@example.com"})
	d.OpenCase(c.ID)
	d.wait()
	v := d.cases.detail
	for _, label := range []string{txtNoticePreview, txtNoticePrint, txtSaveAs, txtNoticeSend} {
		if findButton(v.obj, label) == nil {
			t.Errorf("case detail lacks %q", label)
		}
	}
	// The preview draws the same notice as the text and the PDF.
	n, err := v.buildNotice(notice.KindReceipt)
	if err != nil {
		t.Fatal(err)
	}
	view := NoticeView(n)
	test.NewTempWindow(t, view).Resize(fyne.NewSize(700, 900))
	drawn := drawnText(view)
	for _, w := range []string{"收件回执", "收件编号：" + c.Number, "晋城市宇浩信息技术有限公司：", "山西省通信管理局", "联系电话：0351-8788032、0351-8788232"} {
		if !strings.Contains(drawn, w) {
			t.Errorf("preview lacks %q:\n%s", w, drawn)
		}
	}
	// A notice that does not fit is refused in Chinese.
	if _, err := v.buildNotice(notice.KindDone); err == nil || !strings.Contains(err.Error(), "尚未办结") {
		t.Errorf("done: %v", err)
	}

	// 发送: the preview dialog, then a real SMTP server.
	srv := smtptest.Start(t, smtptest.Options{Plain: true})
	t.Setenv(mail.EnvPassword, srv.Password)
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	for k, val := range map[string]string{store.SettingIMAPUser: srv.User, store.SettingIMAPHost: "127.0.0.1",
		store.SettingIMAPPort: closed, store.SettingIMAPSec: "none", mail.SettingSMTPHost: "127.0.0.1",
		mail.SettingSMTPPort: strconv.Itoa(srv.Port), mail.SettingSMTPSec: "none"} {
		if err := d.db.SetSetting(ctx, k, val); err != nil {
			t.Fatal(err)
		}
	}
	v.sendNotice(n)
	d.wait()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no preview before sending")
	}
	if txt := drawnText(top); !strings.Contains(txt, "收件回执(") || !strings.Contains(txt, ".pdf") {
		t.Errorf("send preview lacks subject or attachment:\n%s", txt)
	}
	confirmDialog(t, d, txtSendButton)
	d.wait()
	if len(srv.Messages()) != 1 || srv.Messages()[0].To[0] != "zhangsan@example.com" {
		msg := ""
		if top := d.win.Canvas().Overlays().Top(); top != nil {
			msg = drawnText(top)
		}
		t.Fatalf("server got %d messages; shown: %s", len(srv.Messages()), msg)
	}
	items, _ := d.db.Outbox(ctx, store.OutboxFilter{CaseID: c.ID})
	if len(items) != 1 || items[0].State != store.OutboxSent {
		t.Fatalf("outbox %+v", items)
	}
	d.wait()
	if !strings.Contains(drawnText(v.obj), "已发出") {
		t.Error("the case does not show the sent notice")
	}
}

func TestBureauSettingsTab(t *testing.T) {
	d, _ := newTestDesk(t)
	d.SelectTab(TabSettings)
	d.settings.selectSub("bureau")
	d.wait()
	if txt := drawnText(d.settings.obj); !strings.Contains(txt, "单位名称") || !strings.Contains(txt, "发信(SMTP)") {
		t.Fatalf("单位信息 tab:\n%s", txt)
	}
}
