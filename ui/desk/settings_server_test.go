package desk

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"beiandesk/store/backend"
	"beiandesk/store/postgres/pgtest"
)

// 设置 → 数据 → 服务器: a bad form and a wrong password are told in Chinese
// and save nothing; a tested server is remembered without its password and
// shown again; 使用本机文件 goes back.
func TestChooseServer(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("AppData", home)
	t.Setenv(backend.EnvPassword, "")
	c := pgtest.Get(t)
	name := c.NewDatabase(t)
	d, _ := newTestDesk(t)
	f := d.settings.server
	if f.kind.Selected != txtKindFile || f.server.Visible() {
		t.Fatalf("starts on %q, server form visible %v", f.kind.Selected, f.server.Visible())
	}
	// While 本机文件 is chosen: 使用本机文件 as wide as its text, and no
	// empty status row under it.
	d.SelectTab(TabSettings)
	if w, min := f.useFile.Size().Width, f.useFile.MinSize().Width; w == 0 || w > min+1 {
		t.Errorf("使用本机文件 is %v wide for %v of text and icon", w, min)
	}
	if f.status.Visible() {
		t.Errorf("empty status row shown: %q", f.status.Text)
	}
	f.kind.SetSelected(txtKindServer)
	fill := func(host, port, db, user, pw string) {
		f.host.SetText(host)
		f.port.SetText(port)
		f.dbname.SetText(db)
		f.user.SetText(user)
		f.pw.SetText(pw)
	}
	port := strconv.Itoa(c.Port)
	tests := []struct {
		name, host, port, db, user, pw, want string
		ok                                   bool
	}{
		{"no host", "", port, name, "postgres", pgtest.Password, "请填写服务器地址", false},
		{"bad port", c.Host, "70000", name, "postgres", pgtest.Password, "端口应为", false},
		{"wrong password", c.Host, port, name, "postgres", "wrong", "密码不正确", false},
		{"no database", c.Host, port, "nosuchdb", "postgres", pgtest.Password, "nosuchdb", false},
		{"right", c.Host, port, name, "postgres", pgtest.Password, "连接成功:" + name + " @ " + c.Host + ":" + port, true},
	}
	for _, tt := range tests {
		fill(tt.host, tt.port, tt.db, tt.user, tt.pw)
		test.Tap(f.test)
		d.wait()
		if !strings.Contains(f.status.Text, tt.want) || f.use.Disabled() == tt.ok {
			t.Errorf("%s: status %q, 使用 enabled %v", tt.name, f.status.Text, !f.use.Disabled())
		}
		if p, _ := backend.DefaultTarget(); backend.IsServer(p) {
			t.Fatalf("%s: saved %q before 使用", tt.name, p)
		}
	}
	// A change after the test must be tested again.
	f.pw.SetText("other")
	if !f.use.Disabled() {
		t.Fatal("使用 stays enabled after the password changed")
	}
	f.pw.SetText(pgtest.Password)
	test.Tap(f.test)
	d.wait()
	test.Tap(f.use)
	d.wait()
	want := "postgres://postgres@" + c.Host + ":" + port + "/" + name
	if p, err := backend.DefaultTarget(); err != nil || p != want {
		t.Fatalf("default %q, %v; want %q", p, err, want)
	}
	loc, _ := os.ReadFile(filepath.Join(home, "beiandesk", "location"))
	if strings.Contains(string(loc), pgtest.Password) {
		t.Fatalf("password in the location file: %q", loc)
	}
	// Either the keyring kept the password, or the clerk is told plainly
	// that it could not.
	if err := backend.SavePassword(want, pgtest.Password); err != nil {
		if !strings.Contains(f.status.Text, "无法记住") || !strings.Contains(f.status.Text, backend.EnvPassword) {
			t.Errorf("no keyring, status %q", f.status.Text)
		}
	} else if !strings.Contains(f.status.Text, "密码已保存") {
		t.Errorf("keyring, status %q", f.status.Text)
	}
	// The next look at 设置 shows the chosen server.
	g := newServerForm(d)
	if g.kind.Selected != txtKindServer || g.host.Text != c.Host || g.port.Text != port || g.dbname.Text != name ||
		g.user.Text != "postgres" || g.pw.Text != "" {
		t.Errorf("reloaded form: %q %q %q %q %q", g.kind.Selected, g.host.Text, g.port.Text, g.dbname.Text, g.user.Text)
	}
	g.kind.SetSelected(txtKindFile)
	test.Tap(g.useFile)
	if p, _ := backend.DefaultTarget(); p != filepath.Join(home, "beiandesk", "beiandesk.db") {
		t.Errorf("back to the file: %q", p)
	}
}
