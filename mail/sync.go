package mail

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"

	"beiandesk/store"
)

// Connection security.
const (
	SecurityTLS      = "tls"      // implicit TLS, port 993
	SecurityStartTLS = "starttls" // STARTTLS, port 143
	SecurityNone     = "none"     // plaintext, loopback hosts only (tests)
)

// Defaults of Config.
const (
	DefaultMailbox   = "INBOX"
	DefaultTimeout   = 60 * time.Second
	DefaultBatchSize = 100
)

// Config says where and how to sync.
type Config struct {
	Host     string
	Port     int // 0: 993 for tls, 143 otherwise
	User     string
	Password string
	Mailbox  string // "": INBOX
	Security string // "": tls
	// Timeout bounds every network step: a server silent for this long
	// fails the sync. 0: DefaultTimeout.
	Timeout time.Duration
	// Deadline bounds the whole sync (or connection test). 0: Timeout ×
	// (setupSteps + the batches of mail) when Timeout is given, else
	// DefaultDeadline.
	Deadline time.Duration
	perBatch bool // Deadline grows by Timeout per batch
	// RootCAs verifies the server certificate; nil: the system roots.
	RootCAs *x509.CertPool
	// LeaseWait is how long to wait while another process syncs; 0 fails at
	// once with ErrBusy.
	LeaseWait time.Duration
	// BatchSize is how many messages one FETCH asks for. 0: DefaultBatchSize.
	BatchSize int
	// ClientVersion is sent with the IMAP ID command.
	ClientVersion string

	lease leaseTiming // zero: defaultLeaseTiming (tests shorten it)
}

// Account is the checkpoint key: user@host.
func (c Config) Account() string { return c.User + "@" + c.Host }

