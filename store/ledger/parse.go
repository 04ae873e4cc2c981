package ledger

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Excel's day 0 (serials count days from it, with 1900 wrongly a leap year,
// which this epoch absorbs for every date after February 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

var (
	// 2026.3.5, 2026-03-05, 2026/3/5, 2026年3月5日, each optionally with a time.
	fullDateRE = regexp.MustCompile(`^(\d{4})\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?(?:\s*[T ]?\s*(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?分?)?$`)
	// 20260305
	compactDateRE = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	// a serial written as text: five digits, perhaps a fraction for the time
	serialTextRE = regexp.MustCompile(`^\d{5}(\.\d+)?$`)
	// 3月5日, 3.5, 3/5 (the year comes from the sheet)
	shortDateRE = regexp.MustCompile(`^(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?$`)
)

// parseDate reads a ledger date. serial says the cell holds an Excel number;
// a number typed as text of five digits is taken as a serial too (a CSV
// saved from a sheet whose date column had no date format). year is used
// for dates written without one. The time of day is midnight China time
// unless the cell has one.
func parseDate(s string, serial bool, year int) (time.Time, error) {
	s = strings.TrimSpace(width.Fold.String(s))
	if s == "" {
		return time.Time{}, errors.New(errDateEmpty)
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && (serial || serialTextRE.MatchString(s)) && !compactDateRE.MatchString(s) {
		// 1990-01-01 to 9999-12-31
		if f < 32874 || f > 2958465 {
			return time.Time{}, fmt.Errorf(errDateSerial, s)
		}
		days := math.Floor(f)
		secs := math.Round((f - days) * 86400)
		d := excelEpoch.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
		return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), 0, workday.China()), nil
	}
	var y, mo, d, h, mi, sec int
	if m := fullDateRE.FindStringSubmatch(s); m != nil {
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
		h, mi, sec = atoi(m[4]), atoi(m[5]), atoi(m[6])
	} else if m := compactDateRE.FindStringSubmatch(s); m != nil {
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	} else if m := shortDateRE.FindStringSubmatch(s); m != nil {
		if year == 0 {
			return time.Time{}, fmt.Errorf(errDateNoYear, s)
		}
		y, mo, d = year, atoi(m[1]), atoi(m[2])
	} else {
		return time.Time{}, fmt.Errorf(errDateShape, s)
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, workday.China())
	if t.Month() != time.Month(mo) || t.Day() != d || h > 23 || mi > 59 || sec > 59 || y < 1990 {
		return time.Time{}, fmt.Errorf(errDateInvalid, s)
	}
	return t, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// splitList splits a cell holding several filing numbers or domains: by
// 、,,;; or line breaks.
func splitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '、', ',', '，', ';', '；', '\n', '\r':
			return true
		}
		return false
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// statusWords are the words ledgers use for where a case stands. A case
// "在办" had been accepted; "待办" was still being checked.
var statusWords = []struct {
	words  []string
	status rules.Status
}{
	{[]string{"已办结", "办结", "已完成", "完成", "已注销", "注销完成", "已处理"}, rules.StatusDone},
	{[]string{"不予受理", "不予办理", "驳回", "拒绝"}, rules.StatusRejected},
	{[]string{"退回补正", "退回", "补正", "待补正", "已退回"}, rules.StatusReturned},
	{[]string{"撤回", "已撤回", "撤销申请"}, rules.StatusWithdrawn},
	{[]string{"在办", "办理中", "已受理", "受理"}, rules.StatusAccepted},
	{[]string{"待办", "未办", "待处理", "已登记", "登记"}, rules.StatusReceived},
}

// parseStatus reads a status word; "" means none was written.
func parseStatus(s string) (rules.Status, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", nil
	}
	for _, sw := range statusWords {
		for _, w := range sw.words {
			if t == w {
				return sw.status, nil
			}
		}
	}
	if st, err := rules.ParseStatus(t); err == nil {
		return st, nil
	}
	// Longer notes such as "已办结(电话告知)": the first known word wins,
	// longest words first so that 不予受理 is not read as 受理.
	best, bestLen := rules.Status(""), 0
	for _, sw := range statusWords {
		for _, w := range sw.words {
			if strings.Contains(t, w) && len(w) > bestLen {
				best, bestLen = sw.status, len(w)
			}
		}
	}
	if best != "" {
		return best, nil
	}
	return "", fmt.Errorf(errStatusWord, s)
}

// channelWords are the ways a ledger writes how a request came in.
var channelWords = []struct {
	words   []string
	channel rules.Channel
}{
	{[]string{"邮件", "电子邮件", "邮箱", "email", "e-mail", "Email", "E-mail", "EMAIL"}, rules.ChannelEmail},
	{[]string{"传真"}, rules.ChannelFax},
	{[]string{"邮寄", "信件", "快递", "EMS", "ems", "挂号信", "来信", "寄送"}, rules.ChannelPost},
	{[]string{"现场", "窗口", "柜台", "当面", "现场办理", "来访", "面交"}, rules.ChannelCounter},
	{[]string{"网上", "在线", "系统", "网上办理", "备案系统"}, rules.ChannelOnline},
}

func parseChannel(s string) (rules.Channel, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", errors.New(errChannelEmpty)
	}
	for _, cw := range channelWords {
		for _, w := range cw.words {
			if t == w {
				return cw.channel, nil
			}
		}
	}
	if c, err := rules.ParseChannel(t); err == nil {
		return c, nil
	}
	for _, cw := range channelWords {
		for _, w := range cw.words {
			if strings.Contains(t, w) {
				return cw.channel, nil
			}
		}
	}
	return "", fmt.Errorf(errChannelWord, s)
}

func parseKind(s string) (rules.Kind, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return rules.KindDeregister, nil
	}
	if k, err := rules.ParseKind(t); err == nil {
		return k, nil
	}
	switch {
	case strings.Contains(t, "密码"):
		return rules.KindPassword, nil
	case strings.Contains(t, "注销"):
		return rules.KindDeregister, nil
	}
	return "", fmt.Errorf(errKindWord, s)
}

func parseSponsorType(s string) (string, error) {
	t := strings.TrimSpace(s)
	switch {
	case t == "":
		return "", nil
	case strings.Contains(t, "个人"):
		return string(rules.SponsorPerson), nil
	case strings.Contains(t, "单位") || strings.Contains(t, "企业") || strings.Contains(t, "公司") ||
		strings.Contains(t, "机关") || strings.Contains(t, "事业") || strings.Contains(t, "社会团体"):
		return string(rules.SponsorOrg), nil
	}
	st, err := rules.ParseSponsorType(t)
	return string(st), err
}
