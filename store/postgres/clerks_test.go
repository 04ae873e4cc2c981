package postgres

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"beiandesk/store/bookcopy"
	"beiandesk/store/sqlite"
)

var roleSeq atomic.Int64

// uniqueRole names a role for one test: roles belong to the whole cluster,
// which the tests of one binary share.
func uniqueRole(base string) string {
	return fmt.Sprintf("%s_%d_%d", base, time.Now().UnixNano()%1_000_000, roleSeq.Add(1))
}

func TestClerks(t *testing.T) {
	ctx := context.Background()
	c, ownerURL := migratedURL(t)
	owner, err := Open(ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	dbName := owner.name
	wang, li, outsider := uniqueRole("wang"), uniqueRole("li"), uniqueRole("outsider")
	for _, r := range []string{wang, li, outsider} {
		c.CreateRole(t, r, "pw-"+r)
	}
	if _, err := owner.AddClerk(ctx, wang, "王芳", false); err != nil {
		t.Fatal(err)
	}
	if _, err := owner.AddClerk(ctx, li, "李强", true); err != nil {
		t.Fatal(err)
	}
	// A role that is not yet on the server is created, able to log in.
	fresh := uniqueRole("zhao")
	if _, err := owner.AddClerk(ctx, fresh, "赵敏", false); err != nil {
		t.Fatal(err)
	}
	var canLogin bool
	if err := owner.pool.QueryRow(ctx, `SELECT rolcanlogin FROM pg_roles WHERE rolname = $1`, fresh).Scan(&canLogin); err != nil || !canLogin {
		t.Fatalf("created role: login %v, %v", canLogin, err)
	}
	list, err := owner.Clerks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("clerks %+v", list)
	}
	for _, bad := range []struct{ role, name string }{{"1abc", "x"}, {"a;drop", "x"}, {"ok_role", " "}} {
		if _, err := owner.AddClerk(ctx, bad.role, bad.name, false); err == nil {
			t.Errorf("added %q %q", bad.role, bad.name)
		}
	}

	clerkDB, err := Open(ctx, c.URL(dbName, wang, "pw-"+wang))
	if err != nil {
		t.Fatal(err)
	}
	defer clerkDB.Close()
	if clerkDB.Clerk() != "王芳" || clerkDB.Chief() || clerkDB.Owner() {
		t.Fatalf("clerk %q chief %v owner %v", clerkDB.Clerk(), clerkDB.Chief(), clerkDB.Owner())
	}
	// The client claims another name; the server records the login's.
	caseID := insertBareCase(t, clerkDB, "ZX-2026-0001")
	if _, err := clerkDB.pool.Exec(ctx, `INSERT INTO event (case_id, at, recorded_at, clerk, action)
		VALUES ($1, 'x', 'x', '冒名', 'create')`, caseID); err != nil {
		t.Fatal(err)
	}
	var who string
	if err := owner.pool.QueryRow(ctx, `SELECT clerk FROM event WHERE case_id = $1`, caseID).Scan(&who); err != nil || who != "王芳" {
		t.Fatalf("history clerk %q, %v", who, err)
	}
	// Append-only: no UPDATE or DELETE for a clerk (no grant), nor for the owner (trigger).
	for _, q := range []string{`UPDATE event SET note = 'x'`, `DELETE FROM event`} {
		if _, err := clerkDB.pool.Exec(ctx, q); !isPermission(err) {
			t.Errorf("clerk %s: %v", q, err)
		}
		if _, err := owner.pool.Exec(ctx, q); err == nil {
			t.Errorf("owner %s succeeded", q)
		}
	}
	// The calendar is the chief's.
	const holiday = `INSERT INTO holiday_day (day, work, edited_at) VALUES ('2026-12-24', true, 'x')`
	if _, err := clerkDB.pool.Exec(ctx, holiday); !isPermission(err) {
		t.Errorf("clerk edits calendar: %v", err)
	}
	chiefDB, err := Open(ctx, c.URL(dbName, li, "pw-"+li))
	if err != nil {
		t.Fatal(err)
	}
	defer chiefDB.Close()
	if !chiefDB.Chief() {
		t.Fatal("李强 not chief")
	}
	if _, err := chiefDB.pool.Exec(ctx, holiday); err != nil {
		t.Errorf("chief edits calendar: %v", err)
	}
	// Clerks do not manage clerks.
	if _, err := chiefDB.AddClerk(ctx, outsider, "外人", false); err == nil {
		t.Error("a chief added a clerk")
	}

	// A role that is not a clerk is refused with a clear message…
	_, err = Open(ctx, c.URL(dbName, outsider, "pw-"+outsider))
	if err == nil || !strings.Contains(err.Error(), "不是本系统的经办人") || !strings.Contains(err.Error(), outsider) {
		t.Fatalf("outsider: %v", err)
	}
	// …and reads nothing even when it holds the group's grants (as a clerk
	// of another book on the same server would).
	if err := c.Exec(ctx, "postgres", `GRANT beiandesk_clerk TO `+outsider); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, c.URL(dbName, outsider, "pw-"+outsider))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM cases`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("outsider sees %d cases, %v", n, err)
	}
	_, err = conn.Exec(ctx, `INSERT INTO setting (key, value) VALUES ('x', 'y')`)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "42501" {
		t.Fatalf("outsider writes: %v", err)
	}

	// Removed: shut out, and the history keeps the name.
	if err := owner.RemoveClerk(ctx, wang); err != nil {
		t.Fatal(err)
	}
	if err := owner.RemoveClerk(ctx, wang); err == nil {
		t.Fatal("removed twice")
	}
	if _, err := Open(ctx, c.URL(dbName, wang, "pw-"+wang)); err == nil || !strings.Contains(err.Error(), "不是本系统的经办人") {
		t.Fatalf("removed clerk opens: %v", err)
	}
	if err := owner.pool.QueryRow(ctx, `SELECT clerk FROM event WHERE case_id = $1`, caseID).Scan(&who); err != nil || who != "王芳" {
		t.Fatalf("history after removal %q, %v", who, err)
	}
}

func insertBareCase(t *testing.T, db *DB, number string) int64 {
	t.Helper()
	var id int64
	err := db.pool.QueryRow(context.Background(), `INSERT INTO cases (number, kind, channel, status, received_at,
		received_day, clock_day, created_at, updated_at)
		VALUES ($1, 'deregister', 'email', 'received', '2026-11-02T10:00:00+08:00', '2026-11-02', '2026-11-02', 'x', 'x')
		RETURNING id`, number).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A chief who is not the owner copies a book in: row security refuses COPY,
// so the rows go in by INSERT, and the history keeps the source's names. A
// plain clerk may not copy in at all.
func TestChiefCopiesIn(t *testing.T) {
	ctx := context.Background()
	c, ownerURL := migratedURL(t)
	owner, err := Open(ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	chief, clerk := uniqueRole("chief"), uniqueRole("clerk")
	c.CreateRole(t, chief, "pw")
	c.CreateRole(t, clerk, "pw")
	if _, err := owner.AddClerk(ctx, chief, "李科长", true); err != nil {
		t.Fatal(err)
	}
	if _, err := owner.AddClerk(ctx, clerk, "王芳", false); err != nil {
		t.Fatal(err)
	}
	src, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "src.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	sc, err := src.CreateCase(ctx, sampleNew(0), "赵老师")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.AddCaseFile(ctx, sc.ID, "扫描.pdf", strings.NewReader(strings.Repeat("y", 600_000)), "赵老师"); err != nil {
		t.Fatal(err)
	}
	clerkDB, err := Open(ctx, c.URL(owner.name, clerk, "pw"))
	if err != nil {
		t.Fatal(err)
	}
	defer clerkDB.Close()
	if _, err := bookcopy.Copy(ctx, src, clerkDB); err == nil || !strings.Contains(err.Error(), "科长") {
		t.Fatalf("a clerk copied in: %v", err)
	}
	chiefDB, err := Open(ctx, c.URL(owner.name, chief, "pw"))
	if err != nil {
		t.Fatal(err)
	}
	defer chiefDB.Close()
	sum, err := bookcopy.Copy(ctx, src, chiefDB)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rows["cases"] != 1 || sum.Blobs != 1 {
		t.Fatalf("summary %+v", sum)
	}
	h, err := chiefDB.History(ctx, sc.ID)
	if err != nil || len(h) != 2 || h[0].Clerk != "赵老师" {
		t.Fatalf("history %+v %v", h, err)
	}
	// After the copy, the chief's own work is recorded under the chief's name.
	if _, err := chiefDB.MoveCase(ctx, sc.ID, 0, "withdrawn", time.Time{}, "", "冒名"); err != nil {
		t.Fatal(err)
	}
	h, _ = chiefDB.History(ctx, sc.ID)
	if h[len(h)-1].Clerk != "李科长" {
		t.Fatalf("chief's move recorded as %q", h[len(h)-1].Clerk)
	}
}
