// Package smtptest runs a real SMTP server (emersion/go-smtp) on a loopback
// port for tests: implicit TLS with a throw-away certificate, AUTH PLAIN,
// and the faults a clerk meets (wrong 授权码, refused recipient, full
// mailbox, dropped connection). It records what it accepted.
package smtptest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// Message is one accepted message.
type Message struct {
	From string
	To   []string
	Data []byte
}

// Server is a running test server.
type Server struct {
	Host     string
	Port     int
	RootCAs  *x509.CertPool // trusts the server's certificate
	User     string
	Password string

	mu       sync.Mutex
	messages []Message
	// Refuse makes RCPT TO fail with 550 for these addresses.
	Refuse map[string]bool
	// Full makes DATA fail with 552 (mailbox full).
	Full bool
	// Drop closes the connection after the message was read, before any
	// answer.
	Drop bool
	// OnData runs after a message was read and counted, before the answer;
	// a test may block in it to be killed there.
	OnData func(Message)

	srv *gosmtp.Server
}

// Options choose the transport.
type Options struct {
	Plain bool // no TLS at all (plaintext to loopback)
}

// Start runs a server until the test ends.
func Start(t testing.TB, opt Options) *Server {
	t.Helper()
	s := &Server{Host: "127.0.0.1", User: "beianzhuxiao@163.com", Password: "AUTHCODE1234", Refuse: map[string]bool{}}
	s.srv = gosmtp.NewServer(gosmtp.BackendFunc(func(c *gosmtp.Conn) (gosmtp.Session, error) { return &session{s: s, conn: c}, nil }))
	s.srv.Domain = "localhost"
	s.srv.AllowInsecureAuth = opt.Plain
	s.srv.ReadTimeout = 30 * time.Second
	s.srv.WriteTimeout = 30 * time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Port = l.Addr().(*net.TCPAddr).Port
	if !opt.Plain {
		cert, pool := selfSigned(t)
		s.RootCAs = pool
		l = tls.NewListener(l, &tls.Config{Certificates: []tls.Certificate{cert}})
	}
	go s.srv.Serve(l)
	t.Cleanup(func() { s.srv.Close() })
	return s
}

// Messages returns what the server accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Count counts accepted messages whose data contains substr.
func (s *Server) Count(substr string) int {
	n := 0
	for _, m := range s.Messages() {
		if bytes.Contains(m.Data, []byte(substr)) {
			n++
		}
	}
	return n
}

type session struct {
	s    *Server
	conn *gosmtp.Conn
	auth bool
	from string
	to   []string
}

// Configure changes the server's settings (User, Password, Refuse, Full,
// Drop, OnData) while it runs: its connections read them concurrently, so
// the change is made under its lock. fn must not call the server's methods.
func (s *Server) Configure(fn func(*Server)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s)
}

func (x *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		x.s.mu.Lock()
		wantUser, wantPass := x.s.User, x.s.Password
		x.s.mu.Unlock()
		if user != wantUser || pass != wantPass {
			return gosmtp.ErrAuthFailed
		}
		x.auth = true
		return nil
	}), nil
}

func (x *session) Mail(from string, _ *gosmtp.MailOptions) error {
	if !x.auth {
		return gosmtp.ErrAuthRequired
	}
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *gosmtp.RcptOptions) error {
	x.s.mu.Lock()
	refused := x.s.Refuse[strings.ToLower(to)]
	x.s.mu.Unlock()
	if refused {
		return &gosmtp.SMTPError{Code: 550, EnhancedCode: gosmtp.EnhancedCode{5, 1, 1}, Message: "User not found: " + to}
	}
	x.to = append(x.to, to)
	return nil
}

// errDrop ends the connection without an answer.
var errDrop = errors.New("dropped by test")

func (x *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s := x.s
	s.mu.Lock()
	full, drop, hook := s.Full, s.Drop, s.OnData
	s.mu.Unlock()
	if full {
		return &gosmtp.SMTPError{Code: 552, EnhancedCode: gosmtp.EnhancedCode{5, 2, 2}, Message: "Mailbox full"}
	}
	m := Message{From: x.from, To: append([]string(nil), x.to...), Data: data}
	s.mu.Lock()
	s.messages = append(s.messages, m)
	s.mu.Unlock()
	if hook != nil {
		hook(m)
	}
	if drop {
		// Counted as delivered, but the client never hears so.
		x.conn.Conn().Close()
		return errDrop
	}
	return nil
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }

func selfSigned(t testing.TB) (tls.Certificate, *x509.CertPool) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}
