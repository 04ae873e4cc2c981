package main

import (
	"context"
	"fmt"
	"strings"

	"beiandesk/store/ledger"
)

// Chinese text of the ledger command.
const (
	msgLedgerUsage   = "用法: beiandesk ledger import FILE.xlsx|FILE.csv [--sheet 工作表] [--map 列名=字段,…] [--dry-run] --json"
	msgLedgerOneFile = "请指定一个台账文件(.xlsx 或 .csv)"
	msgLedgerDone    = "%s:共 %d 行,导入 %d 件,重复 %d 件,有误 %d 行\n"
	msgLedgerDryRun  = "(试导入,未保存)"
	msgLedgerProblem = "  第 %d 行「%s」:%s\n"
)

// ledgerCmd brings the old Excel ledger (台账) in as historic cases.
func ledgerCmd(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "import" {
		return usageError{msgLedgerUsage}
	}
	fs := newFlagSet("ledger import", e)
	sheet := fs.String("sheet", "", "worksheet name")
	var maps stringList
	fs.Var(&maps, "map", "列名=field,… (repeatable)")
	dry := fs.Bool("dry-run", false, "check and count, store nothing")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{msgLedgerOneFile}
	}
	// Read and map the file before the database is opened.
	tab, err := ledger.ReadFile(ctx, pos[0], *sheet)
	if err != nil {
		return err
	}
	m := ledger.DetectMapping(tab.Headers)
	if len(maps) > 0 {
		if err := ledger.Override(m, tab.Headers, strings.Join(maps, ",")); err != nil {
			return fmt.Errorf("--map: %w", err)
		}
	}
	if err := ledger.CheckMapping(m); err != nil {
		return err
	}
	db, err := e.openWrite(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	rep, err := ledger.Import(ctx, db, tab, m, ledger.Options{DryRun: *dry, Clerk: e.clerkName(ctx, db)})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, rep)
	}
	name := rep.File
	if rep.Sheet != "" {
		name += " / " + rep.Sheet
	}
	if *dry {
		name += msgLedgerDryRun
	}
	fmt.Fprintf(e.stdout, msgLedgerDone, name, rep.Rows, rep.Imported, rep.Duplicates, len(rep.Invalid))
	for _, p := range rep.Invalid {
		fmt.Fprintf(e.stdout, msgLedgerProblem, p.Row, p.Column, p.Reason)
	}
	return nil
}
