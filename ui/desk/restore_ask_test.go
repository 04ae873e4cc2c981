package desk

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"beiandesk/store"
)

// Item 13: the restore question says what will be lost.
func TestRestoreQuestionSaysWhatIsLost(t *testing.T) {
	d, _ := newTestDesk(t)
	ctx := context.Background()
	mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-10-08 10:00"), Sponsor: "备份前"})
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := d.db.(store.Backuper).Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"备份后一", "备份后二"} {
		mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-10-09 10:00"), Sponsor: s})
	}
	insertMail(t, d.db, "after-backup", "备份后的邮件", map[string]any{})
	d.SelectTab(TabSettings)
	d.settings.restoreAsk(backup)
	d.wait()
	msg := dialogText(t, d)
	for _, want := range []string{"其中有 1 件案件、0 封邮件", "当前数据库有 3 件案件、1 封邮件", "约 2 件", "约 1 封", ".before-restore-"} {
		if !strings.Contains(msg, want) {
			t.Errorf("question lacks %q:\n%s", want, msg)
		}
	}
}
