//go:build linux

package mail

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// dovecot is a real Dovecot started by a test on a loopback port with a
// private configuration, serving one user whose Maildir the test fills
// directly.
type dovecot struct {
	dir     string
	port    int
	user    string
	pass    string
	maildir string
	uid     int
	gid     int
	logPath string
	cmd     *exec.Cmd

	mu  sync.Mutex
	seq int
}

// needDovecot skips when Dovecot is not installed, unless the environment
// (CI) demands that these tests run.
func needDovecot(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("dovecot")
	if err != nil {
		if _, err2 := os.Stat("/usr/sbin/dovecot"); err2 == nil {
			bin, err = "/usr/sbin/dovecot", nil
		}
	}
	if err != nil {
		if os.Getenv("BEIANDESK_REQUIRE_DOVECOT") == "1" {
			t.Fatalf("dovecot is required (BEIANDESK_REQUIRE_DOVECOT=1) but not installed: apt-get install dovecot-imapd")
		}
		t.Skip("dovecot not installed (apt-get install dovecot-imapd); skipping the real-server test")
	}
	return bin
}

// extra is appended to the configuration (e.g. a namespace with special-use
// folders).
func startDovecot(t testing.TB, extra ...string) *dovecot {
	t.Helper()
	bin := needDovecot(t)
	// Not t.TempDir: its folders are private to root, and Dovecot's mail
	// processes run as an unprivileged user that must reach the Maildir.
	dir, err := os.MkdirTemp("", "beiandesk-dovecot-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	d := &dovecot{dir: dir, user: "beian", pass: "secret-授权码", logPath: filepath.Join(dir, "dovecot.log")}

	// Dovecot refuses to hand mail to root, so as root the mail belongs to
	// nobody; otherwise everything runs as the current user.
	loginUser, internalUser := "dovenull", "dovecot"
	if os.Getuid() == 0 {
		u, err := user.Lookup("nobody")
		if err != nil {
			t.Fatal(err)
		}
		d.uid, _ = strconv.Atoi(u.Uid)
		d.gid, _ = strconv.Atoi(u.Gid)
	} else {
		u, err := user.Current()
		if err != nil {
			t.Fatal(err)
		}
		d.uid, d.gid = os.Getuid(), os.Getgid()
		loginUser, internalUser = u.Username, u.Username
	}
	home := filepath.Join(dir, "home")
	d.maildir = filepath.Join(home, "Maildir")
	for _, sub := range []string{"cur", "new", "tmp"} {
		if err := os.MkdirAll(filepath.Join(d.maildir, sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{home, d.maildir, filepath.Join(d.maildir, "cur"), filepath.Join(d.maildir, "new"), filepath.Join(d.maildir, "tmp")} {
		if err := os.Chown(p, d.uid, d.gid); err != nil {
			t.Fatal(err)
		}
	}
	passwd := filepath.Join(dir, "passwd")
	if err := os.WriteFile(passwd, []byte(d.user+":{PLAIN}"+d.pass+"::::::\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.port = freeTCPPort(t)
	conf := fmt.Sprintf(`base_dir = %[1]s/run
state_dir = %[1]s/state
log_path = %[2]s
info_log_path = %[2]s
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
imap_id_log = *
default_login_user = %[3]s
default_internal_user = %[4]s
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %[5]s
}
userdb {
  driver = static
  args = uid=%[6]d gid=%[7]d home=%[8]s
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %[9]d
  }
  inet_listener imaps {
    port = 0
  }
}
`, dir, d.logPath, loginUser, internalUser, passwd, d.uid, d.gid, home, d.port) + strings.Join(extra, "\n")
	confPath := filepath.Join(dir, "dovecot.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	// Dovecot's daemons keep inherited descriptors open: give it a file,
	// never a pipe, or waiting for its output hangs.
	out, err := os.Create(filepath.Join(dir, "stdout.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	d.cmd = exec.Command(bin, "-F", "-c", confPath)
	d.cmd.Stdout, d.cmd.Stderr = out, out
	if err := d.cmd.Start(); err != nil {
		t.Fatalf("start dovecot: %v", err)
	}
	exited := make(chan struct{})
	go func() { d.cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		d.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			d.cmd.Process.Kill()
			<-exited
		}
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", d.addr(), time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			t.Fatalf("dovecot exited: %s\n%s", fileText(filepath.Join(dir, "stdout.log")), fileText(d.logPath))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("dovecot did not listen on %s: %s", d.addr(), fileText(d.logPath))
		}
		time.Sleep(20 * time.Millisecond)
	}
	return d
}

func (d *dovecot) addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(d.port)) }

func (d *dovecot) config() Config {
	return Config{Host: "127.0.0.1", Port: d.port, User: d.user, Password: d.pass,
		Security: SecurityNone, Timeout: 10 * time.Second}
}

// deliver puts messages into the Maildir the way a delivery agent does,
// already in cur/ with the given Maildir flags ("", "S", "FS", …), so that
// Dovecot renames nothing unless a flag changes.
func (d *dovecot) deliver(t testing.TB, flags string, msgs ...[]byte) {
	t.Helper()
	for _, m := range msgs {
		d.mu.Lock()
		d.seq++
		name := fmt.Sprintf("%d.M%dP%d.beiandesk,S=%d:2,%s", time.Now().Unix(), d.seq, os.Getpid(), len(m), flags)
		d.mu.Unlock()
		tmp := filepath.Join(d.maildir, "tmp", name)
		if err := os.WriteFile(tmp, m, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(tmp, d.uid, d.gid); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(d.maildir, "cur", name)); err != nil {
			t.Fatal(err)
		}
	}
}

// deliverFile moves a prepared file (a huge message) into the Maildir.
func (d *dovecot) deliverFile(t testing.TB, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	d.mu.Lock()
	d.seq++
	name := fmt.Sprintf("%d.M%dP%d.beiandesk,S=%d:2,", time.Now().Unix(), d.seq, os.Getpid(), fi.Size())
	d.mu.Unlock()
	dst := filepath.Join(d.maildir, "cur", name)
	if err := copyTestFile(path, dst); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(dst, d.uid, d.gid); err != nil {
		t.Fatal(err)
	}
}

// files lists the messages of the Maildir: names (which carry the flags)
// in new/ and cur/.
func (d *dovecot) files(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, sub := range []string{"new", "cur"} {
		ents, err := os.ReadDir(filepath.Join(d.maildir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			out = append(out, sub+"/"+e.Name())
		}
	}
	slices.Sort(out)
	return out
}

var uidValidityRe = regexp.MustCompile(`\bV(\d+)\b`)

// changeUIDValidity makes Dovecot see the mailbox as new, as after a server
// migration: the UID list restarts under another UIDVALIDITY and the
// indexes go.
func (d *dovecot) changeUIDValidity(t testing.TB) {
	t.Helper()
	list := filepath.Join(d.maildir, "dovecot-uidlist")
	b, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	m := uidValidityRe.FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("no UIDVALIDITY in %q", first)
	}
	old, _ := strconv.Atoi(m[1])
	header := fmt.Sprintf("3 V%d N1\n", old+1000)
	if err := os.WriteFile(list, []byte(header), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Chown(list, d.uid, d.gid)
	idx, _ := filepath.Glob(filepath.Join(d.maildir, "dovecot.index*"))
	for _, f := range idx {
		os.Remove(f)
	}
}

func (d *dovecot) log(t testing.TB) string {
	t.Helper()
	return fileText(d.logPath)
}

func freeTCPPort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func fileText(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

func copyTestFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// tcpProxy forwards a TCP connection to the server, and can cut it after a
// number of bytes from the server or slow it down.
type tcpProxy struct {
	port int
	ln   net.Listener
}

type tcpProxyOptions struct {
	cutAfter int64         // close after this many bytes from the server; 0: never
	delay    time.Duration // sleep per 16 KiB from the server
}

func startProxy(t testing.TB, target string, opt tcpProxyOptions) *tcpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{port: ln.Addr().(*net.TCPAddr).Port, ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				s, err := net.Dial("tcp", target)
				if err != nil {
					return
				}
				defer s.Close()
				go func() { io.Copy(s, c); s.Close() }()
				buf := make([]byte, 16<<10)
				var sent int64
				for {
					n, err := s.Read(buf)
					if n > 0 {
						if opt.cutAfter > 0 && sent+int64(n) >= opt.cutAfter {
							c.Write(buf[:opt.cutAfter-sent])
							return
						}
						if _, err := c.Write(buf[:n]); err != nil {
							return
						}
						sent += int64(n)
						if opt.delay > 0 {
							time.Sleep(opt.delay)
						}
					}
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	return p
}

// TestMain removes the binary that the command-line tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.path != "" {
		os.RemoveAll(filepath.Dir(built.path))
	}
	os.Exit(code)
}

func TestDovecotHarness(t *testing.T) {
	d := startDovecot(t)
	d.deliver(t, "", testMessage(1))
	db := openTestDB(t)
	st, err := Sync(context.Background(), db, d.config(), nil)
	if err != nil || st.New != 1 {
		t.Fatalf("sync: %+v %v\n%s", st, err, d.log(t))
	}
}
