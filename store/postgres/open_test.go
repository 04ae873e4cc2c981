package postgres

import (
	"context"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"beiandesk/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// migratedURL is the superuser's URL of a fresh, migrated database.
func migratedURL(t testing.TB) (*pgtest.Cluster, string) {
	t.Helper()
	c := pgtest.Get(t)
	name := c.FromTemplate(t, "book_v1", func(ctx context.Context, url string) error {
		db, err := Open(ctx, url)
		if err != nil {
			return err
		}
		return db.Close()
	})
	return c, c.SuperURL(name)
}

func openTest(t testing.TB) *DB {
	t.Helper()
	_, url := migratedURL(t)
	db, err := Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Two workstations start at once on an empty database: the advisory lock
// lets one create the tables, the other waits and finds them.
func TestConcurrentMigration(t *testing.T) {
	c := pgtest.Get(t)
	url := c.SuperURL(c.NewDatabase(t))
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			db, err := Open(ctx, url)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names, _ := migrations()
	var n, max int
	if err := db.pool.QueryRow(ctx, `SELECT count(*), max(version) FROM beiandesk_schema`).Scan(&n, &max); err != nil {
		t.Fatal(err)
	}
	if n != len(names) || max != len(names) {
		t.Fatalf("schema rows %d, version %d; want %d", n, max, len(names))
	}
}

// Every way a connection fails gets a Chinese message naming the server,
// and none waits longer than the connect timeout.
func TestConnectionErrors(t *testing.T) {
	c := pgtest.Get(t)
	db := c.NewDatabase(t)
	host := c.Host + ":" + strconv.Itoa(c.Port)
	closed := pgtest.ClosedPort(t)
	// A listener that accepts and never answers, like a firewall that drops.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			conn, err := silent.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	tests := []struct {
		name, url string
		want      []string
	}{
		{"wrong password", c.URL(db, "postgres", "wrong"), []string{"密码不正确", host}},
		{"no such user", c.URL(db, "nobody_here", "x"), []string{"nobody_here", host}},
		{"missing database", c.SuperURL("no_such_book"), []string{"no_such_book", "没有名为", host}},
		{"closed port", "postgres://postgres:x@127.0.0.1:" + strconv.Itoa(closed) + "/book?sslmode=disable",
			[]string{"连接被拒绝", "127.0.0.1:" + strconv.Itoa(closed)}},
		{"silent server", "postgres://postgres:x@" + silent.Addr().String() + "/book?sslmode=disable&connect_timeout=1",
			[]string{"没有应答", silent.Addr().String()}},
		{"not a url", "postgres://user:secret@[::1/book", []string{"无法识别", "postgres://用户名@服务器"}},
		{"no database name", "postgres://user@dbserver:5432", []string{"无法识别"}},
		{"unknown host", "postgres://u:p@no-such-host.invalid:5432/book?connect_timeout=3", []string{"找不到这个服务器", "no-such-host.invalid:5432"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			got, err := Open(context.Background(), tt.url)
			if err == nil {
				got.Close()
				t.Fatal("opened")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if strings.Contains(msg, "secret") || strings.Contains(msg, "failed to") || strings.Contains(msg, "dial") {
				t.Errorf("message %q leaks the password or English", msg)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}
