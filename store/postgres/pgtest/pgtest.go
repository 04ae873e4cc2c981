// Package pgtest starts a private PostgreSQL server for tests: a cluster in
// a temporary folder, listening on a free loopback port, shared by every test
// of one test binary, with a fresh database per test.
//
// initdb refuses to run as root, so as root the server runs as the postgres
// OS user (runuser). Without the PostgreSQL binaries the tests skip, unless
// BEIANDESK_REQUIRE_POSTGRES=1, when they fail.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Password is the superuser's password in every test cluster.
const Password = "beiandesk-test"

// Cluster is a running private server.
type Cluster struct {
	Dir  string // holds data/, the socket and the log
	Port int
	Host string // 127.0.0.1

	bin    string
	asUser string      // OS user running the server, "" for the current one
	down   atomic.Bool // stopped by Down, not yet started by Up
}

// The cluster is shared by the tests of one binary: starting one takes about
// two seconds, a database from a template a few milliseconds.
var (
	mu        sync.Mutex
	shared    *Cluster
	sharedErr error
	templates = map[string]error{}
	seq       atomic.Int64
)

// Main runs the tests and stops the shared cluster, if one was started. Call
// it from TestMain: os.Exit(pgtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if shared != nil {
		shared.Stop()
		shared = nil
	}
	return code
}

// Required reports whether missing PostgreSQL must fail the tests.
func Required() bool { return os.Getenv("BEIANDESK_REQUIRE_POSTGRES") == "1" }

// Get returns the shared cluster, starting it on first use. It skips (or
// fails, when PostgreSQL is required) the test if no server can be started.
func Get(t testing.TB) *Cluster {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if shared == nil && sharedErr == nil {
		shared, sharedErr = Start()
	}
	if sharedErr != nil {
		if Required() {
			t.Fatalf("PostgreSQL: %v", sharedErr)
		}
		t.Skipf("PostgreSQL not available: %v", sharedErr)
	}
	return shared
}

// BinDir finds the PostgreSQL server binaries.
func BinDir() (string, error) {
	if d := os.Getenv("BEIANDESK_PG_BIN"); d != "" {
		return d, nil
	}
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(matches) > 0 {
		return filepath.Dir(matches[len(matches)-1]), nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("initdb not found (apt-get install postgresql)")
}

// Start initialises and starts a new cluster.
func Start() (*Cluster, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin, Host: "127.0.0.1"}
	var uid, gid int = -1, -1
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return nil, fmt.Errorf("running as root needs the postgres OS user: %w", err)
		}
		uid, _ = strconv.Atoi(u.Uid)
		gid, _ = strconv.Atoi(u.Gid)
		c.asUser = "postgres"
	}
	dir, err := os.MkdirTemp("", "beiandesk-pg-")
	if err != nil {
		return nil, err
	}
	c.Dir = dir
	fail := func(err error) (*Cluster, error) {
		c.Stop()
		return nil, err
	}
	// The server's user must reach the folder: /tmp is world-searchable,
	// the folder itself goes to that user.
	if uid >= 0 {
		if err := os.Chown(dir, uid, gid); err != nil {
			return fail(err)
		}
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fail(err)
	}
	pwfile := filepath.Join(dir, "pwfile")
	if err := os.WriteFile(pwfile, []byte(Password+"\n"), 0o600); err != nil {
		return fail(err)
	}
	if uid >= 0 {
		if err := os.Chown(pwfile, uid, gid); err != nil {
			return fail(err)
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := c.run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--pwfile", pwfile,
		"--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"); err != nil {
		return fail(fmt.Errorf("initdb: %v: %s", err, out))
	}
	for attempt := 0; ; attempt++ {
		c.Port, err = freePort()
		if err != nil {
			return fail(err)
		}
		out, err := c.start()
		if err == nil {
			break
		}
		if attempt >= 2 {
			log, _ := os.ReadFile(filepath.Join(dir, "log"))
			return fail(fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, log))
		}
	}
	return c, nil
}

// start starts the initialised server on c.Port.
func (c *Cluster) start() ([]byte, error) {
	opts := fmt.Sprintf("-k %s -c listen_addresses=127.0.0.1 -p %d -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", c.Dir, c.Port)
	return c.run(filepath.Join(c.bin, "pg_ctl"), "-D", filepath.Join(c.Dir, "data"), "-l", filepath.Join(c.Dir, "log"), "-o", opts, "-w", "-t", "60", "start")
}

// Down stops the server (fast shutdown) and leaves it stopped until Up, for
// tests of what a clerk sees while the server is gone. Other tests of the
// binary must not run meanwhile.
func (c *Cluster) Down() error {
	c.down.Store(true)
	if out, err := c.run(filepath.Join(c.bin, "pg_ctl"), "-D", filepath.Join(c.Dir, "data"), "-m", "fast", "-w", "stop"); err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

// Up starts the server Down stopped, on the same port.
func (c *Cluster) Up() error {
	if out, err := c.start(); err != nil {
		return fmt.Errorf("pg_ctl start: %v: %s", err, out)
	}
	c.down.Store(false)
	return nil
}

// DownFor stops the server like Down, and starts it again when t ends if
// the test did not: a test that fails while the server is down must not
// leave the shared cluster down for the tests after it.
func (c *Cluster) DownFor(t testing.TB) {
	t.Helper()
	if err := c.Down(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c.down.Load() {
			_ = c.Up()
		}
	})
}

