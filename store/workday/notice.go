package workday

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"
)

// Words of the notice grammar. They are matched, never shown.
var (
	offWords   = []string{"放假", "休假"}
	workWords  = []string{"上班", "补班"}
	rangeWords = []string{"至", "到", "~", "-", "—", "–"}
	titleRE    = regexp.MustCompile(`关于(\d{4})年部分节假日安排`)
	weekdayRE  = regexp.MustCompile(`(?:周|星期)([一二三四五六日天])`)
	weekdays   = map[string]time.Weekday{
		"一": time.Monday, "二": time.Tuesday, "三": time.Wednesday, "四": time.Thursday,
		"五": time.Friday, "六": time.Saturday, "日": time.Sunday, "天": time.Sunday,
	}
)

// ParseNotice reads the text of a State Council notice (国务院办公厅关于YYYY年
// 部分节假日安排的通知). year is the year of the notice; 0 takes it from the
// title. Sentences that name days and then 放假 give holiday periods, those
// that name days and then 上班 give make-up working days. The stated
// weekdays and day counts (共N天) are checked against the calendar, so a
// wrong year or a typo is reported rather than imported.
func ParseNotice(text string, year int) (Year, error) {
	text = width.Fold.String(strings.TrimPrefix(text, "\uFEFF"))
	compact := strings.Map(dropSpace, text)
	if m := titleRE.FindStringSubmatch(compact); m != nil {
		t, _ := strconv.Atoi(m[1])
		if year == 0 {
			year = t
		} else if year != t {
			return Year{}, fmt.Errorf(errYearMismatch, year, t)
		}
	}
	if year == 0 {
		return Year{}, errors.New(errNoYear)
	}
	if year < 1900 || year > 9999 {
		return Year{}, fmt.Errorf(errBadYear, year)
	}
	days := make(map[time.Time]bool)
	for i, line := range strings.Split(text, "\n") {
		line = strings.Map(dropSpace, line)
		for _, sentence := range strings.FieldsFunc(line, sentenceEnd) {
			p := sentenceParser{s: sentence, year: year, days: days}
			if err := p.parse(); err != nil {
				return Year{}, fmt.Errorf(errAtLine, i+1, err)
			}
		}
	}
	if len(days) == 0 {
		return Year{}, errors.New(errNoDays)
	}
	y := yearOf(year, days)
	if err := y.Validate(); err != nil {
		return Year{}, err
	}
	return y, nil
}

func dropSpace(r rune) rune {
	if unicode.IsSpace(r) {
		return -1
	}
	return r
}

func sentenceEnd(r rune) bool {
	return r == '。' || r == ';' || r == '；' || r == '.'
}

// sentenceParser scans one sentence left to right. Dates collect in
// pending until a keyword says whether they are off or working days.
type sentenceParser struct {
	s       string
	year    int
	days    map[time.Time]bool
	pending []time.Time
	// counted is the number of days of the last off group, waiting for a
	// "共N天" or "N天" to check against; -1 when nothing waits.
	counted int
}

func (p *sentenceParser) parse() error {
	p.counted = -1
	for p.s != "" {
		if ok, err := p.dates(); err != nil {
			return err
		} else if ok {
			p.counted = -1
			continue
		}
		if w, ok := prefix(p.s, offWords); ok {
			p.s = p.s[len(w):]
			if err := p.flush(false); err != nil {
				return err
			}
			continue
		}
		if w, ok := prefix(p.s, workWords); ok {
			p.s = p.s[len(w):]
			if err := p.flush(true); err != nil {
				return err
			}
			p.counted = -1
			continue
		}
		if n, rest, ok := dayCount(p.s); ok {
			p.s = rest
			if p.counted >= 0 && n != p.counted {
				return fmt.Errorf(errCount, n, p.counted)
			}
			p.counted = -1
			continue
		}
		_, size := firstRune(p.s)
		p.s = p.s[size:]
	}
	// Dates with no keyword (the signature date, a reference to another
	// document) are not part of the schedule.
	return nil
}

