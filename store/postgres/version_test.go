package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// Two clerks at two workstations on one case: the one acting on what they
// read before the other's change is refused with the other's name, and
// nothing is overwritten.
func TestTwoClerksOneCase(t *testing.T) {
	ctx := context.Background()
	c, ownerURL := migratedURL(t)
	owner, err := Open(ctx, ownerURL)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	wang, li := uniqueRole("wang"), uniqueRole("li")
	for role, name := range map[string]string{wang: "王芳", li: "李强"} {
		c.CreateRole(t, role, "pw")
		if _, err := owner.AddClerk(ctx, role, name, false); err != nil {
			t.Fatal(err)
		}
	}
	a, err := Open(ctx, c.URL(owner.name, wang, "pw"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(ctx, c.URL(owner.name, li, "pw"))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	cs, err := a.CreateCase(ctx, sampleNew(0), "")
	if err != nil {
		t.Fatal(err)
	}
	seen, err := b.Case(ctx, cs.ID) // 李强's screen
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.MoveCase(ctx, cs.ID, cs.Version, rules.StatusReturned, cs.ReceivedAt.Add(1), "缺材料", ""); err != nil {
		t.Fatal(err)
	}
	_, err = b.CheckItem(ctx, cs.ID, seen.Version, 1, rules.ItemPresent, "", "")
	var ce *store.ConflictError
	if !errors.As(err, &ce) || ce.Clerk != "王芳" || !strings.Contains(err.Error(), "王芳") {
		t.Fatalf("stale check: %v", err)
	}
	now, err := b.Case(ctx, cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.Materials[0].State != rules.ItemMissing || now.Status != rules.StatusReturned || now.Version != seen.Version+1 {
		t.Fatalf("after the refusal: %+v", now)
	}
	// With the fresh version it goes through, recorded as 李强.
	if _, err := b.CheckItem(ctx, cs.ID, now.Version, 1, rules.ItemPresent, "", ""); err != nil {
		t.Fatal(err)
	}
	h, _ := owner.History(ctx, cs.ID)
	if got := h[len(h)-1].Clerk; got != "李强" {
		t.Fatalf("last change by %q", got)
	}
}
