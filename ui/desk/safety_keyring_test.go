package desk

import (
	"context"
	"errors"
	"strings"
	"testing"

	"beiandesk/store"
)

// keyringless is a desktop without Secret Service: every keyring call
// fails. The connection test succeeds only for the good host.
type keyringless struct {
	fakeMail
	tested []string // host/password pairs the test was run with
}

func (k *keyringless) Password(user, host string) (string, string, error) {
	return "", "", errors.New("无法访问系统密钥环")
}
func (k *keyringless) SavePassword(string, string, string) error {
	return errors.New("无法访问系统密钥环")
}
func (k *keyringless) Test(_ context.Context, s mailSettings, pw string) error {
	k.tested = append(k.tested, s.Host+"/"+pw)
	if s.Host != "imap.163.com" {
		return errors.New("连接被拒绝")
	}
	return nil
}

// TestNoKeyringTestsTypedCode: without a keyring, 测试连接 uses the typed
// 授权码, never saves settings that failed the test, says plainly the code
// cannot be remembered, and keeps it for this run (issue 9, item 11).
func TestNoKeyringTestsTypedCode(t *testing.T) {
	d, _ := newTestDesk(t)
	k := &keyringless{}
	d.mail = k
	v := d.settings
	host := func() string { h, _ := d.db.Setting(context.Background(), store.SettingIMAPHost, ""); return h }

	v.host.SetText("bogus.example")
	v.user.SetText("beianzhuxiao@163.com")
	v.password.SetText("CODE1234")
	v.saveMail(true)
	d.wait()
	if len(k.tested) != 1 || k.tested[0] != "bogus.example/CODE1234" {
		t.Fatalf("tested %v", k.tested)
	}
	if host() != "" {
		t.Fatalf("untested host saved: %q", host())
	}
	if v.password.Text != "CODE1234" {
		t.Fatal("typed code wiped")
	}
	// 保存 without a keyring saves nothing either.
	v.saveMail(false)
	d.wait()
	if host() != "" || !strings.Contains(v.mailStatus.Text, "无法记住") {
		t.Fatalf("plain save: host %q, status %q", host(), v.mailStatus.Text)
	}
	// The good host: tested with the typed code, saved, and told.
	v.host.SetText("imap.163.com")
	v.saveMail(true)
	d.wait()
	if host() != "imap.163.com" {
		t.Fatalf("tested host not saved: %q", host())
	}
	if !strings.Contains(v.mailStatus.Text, "无法记住") {
		t.Fatalf("status %q", v.mailStatus.Text)
	}
	// The code serves the rest of this run.
	if pw, _, err := d.password("beianzhuxiao@163.com", "imap.163.com"); err != nil || pw != "CODE1234" {
		t.Fatalf("session code: %q %v", pw, err)
	}
}
