package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

const (
	sharedCases = 6
	sharedMails = 20
)

// Eight workers in two processes run random operations on a few shared
// cases, with conflicts on purpose. No error but the lifecycle's own
// refusals may reach a clerk (no deadlock, no serialization failure), every
// success leaves exactly one history entry, each case's status history is a
// chain (no move judged on a stale state), and case numbers are unique and
// gap-free.
func TestConcurrentClerks(t *testing.T) {
	if os.Getenv("BEIANDESK_TEST_WORKER_URL") != "" {
		return
	}
	ctx := context.Background()
	_, url := migratedURL(t)
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < sharedCases; i++ {
		if _, err := db.CreateCase(ctx, sampleNew(i), "setup"); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < sharedMails; i++ {
		tx, err := db.BeginMail(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sha, size, err := tx.PutBlob(strings.NewReader(fmt.Sprintf("mail %d", i)))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Insert(&store.Mail{DedupKey: fmt.Sprint("m", i), RawSHA256: sha, RawSize: size}); err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	ops := 500
	if testing.Short() {
		ops = 60
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWorkerProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "BEIANDESK_TEST_WORKER_URL="+url, "BEIANDESK_TEST_OPS="+strconv.Itoa(ops))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	mine, err := runWorkers(ctx, url, 4, ops, 1)
	if err != nil {
		t.Error(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("worker process: %v\n%s", err, out.String())
	}
	var theirs int
	if _, err := fmt.Sscanf(lastLine(out.String()), "events %d", &theirs); err != nil {
		t.Fatalf("worker process said %q", out.String())
	}
	var events, cases, distinct int
	if err := db.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM event WHERE clerk <> 'setup' AND action <> 'create'),
		(SELECT count(*) FROM cases), (SELECT count(DISTINCT number) FROM cases)`).Scan(&events, &cases, &distinct); err != nil {
		t.Fatal(err)
	}
	var created int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM event WHERE action = 'create'`).Scan(&created); err != nil {
		t.Fatal(err)
	}
	if want := mine + theirs; events+created-sharedCases != want {
		t.Errorf("history holds %d entries, the workers succeeded %d times", events+created-sharedCases, want)
	}
	if distinct != cases || created != cases {
		t.Errorf("%d cases, %d distinct numbers, %d create events", cases, distinct, created)
	}
	// Gap-free: per prefix and year the numbers are 1..n.
	rows, err := db.pool.Query(ctx, `SELECT split_part(number, '-', 1) || split_part(number, '-', 2), count(*),
		max(split_part(number, '-', 3)::int) FROM cases GROUP BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		var n, hi int
		if err := rows.Scan(&k, &n, &hi); err != nil {
			t.Fatal(err)
		}
		if n != hi {
			t.Errorf("%s: %d cases, highest number %d", k, n, hi)
		}
	}
	rows.Close()
	// Each case's status moves form a chain ending in its status.
	for id := int64(1); id <= sharedCases; id++ {
		c, err := db.Case(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		h, err := db.History(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		cur := rules.StatusReceived
		for _, e := range h {
			if e.Action != "status" {
				continue
			}
			if e.From != cur {
				t.Errorf("case %d: move %s→%s recorded while it was %s", id, e.From, e.To, cur)
			}
			cur = e.To
		}
		if cur != c.Status {
			t.Errorf("case %d is %s, its history ends in %s", id, c.Status, cur)
		}
	}
	t.Logf("%d successful operations, %d cases", mine+theirs, cases)
}

func lastLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "events ") {
			return l
		}
	}
	return s
}

func TestWorkerProcess(t *testing.T) {
	url := os.Getenv("BEIANDESK_TEST_WORKER_URL")
	if url == "" {
		t.Skip("helper for TestConcurrentClerks")
	}
	ops, _ := strconv.Atoi(os.Getenv("BEIANDESK_TEST_OPS"))
	n, err := runWorkers(context.Background(), url, 4, ops, 2)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("events %d\n", n)
}

func sampleNew(i int) store.NewCase {
	kind := "deregister"
	if i%3 == 2 {
		kind = "password"
	}
	return store.NewCase{Kind: kind, Channel: "counter", ReceivedAt: time.Date(2026, 11, 2, 9, 0, 0, 0, workday.China()),
		Sponsor: fmt.Sprint("主办者", i)}
}

// runWorkers runs n workers of ops random operations each and returns how
// many succeeded, each of which must have left one history entry.
func runWorkers(ctx context.Context, url string, n, ops int, seed uint64) (int, error) {
	db, err := Open(ctx, url)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var mu sync.Mutex
	var total int
	var firstErr error
	var wg sync.WaitGroup
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, uint64(w)))
			me := worker{slot: int(seed-1)*n + w, linked: map[int64]bool{}}
			ok := 0
			for i := 0; i < ops; i++ {
				err := me.randomOp(ctx, db, rng, i)
				var fe *store.FieldError
				switch {
				case err == nil:
					ok++
				case errors.As(err, &fe):
					// The lifecycle refused: what a clerk may see.
				default:
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("worker %d op %d: %w", w, i, err)
					}
					mu.Unlock()
					return
				}
			}
			mu.Lock()
			total += ok
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	return total, firstErr
}

var moveTargets = []rules.Status{rules.StatusReceived, rules.StatusReturned, rules.StatusAccepted,
	rules.StatusReceived, rules.StatusReturned, rules.StatusAccepted, rules.StatusDone}

// worker links only its own mails (slot, slot+8, …), so that it knows which
// links it made: linking a mail to its case again records nothing.
type worker struct {
	slot   int
	linked map[int64]bool
}

// randomOp does one operation; a nil error means one history entry.
func (wk *worker) randomOp(ctx context.Context, db *DB, rng *rand.Rand, i int) error {
	id := int64(1 + rng.IntN(sharedCases))
	switch p := rng.IntN(100); {
	case p < 25:
		_, err := db.CreateCase(ctx, sampleNew(rng.IntN(3)), "w")
		return err
	case p < 50:
		state := rules.ItemPresent
		if rng.IntN(4) == 0 {
			state = rules.ItemMissing
		}
		_, err := db.CheckItem(ctx, id, 0, 1+rng.IntN(3), state, "", "w")
		return err
	case p < 70:
		_, err := db.MoveCase(ctx, id, 0, moveTargets[rng.IntN(len(moveTargets))], time.Time{}, "", "w")
		return err
	case p < 85:
		s := fmt.Sprint("改名", i, "-", rng.Int())
		_, err := db.UpdateCase(ctx, id, 0, store.CaseEdit{Sponsor: &s}, "w")
		return err
	case p < 95:
		mid := int64(1 + wk.slot + 8*rng.IntN(sharedMails/8))
		if wk.linked[mid] {
			return store.FieldErrf("mail", "linked before")
		}
		err := db.LinkMail(ctx, id, mid, "w")
		if err == nil {
			wk.linked[mid] = true
		}
		return err
	default:
		_, err := db.AddCaseFile(ctx, id, "scan.png", strings.NewReader(fmt.Sprint("scan ", rng.IntN(5))), "w")
		return err
	}
}
