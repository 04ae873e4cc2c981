package desk

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"beiandesk/store/backend"
	"beiandesk/store/postgres/pgtest"
)

// keyringRequired reports whether a missing Secret Service must fail the
// keyring tests rather than skip them (.ci/test sets it).
func keyringRequired() bool { return os.Getenv("BEIANDESK_REQUIRE_KEYRING") == "1" }

// startSecretService runs a private session bus with gnome-keyring's Secret
// Service on it, its login keyring unlocked with a throwaway password, for
// this test only; the test's DBUS_SESSION_BUS_ADDRESS points at it. Without
// dbus-daemon and gnome-keyring-daemon the test skips, or fails when
// BEIANDESK_REQUIRE_KEYRING=1.
func startSecretService(t *testing.T) {
	t.Helper()
	miss := func(why string, args ...any) {
		t.Helper()
		if keyringRequired() {
			t.Fatalf("Secret Service: "+why, args...)
		}
		t.Skipf("no Secret Service to test with ("+why+"); install dbus-daemon and gnome-keyring (bash .ci/deps), "+
			"BEIANDESK_REQUIRE_KEYRING=1 makes this a failure", args...)
	}
	busBin, err := exec.LookPath("dbus-daemon")
	if err != nil {
		miss("%v", err)
	}
	ringBin, err := exec.LookPath("gnome-keyring-daemon")
	if err != nil {
		miss("%v", err)
	}
	dir, err := os.MkdirTemp("", "kr")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "bus")
	addr := "unix:path=" + sock
	// A session bus without service directories: with them, a client that
	// asks for the Secret Service before our gnome-keyring has claimed the
	// name gets another one started by D-Bus activation, without a login
	// keyring ("failed to unlock … aliases/default").
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>`+addr+`</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`), 0o600); err != nil {
		t.Fatal(err)
	}
	bus := exec.Command(busBin, "--config-file="+conf, "--nofork", "--nopidfile")
	if err := bus.Start(); err != nil {
		miss("dbus-daemon: %v", err)
	}
	t.Cleanup(func() { _ = bus.Process.Kill(); _ = bus.Wait() })
	for i := 0; ; i++ {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		if i == 100 {
			miss("dbus-daemon made no socket at %s", sock)
		}
		time.Sleep(50 * time.Millisecond)
	}
	home := filepath.Join(dir, "home")
	run := filepath.Join(dir, "run")
	for _, d := range []string{home, run} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	ring := exec.Command(ringBin, "--foreground", "--unlock", "--components=secrets")
	ring.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr, "HOME="+home, "XDG_RUNTIME_DIR="+run,
		"XDG_DATA_HOME="+filepath.Join(home, "data"))
	// The login keyring's password. gnome-keyring creates and unlocks the
	// login keyring from it; an empty one creates none, and every call
	// then fails with "failed to unlock … aliases/default".
	ring.Stdin = strings.NewReader("beiandesk-test")
	if err := ring.Start(); err != nil {
		miss("gnome-keyring-daemon: %v", err)
	}
	t.Cleanup(func() { _ = ring.Process.Kill(); _ = ring.Wait() })
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	// The service is there once a secret can be stored and read back.
	deadline := time.Now().Add(15 * time.Second)
	for {
		err := keyring.Set("beiandesk-probe", "probe", "x")
		if err == nil {
			_ = keyring.Delete("beiandesk-probe", "probe")
			return
		}
		if time.Now().After(deadline) {
			miss("the keyring did not answer: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// 设置 → 数据 → 使用此服务器 saves the password into a real Secret Service
// (gnome-keyring): it is read back from the keyring, and the next start
// opens the book with it, and without it once it is gone from the keyring.
func TestServerPasswordInKeyring(t *testing.T) {
	startSecretService(t)
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv(backend.EnvPassword, "")
	t.Setenv("PGPASSWORD", "")
	c := pgtest.Get(t)
	name := c.NewDatabase(t)
	d, _ := newTestDesk(t)
	f := fillServerForm(d, c, name)
	if f.use.Disabled() {
		t.Fatalf("test failed: %q", f.status.Text)
	}
	test.Tap(f.use)
	d.wait()
	if !strings.Contains(f.status.Text, "密码已保存在系统钥匙串") {
		t.Fatalf("status %q", f.status.Text)
	}
	saved, err := backend.DefaultTarget()
	if err != nil || strings.Contains(saved, pgtest.Password) {
		t.Fatalf("saved choice %q, %v", saved, err)
	}
	// Read back from the keyring itself, as another program would.
	acct := "postgres@" + c.Host + ":" + strconv.Itoa(c.Port) + "/" + name
	if got, err := keyring.Get("beiandesk-db", acct); err != nil || got != pgtest.Password {
		t.Fatalf("keyring holds %q, %v", got, err)
	}
	// The next start opens the saved choice with the keyring's password.
	db, err := backend.Open(context.Background(), saved)
	if err != nil {
		t.Fatalf("open with the keyring's password: %v", err)
	}
	db.Close()
	// Without it the server refuses: the keyring was what made it work.
	if err := keyring.Delete("beiandesk-db", acct); err != nil {
		t.Fatal(err)
	}
	if db, err := backend.Open(context.Background(), saved); err == nil {
		db.Close()
		t.Fatal("opened without a password")
	}
}

// Without a Secret Service the server is still chosen, the password is
// not kept anywhere, and the clerk is told in Chinese how to give it next
// time.
func TestServerPasswordWithoutKeyring(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv(backend.EnvPassword, "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(home, "no-bus"))
	c := pgtest.Get(t)
	name := c.NewDatabase(t)
	if err := backend.SavePassword(c.SuperURL(name), "x"); err == nil {
		t.Skip("a keyring answered without a session bus")
	}
	d, _ := newTestDesk(t)
	f := fillServerForm(d, c, name)
	test.Tap(f.use)
	d.wait()
	for _, want := range []string{"无法记住", backend.EnvPassword, name} {
		if !strings.Contains(f.status.Text, want) {
			t.Errorf("status %q lacks %q", f.status.Text, want)
		}
	}
	saved, _ := backend.DefaultTarget()
	loc, _ := os.ReadFile(filepath.Join(home, "beiandesk", "location"))
	if strings.Contains(saved, pgtest.Password) || strings.Contains(string(loc), pgtest.Password) {
		t.Fatalf("password written: %q / %q", saved, loc)
	}
}

// fillServerForm types the test cluster's database into 设置 → 数据 →
// 服务器 and taps 测试连接.
func fillServerForm(d *Desk, c *pgtest.Cluster, name string) *serverForm {
	f := d.settings.server
	f.kind.SetSelected(txtKindServer)
	f.host.SetText(c.Host)
	f.port.SetText(strconv.Itoa(c.Port))
	f.dbname.SetText(name)
	f.user.SetText("postgres")
	f.pw.SetText(pgtest.Password)
	test.Tap(f.test)
	d.wait()
	return f
}
