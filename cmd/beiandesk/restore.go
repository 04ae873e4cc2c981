package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"beiandesk/store/backend"
	"beiandesk/store/sqlite"
	"beiandesk/store/workday"
)

// Chinese text of the restore command.
const (
	msgRestorePlan = `将用备份文件恢复数据库:
  备份文件: %s
  备份时间: %s
  备份内容: 案件 %d 件,邮件 %d 封,附件 %d 个%s
  数据库:   %s
`
	msgRestoreLastChange = ",最后一次办理记录于 %s"
	msgRestoreKeep       = "  当前数据库将另存为 %s.before-restore-<时间>(不会删除)\n"
	msgRestoreNoCurrent  = "  当前没有数据库文件,将直接放入备份\n"
	msgRestoreNeedYes    = "未执行恢复:确认无误后请加 --yes 重新运行"
	msgRestoreDone       = "已恢复。\n"
	msgRestoreKept       = "原数据库已另存为 %s\n"
)

// restore replaces the database with a backup. Without --yes it only says
// what it would do, and fails, so that a script cannot restore by accident.
func restore(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("restore", e)
	from := fs.String("from", "", "backup file to restore")
	yes := fs.Bool("yes", false, "really restore")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	if *from == "" {
		return usageError{formatRequired("from")}
	}
	dbPath, err := e.resolveDB()
	if err != nil {
		return err
	}
	if backend.IsServer(dbPath) {
		return errors.New(msgRestoreServer)
	}
	info, err := sqlite.InspectBackup(ctx, *from)
	if err != nil {
		return err
	}
	last := ""
	if !info.LastChange.IsZero() {
		last = fmt.Sprintf(msgRestoreLastChange, localTime(info.LastChange))
	}
	fmt.Fprintf(e.stderr, msgRestorePlan, info.Path, localTime(info.Time), info.Cases, info.Mails, info.Files, last, dbPath)
	before := map[string]bool{}
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		fmt.Fprint(e.stderr, msgRestoreNoCurrent)
	} else if err != nil {
		return err
	} else {
		fmt.Fprintf(e.stderr, msgRestoreKeep, dbPath)
		if before, err = keptBeforeRestore(dbPath); err != nil {
			return err
		}
	}
	if !*yes {
		return errors.New(msgRestoreNeedYes)
	}
	if err := sqlite.EnsureClosed(ctx, dbPath); err != nil {
		return err
	}
	if err := sqlite.Restore(ctx, *from, dbPath); err != nil {
		return err
	}
	fmt.Fprint(e.stderr, msgRestoreDone)
	after, err := keptBeforeRestore(dbPath)
	if err != nil {
		return err
	}
	for k := range after {
		if !before[k] {
			fmt.Fprintf(e.stderr, msgRestoreKept, k)
		}
	}
	return nil
}

// keptBeforeRestore returns the set of files Restore has kept beside dbPath.
func keptBeforeRestore(dbPath string) (map[string]bool, error) {
	kept, err := sqlite.KeptFiles(dbPath)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, k := range kept {
		if k.Reason == sqlite.KeptBeforeRestore {
			set[k.Path] = true
		}
	}
	return set, nil
}

func localTime(t time.Time) string {
	return t.In(workday.China()).Format("2006-01-02 15:04:05")
}
