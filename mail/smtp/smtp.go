// Package smtp sends one message over SMTP with implicit TLS (the 163
// default, smtp.163.com:465), STARTTLS, or plaintext to loopback hosts
// only (tests). Every failure comes back as an *Error with a Chinese
// message and a Kind, and says whether the message may nevertheless have
// been delivered (Uncertain), so the caller never resends blindly.
package smtp

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// Connection security.
const (
	SecurityTLS      = "tls"      // implicit TLS, port 465
	SecurityStartTLS = "starttls" // STARTTLS, port 587
	SecurityNone     = "none"     // plaintext, loopback hosts only
)

// Defaults: NetEase 163.
const (
	DefaultHost    = "smtp.163.com"
	DefaultPort    = 465
	DefaultTimeout = 60 * time.Second
)

// Config says where and as whom to send.
type Config struct {
	Host     string
	Port     int    // 0: 465 for tls, 587 for starttls, 25 for none
	Security string // "": tls
	User     string
	Password string // for 163, the authorization code (授权码)
	// RootCAs verifies the server certificate; nil: the system roots.
	RootCAs *x509.CertPool
	// Timeout bounds each network step. 0: DefaultTimeout.
	Timeout time.Duration
}

// Kind classifies a failure.
type Kind int

const (
	ErrConfig    Kind = iota + 1 // settings incomplete or unsafe; nothing was sent
	ErrNetwork                   // cannot connect, TLS failed or the connection dropped
	ErrAuth                      // wrong account or 授权码
	ErrRecipient                 // a recipient was refused
	ErrFull                      // mailbox full or message too large
	ErrRejected                  // the server refused the message otherwise
	ErrTimeout
	ErrCanceled
)

