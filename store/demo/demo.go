// Package demo fills a case book with realistic synthetic cases: for
// screenshots, benchmarks and trying the app. The names are invented.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

var (
	surnames = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
	given    = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉晨阳宇浩然欣怡子涵梓轩雨萱喆堃昇赟犇")
	cities   = []string{"太原", "大同", "阳泉", "长治", "晋城", "朔州", "晋中", "运城", "忻州", "临汾", "吕梁"}
	trades   = []string{"网络科技", "信息技术", "软件开发", "文化传媒", "电子商务", "教育咨询", "数据服务", "智能科技", "商贸", "广告"}
	forms    = []string{"有限公司", "有限责任公司", "股份有限公司"}
	provs    = []string{"中国电信股份有限公司山西分公司", "中国联合网络通信有限公司山西省分公司", "中国移动通信集团山西有限公司", "阿里云计算有限公司", "腾讯云计算(北京)有限责任公司", "北京百度网讯科技有限公司", ""}
	tlds     = []string{".com", ".cn", ".com.cn", ".net", ".org.cn", ".top"}
	channels = []rules.Channel{rules.ChannelEmail, rules.ChannelEmail, rules.ChannelEmail, rules.ChannelFax, rules.ChannelFax, rules.ChannelPost, rules.ChannelCounter, rules.ChannelOnline}
)

// PersonName returns a plausible Chinese personal name.
func PersonName(r *rand.Rand) string {
	n := 1 + r.IntN(2)
	var b strings.Builder
	b.WriteRune(surnames[r.IntN(len(surnames))])
	for i := 0; i < n; i++ {
		b.WriteRune(given[r.IntN(len(given))])
	}
	return b.String()
}

// CompanyName returns a plausible Shanxi company name.
func CompanyName(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(cities[r.IntN(len(cities))])
	b.WriteString("市")
	for i := 0; i < 2; i++ {
		b.WriteRune(given[r.IntN(len(given))])
	}
	b.WriteString(trades[r.IntN(len(trades))])
	b.WriteString(forms[r.IntN(len(forms))])
	return b.String()
}

func domain(r *rand.Rand) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	n := 4 + r.IntN(8)
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[r.IntN(len(letters))]
	}
	return string(b) + tlds[r.IntN(len(tlds))]
}

// Generate inserts n cases received over the year before today, in one
// transaction through the book's bulk import, bypassing per-case
// validation for speed. Statuses follow the lifecycle: old cases are mostly
// closed, recent ones open, a few overdue.
func Generate(ctx context.Context, db store.BulkCalendar, n int, seed uint64, today time.Time) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	recs := make([]store.CaseRecord, 0, n)
	clerks := []string{"李娜", "王芳", "张伟"}
	start := workday.DayOf(today).AddDate(-1, 0, 0)
	for i := 0; i < n; i++ {
		kind := rules.KindDeregister
		if r.IntN(5) == 0 {
			kind = rules.KindPassword
		}
		st := rules.SponsorOrg
		if r.IntN(3) == 0 {
			st = rules.SponsorPerson
		}
		ap := rules.ApplicantLegal
		if st == rules.SponsorOrg && r.IntN(3) == 0 {
			ap = rules.ApplicantAgent
		}
		// Spread receipts over the year, denser towards today.
		offset := int(float64(366) * (1 - r.Float64()*r.Float64()))
		day := start.AddDate(0, 0, min(offset, 365))
		recv := time.Date(day.Year(), day.Month(), day.Day(), 8+r.IntN(9), r.IntN(60), 0, 0, workday.China())
		due := cal.AddWorkdays(day, 5)
		sponsor := CompanyName(r)
		if st == rules.SponsorPerson {
			sponsor = PersonName(r)
		}
		filing := fmt.Sprintf("晋ICP备%08d号-%d", 10000000+r.IntN(89999999), 1+r.IntN(3))
		dom := domain(r)
		status := rules.StatusReceived
		var closedAt *time.Time
		closedDay := ""
		age := cal.WorkdaysBetween(day, workday.DayOf(today))
		switch {
		case age > 7 && r.IntN(50) != 0:
			status = rules.StatusDone
			if r.IntN(12) == 0 {
				status = rules.StatusWithdrawn
			} else if r.IntN(20) == 0 {
				status = rules.StatusRejected
			}
			cd := cal.AddWorkdays(day, 1+r.IntN(6)) // a few finish late
			t := time.Date(cd.Year(), cd.Month(), cd.Day(), 15, 0, 0, 0, workday.China())
			closedAt, closedDay = &t, workday.Format(cd)
		case age > 2 && r.IntN(3) == 0:
			status = rules.StatusAccepted
		case r.IntN(6) == 0:
			status = rules.StatusReturned
		}
		phone := fmt.Sprintf("13%09d", r.IntN(1000000000))
		c := store.Case{Kind: kind, Channel: channels[r.IntN(len(channels))], Status: status,
			ReceivedAt: recv, ReceivedDay: workday.Format(day), ClockDay: workday.Format(day),
			Due: workday.Format(due), ClosedAt: closedAt, ClosedDay: closedDay, SponsorType: st, Applicant: ap,
			Sponsor: sponsor, Provider: provs[r.IntN(len(provs))], Contact: PersonName(r), Phone: phone,
			Filings: []string{filing}, Domains: []string{dom}, CreatedAt: recv, UpdatedAt: recv}
		for _, item := range rules.Materials(kind, st, ap) {
			state := rules.ItemMissing
			if status != rules.StatusReceived || r.IntN(2) == 0 {
				state = rules.ItemPresent
			}
			c.Materials = append(c.Materials, rules.Item{Item: item, State: state})
		}
		clerk := clerks[r.IntN(len(clerks))]
		events := []store.Event{{At: recv, RecordedAt: recv, Clerk: clerk, Action: "create", To: rules.StatusReceived}}
		if status != rules.StatusReceived {
			at := recv
			if closedAt != nil {
				at = *closedAt
			}
			events = append(events, store.Event{At: at, RecordedAt: at, Clerk: clerk, Action: "status",
				From: rules.StatusReceived, To: status})
		}
		recs = append(recs, store.CaseRecord{Case: c, Events: events})
	}
	if _, err := db.ImportCases(ctx, recs); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
