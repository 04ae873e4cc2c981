package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"beiandesk/store/report"
	"beiandesk/store/safefile"
	"beiandesk/store/workday"
)

// Chinese text of the export command.
const (
	msgExportPeriod  = "请用 --month YYYY-MM 或 --from YYYY-MM-DD --to YYYY-MM-DD 指定统计期间"
	msgExportBoth    = "--month 不能与 --from/--to 同时使用"
	msgExportBadDate = "无法识别的日期「%s」,应为 YYYY-MM-DD"
	msgExportFromTo  = "--from %s 晚于 --to %s"
	msgExportNoDir   = "目录 %s 不存在"
	msgExportIsDir   = "%s 是一个目录,请给出文件名,如 %s"
	msgExportNoWrite = "无法在目录 %s 中写入文件: %v"
	msgExportFailed  = "无法写入 %s: %v"
	msgExportExt     = "提示: --out %s 不以 .xlsx 结尾,Excel 可能无法直接打开"
	msgExportMonth   = "%d年%d月"
	msgExportRange   = "%s至%s"
	msgExportNoRate  = "—"
	msgExportDone    = "已导出%s报表到 %s:收件(登记) %d 件,受理 %d 件,退回补正 %d 件(一次性告知 %d 份),办结 %d 件(其中不予受理 %d 件),撤回 %d 件,按期办结 %d、逾期办结 %d,按期办结率 %s,期末未结 %d 件(其中已逾期 %d 件)\n"
)

// export writes the monthly (or any period's) Excel report. Everything is
// checked before the database is opened; the workbook appears at --out
// whole or not at all.
func export(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("export", e)
	month := fs.String("month", "", "YYYY-MM")
	fromFlag := fs.String("from", "", "first day YYYY-MM-DD")
	toFlag := fs.String("to", "", "last day YYYY-MM-DD")
	out := fs.String("out", "", "workbook to write (.xlsx)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError{fmt.Sprintf(msgNoArgs, strings.Join(pos, " "))}
	}
	if *out == "" {
		return usageError{formatRequired("out")}
	}
	from, to, err := exportPeriod(*month, *fromFlag, *toFlag)
	if err != nil {
		return err
	}
	if err := checkOut(*out); err != nil {
		return err
	}
	// The open book (and every other database file) is never a target.
	if dbPath, err := e.resolveDB(); err == nil {
		if err := safefile.CheckTarget(*out, dbPath); err != nil {
			return fieldError("out", err)
		}
	}
	if !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		fmt.Fprintf(e.stderr, msgExportExt+"\n", *out)
	}
	db, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	debug.SetGCPercent(report.ExportGCPercent)
	r, err := report.Compute(ctx, db, from, to, workday.DayOf(time.Now()))
	if err != nil {
		return err
	}
	r.Preparer = e.clerkName(ctx, db)
	if err := report.Write(r, *out); err != nil {
		var se *safefile.Error
		if errors.As(err, &se) {
			return fieldError("out", err)
		}
		return fieldError("out", fmt.Errorf(msgExportFailed, *out, err))
	}
	name := fmt.Sprintf(msgExportRange, workday.Format(from), workday.Format(to))
	if *month != "" {
		name = fmt.Sprintf(msgExportMonth, from.Year(), int(from.Month()))
	}
	rate := msgExportNoRate
	if v, ok := r.Figures.OnTimeRate(); ok {
		rate = fmt.Sprintf("%.1f%%", v*100)
	}
	f := r.Figures
	fmt.Fprintf(e.stderr, msgExportDone, name, *out, f.Received, f.Accepted, f.Returned, f.Notices, f.Done, f.Rejected,
		f.Withdrawn, f.OnTime, f.Late, rate, f.Open, f.OpenOverdue)
	return nil
}

// exportPeriod reads --month, or --from and --to, as civil dates.
func exportPeriod(month, from, to string) (time.Time, time.Time, error) {
	var zero time.Time
	switch {
	case month != "" && (from != "" || to != ""):
		return zero, zero, usageError{msgExportBoth}
	case month != "":
		m, err := parseMonth("month", month)
		if err != nil {
			return zero, zero, err
		}
		first, _ := workday.ParseDate(m + "-01")
		return first, first.AddDate(0, 1, -1), nil
	case from == "" && to == "":
		return zero, zero, usageError{msgExportPeriod}
	case from == "":
		return zero, zero, usageError{formatRequired("from")}
	case to == "":
		return zero, zero, usageError{formatRequired("to")}
	}
	f, err := workday.ParseDate(strings.TrimSpace(from))
	if err != nil {
		return zero, zero, fieldError("from", fmt.Errorf(msgExportBadDate, from))
	}
	t, err := workday.ParseDate(strings.TrimSpace(to))
	if err != nil {
		return zero, zero, fieldError("to", fmt.Errorf(msgExportBadDate, to))
	}
	if f.After(t) {
		return zero, zero, fmt.Errorf(msgExportFromTo, workday.Format(f), workday.Format(t))
	}
	return f, t, nil
}

// checkOut makes sure the workbook can be written before any work is done:
// the folder exists and takes a new file, and out is not a folder itself.
func checkOut(out string) error {
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return fieldError("out", fmt.Errorf(msgExportIsDir, out, filepath.Join(out, "报表.xlsx")))
	}
	dir := filepath.Dir(out)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fieldError("out", fmt.Errorf(msgExportNoDir, dir))
	}
	probe, err := os.CreateTemp(dir, ".beiandesk-probe-*")
	if err != nil {
		// The *PathError would name the probe's pattern, not the folder.
		cause := errors.Unwrap(err)
		if cause == nil {
			cause = err
		}
		return fieldError("out", fmt.Errorf(msgExportNoWrite, dir, cause))
	}
	probe.Close()
	return os.Remove(probe.Name())
}