// Error is a failed send, in Chinese.
type Error struct {
	Kind Kind
	// Uncertain is set when the connection failed after the whole message
	// was handed over and before the server's answer: it may have been
	// delivered.
	Uncertain bool
	Msg       string
	Err       error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// Normalize fills in defaults and refuses unsafe or incomplete settings
// before anything touches the network.
func (c Config) Normalize() (Config, error) {
	c.Host = strings.TrimSpace(c.Host)
	c.User = strings.TrimSpace(c.User)
	c.Security = strings.ToLower(strings.TrimSpace(c.Security))
	if c.Security == "" {
		c.Security = SecurityTLS
	}
	cfgErr := func(format string, a ...any) (Config, error) {
		return c, &Error{Kind: ErrConfig, Msg: fmt.Sprintf(format, a...)}
	}
	switch c.Security {
	case SecurityTLS, SecurityStartTLS, SecurityNone:
	default:
		return cfgErr(msgSecurityBad, c.Security)
	}
	if c.Host == "" {
		return cfgErr(msgNoHost)
	}
	if c.Security == SecurityNone && !IsLoopback(c.Host) {
		return cfgErr(msgPlainRemote, c.Host)
	}
	if c.User == "" {
		return cfgErr(msgNoUser)
	}
	if c.Password == "" {
		return cfgErr(msgNoPassword)
	}
	if c.Port == 0 {
		switch c.Security {
		case SecurityTLS:
			c.Port = 465
		case SecurityStartTLS:
			c.Port = 587
		default:
			c.Port = 25
		}
	}
	if c.Port < 0 || c.Port > 65535 {
		return cfgErr(msgBadPort, c.Port)
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	return c, nil
}

// IsLoopback accepts only names that cannot leave the machine, without
// resolving anything.
func IsLoopback(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if h == "localhost" {
		return true
	}
	if i := strings.IndexByte(h, '%'); i >= 0 {
		h = h[:i]
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// Send delivers msg (a complete RFC 5322 message) from from to every
// address in to. It returns nil only when the server accepted the message
// after DATA.
func Send(ctx context.Context, cfg Config, from string, to []string, msg []byte) error {
	cfg, err := cfg.Normalize()
	if err != nil {
		return err
	}
	if strings.TrimSpace(from) == "" {
		return &Error{Kind: ErrConfig, Msg: msgNoFrom}
	}
	if len(to) == 0 {
		return &Error{Kind: ErrConfig, Msg: msgNoRecipient}
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	s := &sender{ctx: ctx, cfg: cfg, addr: addr}
	err = s.send(from, to, msg)
	if err != nil {
		return s.classify(err)
	}
	return nil
}

type sender struct {
	ctx  context.Context
	cfg  Config
	addr string
	conn net.Conn
	// dataSent is set once the whole message went out, before the answer.
	dataSent bool
	step     string
}

func (s *sender) send(from string, to []string, msg []byte) error {
	d := net.Dialer{Timeout: s.cfg.Timeout}
	s.step = "connect"
	raw, err := d.DialContext(s.ctx, "tcp", s.addr)
	if err != nil {
		return err
	}
	s.conn = raw
	stop := context.AfterFunc(s.ctx, func() { raw.Close() })
	defer stop()
	defer raw.Close()
	// One deadline for the whole exchange: a notice is small, and a server
	// silent for the timeout fails the send instead of hanging it.
	raw.SetDeadline(time.Now().Add(s.cfg.Timeout))
	tlsConfig := &tls.Config{ServerName: s.cfg.Host, RootCAs: s.cfg.RootCAs, MinVersion: tls.VersionTLS12}
	var c *gosmtp.Client
	switch s.cfg.Security {
	case SecurityTLS:
		s.step = "tls"
		tc := tls.Client(raw, tlsConfig)
		if err := tc.HandshakeContext(s.ctx); err != nil {
			return err
		}
		c = gosmtp.NewClient(tc)
	case SecurityStartTLS:
		s.step = "starttls"
		c, err = gosmtp.NewClientStartTLS(raw, tlsConfig)
		if err != nil {
			return err
		}
	default:
		c = gosmtp.NewClient(raw)
	}
	defer c.Close()
	s.step = "hello"
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	s.step = "auth"
	if ok, _ := c.Extension("AUTH"); !ok {
		return &Error{Kind: ErrAuth, Msg: fmt.Sprintf(msgAuthNone, s.addr)}
	}
	if err := c.Auth(sasl.NewPlainClient("", s.cfg.User, s.cfg.Password)); err != nil {
		return err
	}
	s.step = "mail"
	if err := c.Mail(from, nil); err != nil {
		return err
	}
	for _, rc := range to {
		s.step = "rcpt " + rc
		if err := c.Rcpt(rc, nil); err != nil {
			return err
		}
	}
	s.step = "data"
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	s.dataSent = true
	s.step = "data end"
	if err := w.Close(); err != nil {
		return err
	}
	s.dataSent = false
	s.step = "quit"
	// The message is accepted; a failing QUIT changes nothing.
	_ = c.Quit()
	return nil
}

func (s *sender) classify(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if s.ctx.Err() != nil {
		return &Error{Kind: ErrCanceled, Uncertain: s.dataSent, Msg: msgCanceled, Err: err}
	}
	var se *gosmtp.SMTPError
	if errors.As(err, &se) {
		answer := fmt.Sprintf(msgServerAnswer, se.Code, se.Message)
		full := se.Code == 552 || se.Code == 452 || se.EnhancedCode == (gosmtp.EnhancedCode{5, 2, 2}) ||
			se.EnhancedCode == (gosmtp.EnhancedCode{4, 2, 2}) || se.EnhancedCode == (gosmtp.EnhancedCode{5, 3, 4})
		switch {
		case s.step == "auth" || se.Code == 535 || se.Code == 534 || se.Code == 530:
			return &Error{Kind: ErrAuth, Msg: fmt.Sprintf(msgAuth, answer), Err: err}
		case full:
			return &Error{Kind: ErrFull, Msg: fmt.Sprintf(msgFull, answer), Err: err}
		case strings.HasPrefix(s.step, "rcpt "):
			return &Error{Kind: ErrRecipient, Msg: fmt.Sprintf(msgRecipient, strings.TrimPrefix(s.step, "rcpt "), answer), Err: err}
		}
		return &Error{Kind: ErrRejected, Msg: fmt.Sprintf(msgRejected, answer), Err: err}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &Error{Kind: ErrTimeout, Uncertain: s.dataSent, Msg: fmt.Sprintf(msgTimeout, s.addr, s.cfg.Timeout), Err: err}
	}
	switch {
	case s.dataSent:
		return &Error{Kind: ErrNetwork, Uncertain: true, Msg: fmt.Sprintf(msgDroppedData, err), Err: err}
	case s.step == "connect":
		return &Error{Kind: ErrNetwork, Msg: fmt.Sprintf(msgConnect, s.addr, err), Err: err}
	case s.step == "tls":
		return &Error{Kind: ErrNetwork, Msg: fmt.Sprintf(msgTLS, s.addr, err), Err: err}
	case s.step == "starttls" && strings.Contains(err.Error(), "STARTTLS"):
		return &Error{Kind: ErrNetwork, Msg: fmt.Sprintf(msgNoStartTLS, s.addr), Err: err}
	}
	return &Error{Kind: ErrNetwork, Msg: fmt.Sprintf(msgDropped, s.addr, err), Err: err}
}