// normalize fills in defaults and refuses unsafe or incomplete settings
// before anything touches the network.
func (c Config) normalize() (Config, error) {
	c.Host = strings.TrimSpace(c.Host)
	c.User = strings.TrimSpace(c.User)
	c.Mailbox = strings.TrimSpace(c.Mailbox)
	c.Security = strings.ToLower(strings.TrimSpace(c.Security))
	if c.Mailbox == "" {
		c.Mailbox = DefaultMailbox
	}
	if c.Security == "" {
		c.Security = SecurityTLS
	}
	switch c.Security {
	case SecurityTLS, SecurityStartTLS, SecurityNone:
	default:
		return c, &Error{Kind: ErrConfig, Err: fmt.Errorf(msgSecurityBad, c.Security)}
	}
	if c.Host == "" {
		return c, &Error{Kind: ErrConfig, Err: errors.New(msgNoHost)}
	}
	if c.Security == SecurityNone && !isLoopback(c.Host) {
		return c, &Error{Kind: ErrConfig, Err: fmt.Errorf(msgPlainRemote, c.Host)}
	}
	if c.User == "" {
		return c, &Error{Kind: ErrConfig, Err: errors.New(msgNoUser)}
	}
	if c.Password == "" {
		return c, &Error{Kind: ErrCredential, Err: errors.New(msgNoPassword)}
	}
	if c.Port == 0 {
		c.Port = 143
		if c.Security == SecurityTLS {
			c.Port = 993
		}
	}
	if c.Port < 0 || c.Port > 65535 {
		return c, &Error{Kind: ErrConfig, Err: fmt.Errorf(msgBadPort, c.Port)}
	}
	if c.Deadline <= 0 {
		if c.Timeout > 0 {
			c.Deadline, c.perBatch = c.Timeout*setupSteps, true
		} else {
			c.Deadline = DefaultDeadline
		}
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.BatchSize <= 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.lease == (leaseTiming{}) {
		c.lease = defaultLeaseTiming
	}
	return c, nil
}

// CheckSettings refuses the settings that Sync would refuse before it
// touches the network (unknown security, plaintext to another machine, no
// host or user, a bad port). The password is not looked at: callers check
// settings before they save them, and the password is never saved with them.
func CheckSettings(cfg Config) error {
	if cfg.Password == "" {
		cfg.Password = "-"
	}
	_, err := cfg.normalize()
	return err
}

// isLoopback accepts only names that cannot leave the machine, without
// resolving anything.
func isLoopback(host string) bool {
	h := strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if h == "localhost" {
		return true
	}
	if i := strings.IndexByte(h, '%'); i >= 0 { // an IPv6 zone
		h = h[:i]
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// Stats tells what a sync did.
type Stats struct {
	New        int      // messages stored
	Duplicates int      // messages already stored
	Failed     int      // messages the server did not deliver; retried next time
	Problems   []string // notes for the clerk (UIDVALIDITY change, refused ID, …)
}

// Sync pulls new mail from the mailbox once and stores it. The mailbox is
// only read: bodies are fetched with BODY.PEEK from a mailbox opened with
// EXAMINE, so no flag changes and nothing is deleted or moved. Progress is
// reported as done/total messages. Only one sync runs at a time across
// processes; the checkpoint (UIDVALIDITY, last UID) advances in the same
// transaction that stores each message, so a sync killed at any moment
// resumes without losing or doubling mail.
func Sync(ctx context.Context, db store.Book, cfg Config, progress func(done, total int)) (Stats, error) {
	var st Stats
	cfg, err := cfg.normalize()
	if err != nil {
		return st, err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	ctx, release, err := holdLease(ctx, db, cfg.LeaseWait, cfg.lease)
	if err != nil {
		return st, err
	}
	defer release()
	ctx, deadline, stop := withDeadline(ctx, cfg)
	defer stop()
	s, err := dial(ctx, cfg)
	if err != nil {
		return st, err
	}
	defer s.close()
	y := &syncer{s: s, db: db, cfg: cfg, progress: progress, stats: &st, deadline: deadline}
	if err := y.run(ctx); err != nil {
		var e *Error
		if cause := context.Cause(ctx); errors.As(cause, &e) {
			return st, cause
		}
		// Every error leaves as an *Error, so the clerk reads Chinese.
		return st, classify(err, cfg.Host)
	}
	return st, nil
}

// Check connects, logs in and opens the folder read-only, then logs out:
// the settings dialog's "test connection". Nothing is fetched or stored.
func Check(ctx context.Context, cfg Config) error {
	cfg, err := cfg.normalize()
	if err != nil {
		return err
	}
	ctx, _, stop := withDeadline(ctx, cfg)
	defer stop()
	s, err := dial(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.close()
	y := &syncer{s: s, cfg: cfg, stats: &Stats{}}
	if err := y.login(); err != nil {
		return err
	}
	_, err = y.examine()
	return err
}

type syncer struct {
	s        *session
	db       store.Book
	cfg      Config
	progress func(done, total int)
	stats    *Stats
	deadline *overallDeadline
}

func (y *syncer) run(ctx context.Context) error {
	if err := y.login(); err != nil {
		return err
	}
	sel, err := y.examine()
	if err != nil {
		return err
	}
	account, box := y.cfg.Account(), y.cfg.Mailbox
	cp, ok, err := y.db.Checkpoint(ctx, account, box)
	if err != nil {
		return err
	}
	if !ok || cp.UIDValidity != sel.UIDValidity {
		if ok {
			y.stats.Problems = append(y.stats.Problems, fmt.Sprintf(msgUIDValidity, box, cp.UIDValidity, sel.UIDValidity))
		}
		// Start over: every message is looked at again and the dedup key
		// keeps what is stored from being stored twice.
		cp = store.Checkpoint{UIDValidity: sel.UIDValidity}
		if err := y.db.SetCheckpoint(ctx, account, box, cp); err != nil {
			return err
		}
	}
	if sel.NumMessages == 0 || (sel.UIDNext != 0 && uint32(sel.UIDNext) <= cp.LastUID+1) {
		y.progress(0, 0)
		return nil
	}
	msgs, err := y.list(cp.LastUID)
	if err != nil {
		return err
	}
	if y.cfg.perBatch {
		y.deadline.extend(y.cfg.Timeout * time.Duration(len(batches(msgs, y.cfg.BatchSize, maxBatchBytes))))
	}
	return y.fetchAll(ctx, cp, msgs)
}

// examine opens the folder read-only (EXAMINE), so that nothing the sync
// does can change a flag.
func (y *syncer) examine() (*imap.SelectData, error) {
	var sel *imap.SelectData
	err := y.s.step("examine "+y.cfg.Mailbox, func() error {
		var err error
		sel, err = y.s.client.Select(y.cfg.Mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
		return err
	})
	if e, ok := err.(*Error); ok && e.Kind == ErrServer {
		e.Err = fmt.Errorf(msgErrMailbox+": %w", y.cfg.Mailbox, e.Err)
	}
	return sel, err
}

func (y *syncer) login() error {
	err := y.s.step("login", func() error { return y.s.client.Login(y.cfg.User, y.cfg.Password).Wait() })
	if e, ok := err.(*Error); ok && e.Kind == ErrServer {
		e.Kind = ErrAuth // any refusal of LOGIN is about the credentials
	}
	if err != nil {
		return err
	}
	// NetEase refuses SELECT with "Unsafe Login" from a client that has not
	// said who it is. Servers without ID may drop a client that sends it.
	if !y.s.client.Caps().Has(imap.CapID) {
		return nil
	}
	version := y.cfg.ClientVersion
	if version == "" {
		version = "1"
	}
	err = y.s.step("id", func() error {
		_, err := y.s.client.ID(&imap.IDData{Name: "beiandesk", Version: version, Vendor: "Shanxi Communications Administration"}).Wait()
		return err
	})
	if e, ok := err.(*Error); ok && e.Kind == ErrServer {
		// A refused ID is not fatal by itself; SELECT will tell.
		y.stats.Problems = append(y.stats.Problems, fmt.Sprintf(msgIDRefused, e.Err))
		return nil
	}
	return err
}
