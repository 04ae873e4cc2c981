package mail

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeServer is a scripted IMAP server for behaviour no real test server
// has: NetEase's "Unsafe Login", or silence in the middle of a literal.
type fakeServer struct {
	port int

	mu    sync.Mutex
	lines []string // commands received, without tags
}

// startFakeServer answers each command with respond(name, n), where name is
// the command ("LOGIN", "UID FETCH", …) and n counts it on the connection.
// "%[1]s" in the answer stands for the tag; an empty answer says nothing.
func startFakeServer(t testing.TB, greeting string, respond func(cmd string, n int) string) *fakeServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	f := &fakeServer{port: ln.Addr().(*net.TCPAddr).Port}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(c, greeting, respond)
		}
	}()
	return f
}

func (f *fakeServer) serve(c net.Conn, greeting string, respond func(string, int) string) {
	defer c.Close()
	fmt.Fprintf(c, "%s\r\n", greeting)
	seen := map[string]int{}
	r := bufio.NewReader(c)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		tag, cmd := fields[0], strings.ToUpper(fields[1])
		if cmd == "UID" && len(fields) > 2 {
			cmd += " " + strings.ToUpper(fields[2])
		}
		f.mu.Lock()
		f.lines = append(f.lines, strings.TrimSpace(strings.TrimPrefix(line, tag)))
		f.mu.Unlock()
		seen[cmd]++
		if cmd == "LOGOUT" {
			fmt.Fprintf(c, "* BYE\r\n%s OK bye\r\n", tag)
			return
		}
		if resp := respond(cmd, seen[cmd]); resp != "" {
			fmt.Fprintf(c, resp+"\r\n", tag)
		}
	}
}

func (f *fakeServer) received() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.lines...)
}

// coremail answers like NetEase: SELECT/EXAMINE is refused with "Unsafe
// Login" unless the client sent ID first (when alwaysRefuse, always).
func coremail(t testing.TB, withID, alwaysRefuse bool) *fakeServer {
	caps := "IMAP4rev1 AUTH=LOGIN"
	if withID {
		caps += " ID"
	}
	var mu sync.Mutex
	identified := false
	return startFakeServer(t, "* OK [CAPABILITY "+caps+"] Coremail System IMap Server Ready(163com)", func(cmd string, n int) string {
		mu.Lock()
		defer mu.Unlock()
		switch cmd {
		case "LOGIN":
			return "%[1]s OK [CAPABILITY " + caps + "] LOGIN completed"
		case "ID":
			identified = true
			return "* ID (\"name\" \"Coremail Imap\" \"vendor\" \"Coremail\")\r\n%[1]s OK ID completed"
		case "EXAMINE", "SELECT":
			if alwaysRefuse || !identified {
				return "%[1]s NO SELECT Unsafe Login. Please contact kefu@188.com for help"
			}
			return "* 0 EXISTS\r\n* OK [UIDVALIDITY 1] UIDs valid\r\n* OK [UIDNEXT 1] next\r\n%[1]s OK [READ-ONLY] EXAMINE completed"
		}
		return "%[1]s BAD unexpected"
	})
}

func TestSyncSendsIDBeforeSelect(t *testing.T) {
	srv := coremail(t, true, false)
	cfg := Config{Host: "127.0.0.1", Port: srv.port, User: testUser, Password: "abc", Security: SecurityNone,
		Timeout: 2 * time.Second, ClientVersion: "1.2.3"}
	if _, err := Sync(context.Background(), openTestDB(t), cfg, nil); err != nil {
		t.Fatalf("sync: %v", err)
	}
	lines := srv.received()
	id, examine := -1, -1
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "ID "):
			id = i
			if !strings.Contains(l, `"name" "beiandesk"`) || !strings.Contains(l, `"version" "1.2.3"`) {
				t.Errorf("ID = %s", l)
			}
		case strings.HasPrefix(l, "EXAMINE "):
			examine = i
		case strings.HasPrefix(l, "SELECT "), strings.Contains(l, "STORE"), strings.Contains(l, "EXPUNGE"):
			t.Errorf("mailbox touched: %s", l)
		}
	}
	if id < 0 || examine < 0 || id > examine {
		t.Errorf("want ID before EXAMINE, got %q", lines)
	}
}

func TestSyncNoIDWhenNotAdvertised(t *testing.T) {
	srv := coremail(t, false, false)
	cfg := Config{Host: "127.0.0.1", Port: srv.port, User: testUser, Password: "abc", Security: SecurityNone, Timeout: 2 * time.Second}
	_, err := Sync(context.Background(), openTestDB(t), cfg, nil)
	for _, l := range srv.received() {
		if strings.HasPrefix(l, "ID ") {
			t.Errorf("ID sent to a server without ID: %q", srv.received())
		}
	}
	// This fake then refuses like NetEase would.
	if KindOf(err) != ErrUnsafeLogin {
		t.Errorf("err = %v (kind %v), want ErrUnsafeLogin", err, KindOf(err))
	}
}

func TestSyncUnsafeLogin(t *testing.T) {
	srv := coremail(t, true, true)
	cfg := Config{Host: "127.0.0.1", Port: srv.port, User: testUser, Password: "abc", Security: SecurityNone, Timeout: 2 * time.Second}
	_, err := Sync(context.Background(), openTestDB(t), cfg, nil)
	if KindOf(err) != ErrUnsafeLogin || !strings.Contains(Describe(err), "Unsafe Login") || !strings.Contains(Describe(err), "IMAP") {
		t.Errorf("err = %v (kind %v), want ErrUnsafeLogin with advice", err, KindOf(err))
	}
}

func testHostname(t testing.TB) string {
	h, err := os.Hostname()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// deadPID returns the id of a process that has ended.
func deadPID(t testing.TB) int {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}
