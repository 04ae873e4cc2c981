// Package postgres keeps a case book shared by the whole room on a
// PostgreSQL server (15 or later, or a server speaking its protocol such as
// KingbaseES or openGauss): the same tables as the SQLite book, with pg_trgm
// for search, advisory locks for migrations and the sync lease, LISTEN/NOTIFY
// for live screens, and the history's clerk set by the server from the login.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DefaultConnectTimeout bounds a connection attempt when the URL does not
// set connect_timeout: a clerk waits at most this long for a dead server.
const DefaultConnectTimeout = 5 * time.Second

// DB is an open shared case book.
type DB struct {
	pool *pgxpool.Pool
	host string // host:port, for messages
	name string // database name
	user string // login role

	clerk string // display name of the login, from the clerk table
	chief bool
	owner bool

	leaseMu sync.Mutex
	leases  map[string]*pgxpool.Conn

	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// IsURL reports whether s names a PostgreSQL book rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the book at rawURL, creates or updates its tables when
// the login owns the database, and checks that the login is a clerk. Every
// failure comes back in Chinese, naming the server.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	rawURL = strings.TrimSpace(rawURL)
	if i := strings.Index(rawURL, "://"); i > 0 {
		rawURL = strings.ToLower(rawURL[:i]) + rawURL[i:]
	}
	cfg, err := parseConfig(rawURL)
	if err != nil {
		return nil, err
	}
	cc := cfg.ConnConfig
	db := &DB{host: hostPort(cc.Host, cc.Port), name: cc.Database, user: cc.User, Now: time.Now,
		leases: map[string]*pgxpool.Conn{}}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, db.connErr(err, cc.ConnectTimeout)
	}
	db.pool = pool
	// A server that accepts the connection and then says nothing must not
	// hang the clerk either.
	pctx, cancel := context.WithTimeout(ctx, 2*cc.ConnectTimeout)
	err = pool.Ping(pctx)
	cancel()
	if err != nil {
		pool.Close()
		return nil, db.connErr(err, cc.ConnectTimeout)
	}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if err := db.whoami(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// parseConfig reads the URL and sets the connect timeout. The error message
// never repeats the password.
func parseConfig(rawURL string) (*pgxpool.Config, error) {
	if !IsURL(rawURL) {
		return nil, fmt.Errorf(msgBadURL, Redact(rawURL))
	}
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf(msgBadURL, Redact(rawURL))
	}
	cc := cfg.ConnConfig
	if cc.Database == "" || cc.Host == "" || strings.HasPrefix(cc.Host, "/") && !strings.Contains(rawURL, "host=") {
		return nil, fmt.Errorf(msgBadURL, Redact(rawURL))
	}
	if cc.ConnectTimeout == 0 {
		cc.ConnectTimeout = DefaultConnectTimeout
		d := &net.Dialer{Timeout: DefaultConnectTimeout, KeepAlive: 30 * time.Second}
		cc.DialFunc = d.DialContext
	}
	// The clerks' screens show which server they are on.
	if cc.RuntimeParams == nil {
		cc.RuntimeParams = map[string]string{}
	}
	if cc.RuntimeParams["application_name"] == "" {
		cc.RuntimeParams["application_name"] = "beiandesk"
	}
	// The dashboard sorts every open case that is due soon or overdue; at
	// the server's default 4 MB a busy book's sort spills to disk. The
	// URL's own work_mem, if any, wins.
	if cc.RuntimeParams["work_mem"] == "" {
		cc.RuntimeParams["work_mem"] = "16MB"
	}
	cfg.MaxConnIdleTime = 5 * time.Minute
	return cfg, nil
}

// Redact returns rawURL without its password, for messages and the window.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.User == nil {
		if i := strings.LastIndex(rawURL, "@"); i >= 0 {
			if j := strings.Index(rawURL, "://"); j >= 0 && j < i {
				return rawURL[:j+3] + "…" + rawURL[i:]
			}
		}
		return rawURL
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

func hostPort(host string, port uint16) string {
	if strings.HasPrefix(host, "/") {
		return host
	}
	return net.JoinHostPort(host, fmt.Sprint(port))
}

