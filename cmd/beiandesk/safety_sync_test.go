package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"beiandesk/mail"
	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// TestSyncSaveRefusedKeepsNothing: sync --save with settings the sync then
// refuses stores none of them (issue 9, item 5).
func TestSyncSaveRefusedKeepsNothing(t *testing.T) {
	t.Setenv(mail.EnvPassword, "pw")
	tests := []struct {
		name string
		args []string
	}{
		{"unknown security", []string{"--host", "imap.163.com", "--user", "a@163.com", "--security", "bogus"}},
		{"plaintext to another machine", []string{"--host", "192.0.2.1", "--user", "a@163.com", "--security", "none"}},
		{"no user", []string{"--host", "imap.163.com"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "b.db")
			mustCLI(t, db, "holidays", "list", "--year", "2026")
			args := append([]string{"sync", "--save", "--timeout", "2s"}, tt.args...)
			_, stderr, code := cli(t, db, "", args...)
			if code == 0 {
				t.Fatalf("accepted: %s", stderr)
			}
			if strings.Contains(stderr, "已保存") {
				t.Errorf("says saved: %s", stderr)
			}
			book, err := sqlite.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			defer book.Close()
			for _, key := range []string{store.SettingIMAPHost, store.SettingIMAPUser, store.SettingIMAPSec} {
				if v, _ := book.Setting(context.Background(), key, ""); v != "" {
					t.Errorf("%s saved as %q", key, v)
				}
			}
		})
	}
}
