package smtp_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"beiandesk/mail/smtp"
	"beiandesk/mail/smtp/smtptest"
)

const msg = "From: beianzhuxiao@163.com\r\nTo: a@example.com\r\nSubject: test\r\nMessage-ID: <t1@beiandesk>\r\n\r\n退回补正通知书\r\n"

func cfgFor(s *smtptest.Server, sec string) smtp.Config {
	return smtp.Config{Host: s.Host, Port: s.Port, Security: sec, User: s.User, Password: s.Password,
		RootCAs: s.RootCAs, Timeout: 10 * time.Second}
}

func TestSendImplicitTLS(t *testing.T) {
	s := smtptest.Start(t, smtptest.Options{})
	if err := smtp.Send(context.Background(), cfgFor(s, "tls"), s.User, []string{"a@example.com"}, []byte(msg)); err != nil {
		t.Fatal(err)
	}
	got := s.Messages()
	if len(got) != 1 || string(got[0].Data) != msg || got[0].From != s.User || got[0].To[0] != "a@example.com" {
		t.Fatalf("server got %+v", got)
	}
}

func TestSendPlainLoopback(t *testing.T) {
	s := smtptest.Start(t, smtptest.Options{Plain: true})
	if err := smtp.Send(context.Background(), cfgFor(s, "none"), s.User, []string{"a@example.com"}, []byte(msg)); err != nil {
		t.Fatal(err)
	}
	if s.Count("t1@beiandesk") != 1 {
		t.Fatal("not delivered")
	}
}

func TestSendFaults(t *testing.T) {
	tests := []struct {
		name      string
		setup     func(*smtptest.Server, *smtp.Config)
		kind      smtp.Kind
		uncertain bool
		msg       string
		delivered int
	}{
		{"wrong 授权码", func(s *smtptest.Server, c *smtp.Config) { c.Password = "web-password" }, smtp.ErrAuth, false, "授权码", 0},
		{"refused recipient", func(s *smtptest.Server, c *smtp.Config) { s.Refuse["a@example.com"] = true }, smtp.ErrRecipient, false, "收件人地址 a@example.com 被拒收", 0},
		{"full mailbox", func(s *smtptest.Server, c *smtp.Config) { s.Full = true }, smtp.ErrFull, false, "邮箱已满", 0},
		{"dropped after data", func(s *smtptest.Server, c *smtp.Config) { s.Drop = true }, smtp.ErrNetwork, true, "无法确认服务器是否已接收", 1},
		{"nobody listens", func(s *smtptest.Server, c *smtp.Config) { c.Port = 1 }, smtp.ErrNetwork, false, "无法连接SMTP服务器", 0},
		{"untrusted certificate", func(s *smtptest.Server, c *smtp.Config) { c.RootCAs = nil }, smtp.ErrNetwork, false, "加密连接失败", 0},
		{"plaintext to a remote host", func(s *smtptest.Server, c *smtp.Config) { c.Host, c.Security = "smtp.163.com", "none" }, smtp.ErrConfig, false, "只允许连接本机", 0},
		{"no 授权码", func(s *smtptest.Server, c *smtp.Config) { c.Password = "" }, smtp.ErrConfig, false, "未设置邮箱授权码", 0},
		{"bad security", func(s *smtptest.Server, c *smtp.Config) { c.Security = "ssl3" }, smtp.ErrConfig, false, "发信加密方式", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := smtptest.Start(t, smtptest.Options{})
			cfg := cfgFor(s, "tls")
			tt.setup(s, &cfg)
			err := smtp.Send(context.Background(), cfg, s.User, []string{"a@example.com"}, []byte(msg))
			var e *smtp.Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v (%T)", err, err)
			}
			if e.Kind != tt.kind || e.Uncertain != tt.uncertain || !strings.Contains(e.Error(), tt.msg) {
				t.Errorf("got kind %d uncertain %v %q; want kind %d uncertain %v %q", e.Kind, e.Uncertain, e.Error(), tt.kind, tt.uncertain, tt.msg)
			}
			if n := len(s.Messages()); n != tt.delivered {
				t.Errorf("server accepted %d messages, want %d", n, tt.delivered)
			}
		})
	}
}

func TestSendStartTLSRefusedByImplicitServer(t *testing.T) {
	// A plaintext server that offers no STARTTLS: the client must not go
	// on without encryption.
	s := smtptest.Start(t, smtptest.Options{Plain: true})
	err := smtp.Send(context.Background(), cfgFor(s, "starttls"), s.User, []string{"a@example.com"}, []byte(msg))
	if err == nil || len(s.Messages()) != 0 {
		t.Fatalf("sent without TLS: %v", err)
	}
	t.Log(err)
}
