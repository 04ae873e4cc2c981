package sqlite

import (
	"testing"
	"time"
)

// The copy kept before a restore is named in China time, like the
// automatic backups, whatever zone the process runs in.
func TestRestoreKeptNameInChinaTime(t *testing.T) {
	at := time.Date(2026, 12, 2, 1, 30, 0, 0, time.UTC) // 09:30 in China
	if got, want := RestoreKeptName("/d/beiandesk.db", at), "/d/beiandesk.db.before-restore-20261202-093000"; got != want {
		t.Errorf("%s, want %s", got, want)
	}
}