// ClosedPort returns a loopback port nothing listens on, for tests of a
// server that cannot be reached.
func ClosedPort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func (c *Cluster) run(name string, args ...string) ([]byte, error) {
	var cmd *exec.Cmd
	if c.asUser != "" {
		cmd = exec.Command("runuser", append([]string{"-u", c.asUser, "--", name}, args...)...)
	} else {
		cmd = exec.Command(name, args...)
	}
	cmd.Dir = os.TempDir()
	// pg_ctl leaves the server running with our descriptors unless they are
	// files: a pipe would keep CombinedOutput waiting for ever.
	out, err := os.CreateTemp("", "pgtest-out-")
	if err != nil {
		return nil, err
	}
	defer os.Remove(out.Name())
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	err = cmd.Run()
	b, _ := os.ReadFile(out.Name())
	return b, err
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Stop stops the server at once and removes its folder.
func (c *Cluster) Stop() {
	if c.Port != 0 {
		c.run(filepath.Join(c.bin, "pg_ctl"), "-D", filepath.Join(c.Dir, "data"), "-m", "immediate", "-w", "stop")
	}
	if c.Dir != "" {
		os.RemoveAll(c.Dir)
	}
}

// Restart stops and starts the server (fast shutdown), for tests of a
// server restart during a session.
func (c *Cluster) Restart() error {
	data := filepath.Join(c.Dir, "data")
	if out, err := c.run(filepath.Join(c.bin, "pg_ctl"), "-D", data, "-m", "fast", "-w", "restart"); err != nil {
		return fmt.Errorf("pg_ctl restart: %v: %s", err, out)
	}
	return nil
}

// URL is the connection URL of database db as user with password.
func (c *Cluster) URL(db, user, password string) string {
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(c.Host, strconv.Itoa(c.Port)), Path: "/" + db}
	if password != "" {
		u.User = url.UserPassword(user, password)
	} else {
		u.User = url.User(user)
	}
	q := url.Values{"sslmode": {"disable"}}
	u.RawQuery = q.Encode()
	return u.String()
}

// SuperURL is the superuser's URL of database db.
func (c *Cluster) SuperURL(db string) string { return c.URL(db, "postgres", Password) }

// Exec runs SQL as the superuser in database db.
func (c *Cluster) Exec(ctx context.Context, db, sql string, args ...any) error {
	conn, err := pgx.Connect(ctx, c.SuperURL(db))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, sql, args...)
	return err
}

// NewDatabase creates an empty database for the test, owned by the
// superuser, dropped at the end of the test, and returns its name.
func (c *Cluster) NewDatabase(t testing.TB) string {
	t.Helper()
	return c.newDatabase(t, "template0")
}

func (c *Cluster) newDatabase(t testing.TB, template string) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), seq.Add(1))
	ctx := context.Background()
	if err := c.Exec(ctx, "postgres", fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, template)); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		_ = c.Exec(context.Background(), "postgres", fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
	})
	return name
}

// FromTemplate creates a database for the test as a copy of the template
// called name, which prepare builds once per test binary (given the
// superuser's URL of the template database). Copying a migrated template is
// much faster than migrating every test's database.
func (c *Cluster) FromTemplate(t testing.TB, name string, prepare func(ctx context.Context, url string) error) string {
	t.Helper()
	mu.Lock()
	err, done := templates[name]
	if !done {
		err = c.buildTemplate(name, prepare)
		templates[name] = err
	}
	mu.Unlock()
	if err != nil {
		t.Fatalf("template %s: %v", name, err)
	}
	return c.newDatabase(t, name)
}

func (c *Cluster) buildTemplate(name string, prepare func(ctx context.Context, url string) error) error {
	ctx := context.Background()
	if strings.ContainsAny(name, `"' ;`) {
		return fmt.Errorf("bad template name %q", name)
	}
	if err := c.Exec(ctx, "postgres", fmt.Sprintf(`CREATE DATABASE %s TEMPLATE template0`, name)); err != nil {
		return err
	}
	if err := prepare(ctx, c.SuperURL(name)); err != nil {
		return err
	}
	// A template may have no open connections while it is copied; pools
	// close asynchronously, so wait for them.
	deadline := time.Now().Add(10 * time.Second)
	for {
		var n int
		conn, err := pgx.Connect(ctx, c.SuperURL("postgres"))
		if err != nil {
			return err
		}
		err = conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = $1`, name).Scan(&n)
		conn.Close(ctx)
		if err != nil {
			return err
		}
		if n == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return c.Exec(ctx, "postgres", fmt.Sprintf(`ALTER DATABASE %s WITH IS_TEMPLATE true`, name))
}

// CreateRole creates a login role with a password.
func (c *Cluster) CreateRole(t testing.TB, name, password string, attrs ...string) {
	t.Helper()
	sql := fmt.Sprintf(`CREATE ROLE %s LOGIN PASSWORD '%s' %s`, pgx.Identifier{name}.Sanitize(),
		strings.ReplaceAll(password, "'", "''"), strings.Join(attrs, " "))
	if err := c.Exec(context.Background(), "postgres", sql); err != nil {
		t.Fatalf("create role %s: %v", name, err)
	}
}
