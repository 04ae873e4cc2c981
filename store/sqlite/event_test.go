package sqlite

import (
	"context"
	"strings"
	"testing"
)

func TestHistoryIsAppendOnly(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	c := mustCreate(t, db, sampleCase())
	if _, err := db.CheckItem(ctx, c.ID, 0, 1, "present", "", "王芳"); err != nil {
		t.Fatal(err)
	}
	hist, err := db.History(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].Action != "create" || hist[1].Action != "check" || hist[1].Clerk != "王芳" {
		t.Fatalf("history = %+v", hist)
	}
	for _, stmt := range []string{
		`UPDATE event SET note = 'x' WHERE case_id = ?`,
		`DELETE FROM event WHERE case_id = ?`,
	} {
		_, err := db.db.Exec(stmt, c.ID)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: err = %v, want append-only refusal", stmt, err)
		}
	}
	after, _ := db.History(ctx, c.ID)
	if len(after) != len(hist) || after[1].Note != hist[1].Note {
		t.Fatalf("history changed: %+v", after)
	}
}
