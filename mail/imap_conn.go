package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// deadlineConn gives every read and write its own deadline while a command
// is outstanding ("armed"), so a silent server fails the step after timeout
// instead of hanging it. It replaces imapclient's fixed deadlines (30 s for
// a reply, 5 minutes for a whole literal, which a 50 MB message on a slow
// line can exceed): what matters is that the server keeps sending. Between
// commands, while fetched mail is being stored, no read deadline runs.
type deadlineConn struct {
	net.Conn
	timeout time.Duration

	mu       sync.Mutex
	armed    int
	err      error // the first read or write failure
	timedOut bool
	closed   bool // closed by us, so errors after it are not the server's
}

func newDeadlineConn(c net.Conn, timeout time.Duration) *deadlineConn {
	return &deadlineConn{Conn: c, timeout: timeout}
}

func (c *deadlineConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	if c.timedOut {
		// The decoder reads again after an error; each read would wait
		// another full timeout. A timed-out session is beyond repair.
		err := c.err
		c.mu.Unlock()
		return 0, err
	}
	if c.armed > 0 {
		c.Conn.SetReadDeadline(time.Now().Add(c.timeout))
	} else {
		c.Conn.SetReadDeadline(time.Time{})
	}
	c.mu.Unlock()
	n, err := c.Conn.Read(p)
	if err != nil {
		c.note(err)
	}
	return n, err
}

func (c *deadlineConn) Write(p []byte) (int, error) {
	c.Conn.SetWriteDeadline(time.Now().Add(c.timeout))
	n, err := c.Conn.Write(p)
	if err != nil {
		c.note(err)
	}
	return n, err
}

// The deadlines of the layers above are ignored: this conn keeps its own.
func (c *deadlineConn) SetDeadline(time.Time) error      { return nil }
func (c *deadlineConn) SetReadDeadline(time.Time) error  { return nil }
func (c *deadlineConn) SetWriteDeadline(time.Time) error { return nil }

func (c *deadlineConn) Close() error {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	return c.Conn.Close()
}

func (c *deadlineConn) note(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil || c.closed {
		return
	}
	c.err = err
	c.timedOut = errors.Is(err, os.ErrDeadlineExceeded)
}

// arm starts the deadline for a command; a read already waiting gets it too.
func (c *deadlineConn) arm() {
	c.mu.Lock()
	c.armed++
	c.Conn.SetReadDeadline(time.Now().Add(c.timeout))
	c.mu.Unlock()
}

func (c *deadlineConn) disarm() {
	c.mu.Lock()
	c.armed--
	if c.armed == 0 {
		c.Conn.SetReadDeadline(time.Time{})
	}
	c.mu.Unlock()
}

// failure reports how the connection failed, if it did.
func (c *deadlineConn) failure(step string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.timedOut:
		return &Error{Kind: ErrTimeout, Err: &timeoutError{step: step, after: c.timeout.String()}}
	case c.err != nil:
		return &Error{Kind: ErrNetwork, Err: &droppedError{cause: fmt.Errorf("%s: %w", step, c.err)}}
	}
	return nil
}

// session is a logged-in IMAP connection.
type session struct {
	ctx    context.Context
	cfg    Config
	conn   *deadlineConn
	client *imapclient.Client
	stop   func() bool
}

// dial connects and waits for the greeting. ctx being cancelled closes the
// connection, which ends whatever command is outstanding.
func dial(ctx context.Context, cfg Config) (*session, error) {
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	d := net.Dialer{Timeout: cfg.Timeout}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		var ne net.Error
		if ctx.Err() == nil && errors.As(err, &ne) && ne.Timeout() {
			err = &timeoutError{step: "connect " + addr, after: cfg.Timeout.String()}
		}
		return nil, wrapStep(ctx, cfg, nil, "connect", err)
	}
	conn := newDeadlineConn(raw, cfg.Timeout)
	s := &session{ctx: ctx, cfg: cfg, conn: conn}
	s.stop = context.AfterFunc(ctx, func() { conn.Close() })

	tlsConfig := &tls.Config{ServerName: cfg.Host, RootCAs: cfg.RootCAs, MinVersion: tls.VersionTLS12}
	opts := &imapclient.Options{
		TLSConfig: tlsConfig,
		// Without it, GBK subjects in ENVELOPE and LIST come back undecoded.
		WordDecoder: &mime.WordDecoder{CharsetReader: CharsetReader},
	}
	err = s.step("connect", func() error {
		switch cfg.Security {
		case SecurityTLS:
			tc := tls.Client(conn, tlsConfig)
			if err := tc.HandshakeContext(ctx); err != nil {
				return err
			}
			s.client = imapclient.New(tc, opts)
		case SecurityStartTLS:
			c, err := imapclient.NewStartTLS(conn, opts)
			if err != nil {
				return err
			}
			s.client = c
		default:
			s.client = imapclient.New(conn, opts)
		}
		return s.client.WaitGreeting()
	})
	if err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// step runs one network exchange under the deadline and turns its failure
// into an *Error that says what happened.
func (s *session) step(name string, fn func() error) error {
	s.conn.arm()
	err := fn()
	s.conn.disarm()
	if err == nil {
		return nil
	}
	return wrapStep(s.ctx, s.cfg, s.conn, name, err)
}

func wrapStep(ctx context.Context, cfg Config, conn *deadlineConn, name string, err error) error {
	if ctx.Err() != nil {
		var e *Error
		if cause := context.Cause(ctx); errors.As(cause, &e) {
			return cause
		}
		return &Error{Kind: ErrCanceled, Err: ctx.Err()}
	}
	var ie *imap.Error
	if !errors.As(err, &ie) && conn != nil {
		// imapclient reports a broken connection with %v, so the cause is
		// known only here.
		if f := conn.failure(name); f != nil {
			return f
		}
	}
	return classify(fmt.Errorf("%s: %w", name, err), net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)))
}

// close logs out politely when the connection is still good, then closes it.
func (s *session) close() {
	if s.client != nil && s.ctx.Err() == nil && s.conn.failure("") == nil {
		_ = s.step("logout", func() error { return s.client.Logout().Wait() })
	}
	s.stop()
	if s.client != nil {
		s.client.Close()
	}
	s.conn.Close()
}
