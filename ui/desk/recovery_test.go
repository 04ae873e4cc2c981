package desk

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// A damaged file at start: the window offers the newest good backup, keeps
// the damaged file aside and brings the case book back.
func TestRecoveryWindowRestoresNewestBackup(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "beiandesk.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateCase(ctx, store.NewCase{Kind: "deregister", Channel: "fax", ReceivedAt: time.Now(), Sponsor: "太原市晋阳网络科技有限公司"}, "t"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.AutoBackup(ctx, "", 0); err != nil {
		t.Fatal(err)
	}
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt(bytes.Repeat([]byte("X"), 100), 0)
	f.Close()
	damaged, _ := os.ReadFile(path)

	h, err := sqlite.Check(ctx, path)
	if !errors.Is(err, sqlite.ErrDamaged) || len(h.Backups) != 1 {
		t.Fatalf("check: %+v, %v", h, err)
	}
	var restored, quit bool
	w := NewRecoveryWindow(ctx, a, h, func() { restored = true }, func() { quit = true })
	w.Show()
	b := findButton(w.Content(), txtDamagedRestore)
	if b == nil {
		t.Fatal("no restore button")
	}
	test.Tap(b)
	if !restored || quit {
		t.Fatalf("restored %v quit %v", restored, quit)
	}
	db, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, _ := db.CountCases(ctx, store.Filter{}); n != 1 {
		t.Fatalf("%d cases after restore", n)
	}
	matches, _ := filepath.Glob(path + ".damaged-*")
	if len(matches) != 1 {
		t.Fatalf("damaged file kept as %v", matches)
	}
	if kept, _ := os.ReadFile(matches[0]); !bytes.Equal(kept, damaged) {
		t.Fatal("the damaged file was changed")
	}
}