// connErr turns a connection failure into the clerk's words.
func (db *DB) connErr(err error, timeout time.Duration) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "28P01":
			return fmt.Errorf(msgBadPassword, db.host, db.user)
		case "28000":
			if strings.Contains(pgErr.Message, "pg_hba.conf") || strings.Contains(pgErr.Message, "SSL") {
				return fmt.Errorf(msgTLSRequired, db.host, pgErr.Message)
			}
			return fmt.Errorf(msgNoSuchUser, db.host, db.user)
		case "3D000":
			return fmt.Errorf(msgNoDatabase, db.host, db.name)
		case "53300":
			return fmt.Errorf(msgTooMany, db.host)
		case "57P03", "57P01", "57P02":
			return fmt.Errorf(msgServerDown, db.host)
		}
		return fmt.Errorf(msgConnectFailed, db.host, pgErr.Message)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return fmt.Errorf(msgUnknownHost, db.host)
	}
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout() {
		return fmt.Errorf(msgTimeout, db.host, timeout)
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "connection refused"):
		return fmt.Errorf(msgRefused, db.host)
	case strings.Contains(msg, "password authentication failed"):
		return fmt.Errorf(msgBadPassword, db.host, db.user)
	case strings.Contains(msg, "SSL") || strings.Contains(msg, "tls"):
		return fmt.Errorf(msgTLSRequired, db.host, "SSL")
	case errors.Is(err, context.Canceled):
		return err
	}
	return fmt.Errorf(msgConnectFailed, db.host, "网络错误")
}

// whoami reads which clerk the login is, and refuses a login that is none.
func (db *DB) whoami(ctx context.Context) error {
	var name *string
	var chief *bool
	err := db.pool.QueryRow(ctx, `SELECT beiandesk_is_owner(current_user::text),
		(SELECT name FROM clerk WHERE role = current_user::text),
		(SELECT chief FROM clerk WHERE role = current_user::text)`).Scan(&db.owner, &name, &chief)
	if err != nil {
		if isPermission(err) {
			return fmt.Errorf(msgNotClerk, db.user)
		}
		return db.queryErr(err)
	}
	switch {
	case name != nil:
		db.clerk = *name
		db.chief = *chief || db.owner
	case db.owner:
		db.clerk = db.user
		db.chief = true
	default:
		return fmt.Errorf(msgNotClerk, db.user)
	}
	return nil
}

func isPermission(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "42501"
}

// queryErr turns a failure of a statement into the clerk's words where it is
// about the connection or permissions, and keeps the rest for the log.
func (db *DB) queryErr(err error) error {
	if err == nil {
		return nil
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case pgErr.Code == "42501":
			return fmt.Errorf(msgNoPermission+": %w", db.user, err)
		case strings.HasPrefix(pgErr.Code, "08"), strings.HasPrefix(pgErr.Code, "57P"):
			db.resetPool()
			return fmt.Errorf(msgConnLost+": %w", db.host, err)
		}
		return err
	}
	if pgconn.SafeToRetry(err) || isConnErr(err) {
		db.resetPool()
		return fmt.Errorf(msgConnLost+": %w", db.host, err)
	}
	return err
}

// resetPool drops every pooled connection after one was found dead: a
// server restart kills them all, and the pool would otherwise hand the dead
// idle ones to the next operations, which would fail in turn. Connections
// in use (a held lease) are closed when released.
func (db *DB) resetPool() {
	if db.pool != nil {
		db.pool.Reset()
	}
}

func isConnErr(err error) bool {
	var netErr net.Error
	var connErr *pgconn.ConnectError
	return errors.As(err, &netErr) || errors.As(err, &connErr) || pgconn.Timeout(err)
}

// Close closes every connection; leases held go with them.
func (db *DB) Close() error {
	db.leaseMu.Lock()
	for name := range db.leases {
		// Unlock before the connection goes: the server frees the locks of a
		// closed connection only when its backend has exited, a moment later.
		db.dropLease(context.Background(), name)
	}
	db.leaseMu.Unlock()
	db.pool.Close()
	return nil
}

// Location names the book for the window and --version: server and database.
func (db *DB) Location() string { return location(db.name, db.host) }

func location(name, host string) string { return name + " @ " + host }

// Describe names the book rawURL points to as Location would, without
// connecting: database and server, never the password.
func Describe(rawURL string) string {
	cfg, err := parseConfig(strings.TrimSpace(rawURL))
	if err != nil {
		return Redact(rawURL)
	}
	return location(cfg.ConnConfig.Database, hostPort(cfg.ConnConfig.Host, cfg.ConnConfig.Port))
}

// Path is the book's location (the SQLite book's file name).
func (db *DB) Path() string { return "postgres://" + db.host + "/" + db.name }

// Clerk is the display name of the login, which the server records in the
// history.
func (db *DB) Clerk() string { return db.clerk }

// Chief reports whether the login may edit the calendar and copy books in.
func (db *DB) Chief() bool { return db.chief }

// Owner reports whether the login owns the book.
func (db *DB) Owner() bool { return db.owner }