func (p *sentenceParser) flush(work bool) error {
	for _, d := range p.pending {
		if prev, ok := p.days[d]; ok && prev != work {
			return fmt.Errorf(errOffAndWork, Format(d))
		}
		p.days[d] = work
	}
	p.counted = -1
	if !work && len(p.pending) > 0 {
		p.counted = len(p.pending)
	}
	p.pending = nil
	return nil
}

// dates consumes a day or a range of days such as "1月28日(农历除夕、周二)至
// 2月4日(农历正月初七、周二)" at the start of p.s.
func (p *sentenceParser) dates() (bool, error) {
	from, rest, ok, err := p.date(p.s, 0)
	if !ok || err != nil {
		return false, err
	}
	to := from
	if w, found := prefix(rest, rangeWords); found {
		end, rest2, ok, err := p.date(rest[len(w):], from.d.Month())
		if err != nil {
			return false, err
		}
		if ok {
			to, rest = end, rest2
			if to.d.Before(from.d) && from.d.Month() == time.December && to.d.Month() == time.January &&
				!from.explicitYear && !to.explicitYear {
				// "12月30日至1月1日" in the notice for year Y is the
				// New Year holiday of Y, starting in December of Y-1.
				from.d = from.d.AddDate(-1, 0, 0)
			}
		}
	}
	if to.d.Before(from.d) {
		return false, fmt.Errorf(errRangeOrder, Format(from.d), Format(to.d))
	}
	if to.d.Sub(from.d) > maxRange {
		return false, fmt.Errorf(errRangeLong, Format(from.d), Format(to.d))
	}
	for _, n := range []noticeDate{from, to} {
		if err := n.checkWeekday(); err != nil {
			return false, err
		}
	}
	for d := from.d; !d.After(to.d); d = d.AddDate(0, 0, 1) {
		p.pending = append(p.pending, d)
	}
	p.s = rest
	return true, nil
}

// maxRange bounds a holiday period: the longest so far lasted 9 days, so a
// longer range is a typo rather than a holiday.
const maxRange = 31 * 24 * time.Hour

// noticeDate is one date as written in the notice.
type noticeDate struct {
	d            time.Time
	explicitYear bool
	note         string // the text in brackets, e.g. "农历除夕、周二"
}

func (n noticeDate) checkWeekday() error {
	w := weekdayRE.FindStringSubmatch(n.note)
	if w != nil && weekdays[w[1]] != n.d.Weekday() {
		return fmt.Errorf(errWeekday, Format(n.d), weekdayNames[n.d.Weekday()], w[0])
	}
	return nil
}

var dateRE = regexp.MustCompile(`^(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?`)

// date reads "[YYYY年][M月]D日[(…)]". The month may be left out only after a
// range word, where it defaults to month (the start's month).
func (p *sentenceParser) date(s string, month time.Month) (n noticeDate, rest string, ok bool, err error) {
	m := dateRE.FindStringSubmatch(s)
	if m == nil || (m[2] == "" && month == 0) {
		return n, s, false, nil
	}
	y := p.year
	if m[1] != "" {
		y, _ = strconv.Atoi(m[1])
		n.explicitYear = true
	}
	if m[2] != "" {
		mm, _ := strconv.Atoi(m[2])
		month = time.Month(mm)
	}
	day, _ := strconv.Atoi(m[3])
	n.d = Date(y, month, day)
	if month < 1 || month > 12 || n.d.Month() != month || n.d.Day() != day {
		return n, s, false, fmt.Errorf(errNoSuchDay, y, int(month), day)
	}
	n.note = m[4]
	return n, s[len(m[0]):], true, nil
}

var countRE = regexp.MustCompile(`^共?(\d+)天`)

func dayCount(s string) (n int, rest string, ok bool) {
	m := countRE.FindStringSubmatch(s)
	if m == nil {
		return 0, s, false
	}
	n, _ = strconv.Atoi(m[1])
	return n, s[len(m[0]):], true
}

func prefix(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
