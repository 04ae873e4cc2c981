package report

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"beiandesk/store/workday"
)

// exceljsDir finds node_modules holding exceljs: $BEIANDESK_EXCELJS_DIR, or
// a cache folder where it is installed on first use with
// COREPACK_INTEGRITY_KEYS=0 corepack npm@10.9.2 install exceljs@4 (the
// system npm is broken on the project's machines). "" with the reason when
// there is none.
func exceljsDir(tb testing.TB) (string, string) {
	dir := os.Getenv("BEIANDESK_EXCELJS_DIR")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", err.Error()
		}
		dir = filepath.Join(cache, "beiandesk", "exceljs")
	}
	mods := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(mods, "exceljs", "package.json")); err == nil {
		return mods, ""
	}
	if _, err := exec.LookPath("node"); err != nil {
		return "", "node not installed"
	}
	if _, err := exec.LookPath("corepack"); err != nil {
		return "", "corepack not installed"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err.Error()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "corepack", "npm@10.9.2", "install", "exceljs@4", "--no-audit", "--no-fund")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "COREPACK_INTEGRITY_KEYS=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Sprintf("installing exceljs failed: %v\n%s", err, out)
	}
	tb.Logf("installed exceljs into %s", dir)
	return mods, ""
}

// peerCells are the 20 cells per row both writers get: the 明细 columns a
// clerk reads first, as text, numbers and dates.
func peerCells(c *Row) []any {
	date := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return workday.Format(t)
	}
	return []any{c.Number, c.Kind.Label(), c.Channel.Label(), c.Status.Label(),
		c.ReceivedAt.Format("2006-01-02 15:04"), date(c.ReceivedDay), date(c.Due), date(c.ClosedDay),
		c.Used, c.Late, c.Outcome.Label(), c.SponsorType.Label(), c.Sponsor, c.CertNo,
		strings.Join(c.Filings, listJoin), strings.Join(c.Domains, listJoin), c.Provider, c.Contact, c.Phone, c.Note}
}

// runExceljs writes rows with exceljs and returns the time it reported
// (inside node, without its start-up).
func runExceljs(b *testing.B, mods string, rows []*Row) (time.Duration, error) {
	dir := b.TempDir()
	path := filepath.Join(dir, "rows.jsonl")
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, r := range rows {
		if err := enc.Encode(peerCells(r)); err != nil {
			return 0, err
		}
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	f.Close()
	script, err := filepath.Abs(filepath.Join("testdata", "exceljs_peer.js"))
	if err != nil {
		return 0, err
	}
	cmd := exec.Command("node", script, path, filepath.Join(dir, "peer.xlsx"))
	cmd.Env = append(os.Environ(), "NODE_PATH="+mods)
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("exceljs: %w", err)
	}
	fields := strings.Fields(string(out))
	if len(fields) != 2 || fields[1] != strconv.Itoa(len(rows)) {
		return 0, fmt.Errorf("exceljs said %q", out)
	}
	ms, err := strconv.ParseFloat(fields[0], 64)
	return time.Duration(ms * float64(time.Millisecond)), err
}

// reportPeer runs exceljs on the same rows as the export just timed and
// reports its time and the ratio of the whole Go export (compute and
// write) to it; the goal is at most 0.5. The two alternate, three rounds,
// and the medians are compared: on the shared machine the load moves by
// the minute, and an export timed in a busy minute against exceljs in a
// quiet one (or the other way round) said more about the neighbours than
// about either writer.
func reportPeer(b *testing.B, rows []*Row, export func() time.Duration) {
	mods, why := exceljsDir(b)
	if mods == "" {
		b.Logf("exceljs peer skipped: %s", why)
		return
	}
	var goTimes, jsTimes []time.Duration
	for range 3 {
		goTimes = append(goTimes, export())
		d, err := runExceljs(b, mods, rows)
		if err != nil {
			b.Logf("exceljs peer failed: %v", err)
			return
		}
		jsTimes = append(jsTimes, d)
	}
	median := func(ds []time.Duration) time.Duration {
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	goMid, jsMid := median(goTimes), median(jsTimes)
	b.Logf("alternating rounds: Go %v, exceljs %v", goTimes, jsTimes)
	b.ReportMetric(float64(goMid.Milliseconds()), "go-alt-ms")
	b.ReportMetric(float64(jsMid.Milliseconds()), "exceljs-ms")
	b.ReportMetric(float64(goMid)/float64(jsMid), "ratio-to-exceljs")
}
