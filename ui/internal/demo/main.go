// Command demo creates a demonstration case book for screenshots and
// measurements: about 40 realistic cases in every state (one overdue, some
// due soon), a few mails, and optionally a large number of generated cases.
//
//	go run ./ui/internal/demo -db FILE [-big 100000]
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"flag"
	"fmt"
	"math/rand/v2"
	"mime"
	"os"
	"strings"
	"time"

	"beiandesk/mail"
	"beiandesk/store"
	"beiandesk/store/backend"
	"beiandesk/store/demo"
	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

func main() {
	dbPath := flag.String("db", "", "database file to create (must not exist)")
	big := flag.Int("big", 0, "also generate this many cases with store/demo")
	flag.Parse()
	if *dbPath == "" {
		fmt.Fprintln(os.Stderr, "usage: demo -db FILE [-big N]")
		os.Exit(2)
	}
	if _, err := os.Stat(*dbPath); err == nil {
		fmt.Fprintln(os.Stderr, "demo:", *dbPath, "exists")
		os.Exit(1)
	}
	ctx := context.Background()
	db, err := backend.Open(ctx, *dbPath)
	if err != nil {
		fail(err)
	}
	defer db.Close()
	now := time.Now()
	if *big > 0 {
		start := time.Now()
		if err := demo.Generate(ctx, db, *big, 1, now); err != nil {
			fail(err)
		}
		fmt.Fprintf(os.Stderr, "demo: %d generated cases in %v\n", *big, time.Since(start).Round(time.Millisecond))
	}
	if err := populate(ctx, db, now); err != nil {
		fail(err)
	}
	n, _ := db.CountCases(ctx, store.Filter{})
	m, _ := db.CountMails(ctx, "")
	fmt.Fprintf(os.Stderr, "demo: %s has %d cases and %d mails\n", *dbPath, n, m)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "demo:", err)
	os.Exit(1)
}

var (
	companies = []string{
		"太原市晋阳网络科技有限公司", "大同市云冈文化传媒有限公司", "山西汾河数据服务有限公司",
		"长治市上党电子商务有限公司", "晋城市太行软件开发有限公司", "运城市盐湖信息技术有限公司",
		"临汾市尧都教育咨询有限公司", "阳泉市娘子关商贸有限公司", "忻州市五台山旅游文化有限公司",
		"吕梁市离石智能科技有限公司", "晋中市平遥古城网络有限公司", "朔州市右玉生态农业有限公司",
		"山西杏花村酒业电子商务有限公司", "太原市小店区迎泽广告有限公司", "山西三晋通信工程有限公司",
		"太原市万柏林数据科技有限公司", "大同市平城区华严信息服务有限公司", "山西黄河云计算有限公司",
	}
	persons = []string{"王建国", "李晓燕", "张喆", "赵堃", "刘昇", "陈赟", "杨犇", "郭芳", "马俊杰", "任秀英", "阎志强", "薛丽娟"}
	provs   = []string{"中国电信股份有限公司山西分公司", "中国联合网络通信有限公司山西省分公司",
		"中国移动通信集团山西有限公司", "阿里云计算有限公司", "腾讯云计算(北京)有限责任公司"}
	tlds = []string{".com", ".cn", ".com.cn", ".net"}
)

const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func uscc(r *rand.Rand) string {
	b := []byte("9114" + fmt.Sprintf("%04d", 100+r.IntN(900)))
	for len(b) < 17 {
		b = append(b, usccAlphabet[r.IntN(len(usccAlphabet))])
	}
	return string(b) + string(validate.USCCCheckChar(string(b)))
}

func idNumber(r *rand.Rand) string {
	body := fmt.Sprintf("140105%04d%02d%02d%03d", 1960+r.IntN(40), 1+r.IntN(12), 1+r.IntN(28), r.IntN(1000))
	return body + string(validate.IDCheckChar(body))
}

func domainName(r *rand.Rand) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, 5+r.IntN(6))
	for i := range b {
		b[i] = letters[r.IntN(len(letters))]
	}
	return string(b) + tlds[r.IntN(len(tlds))]
}

// back returns the day n working days before today (so that adding n
// working days to it gives today).
func back(cal *workday.Calendar, today time.Time, n int) time.Time {
	d := workday.DayOf(today)
	for cal.WorkdaysBetween(d, workday.DayOf(today)) < n || !cal.IsWorkday(d) {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

func at(day time.Time, h, m int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, workday.China())
}

type plan struct {
	ageWorkdays int // received this many working days ago
	steps       []rules.Status
	person      bool
	sponsor     string
	channel     rules.Channel
	kind        rules.Kind
}

func populate(ctx context.Context, db store.Book, now time.Time) error {
	r := rand.New(rand.NewPCG(822, 2026))
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	_ = db.SetSetting(ctx, store.SettingClerk, "李娜")
	done := []rules.Status{rules.StatusAccepted, rules.StatusDone}
	var plans []plan
	// Closed cases over the last two months.
	for i := 0; i < 22; i++ {
		p := plan{ageWorkdays: 8 + r.IntN(38), steps: done}
		switch i % 11 {
		case 3:
			p.steps = []rules.Status{rules.StatusRejected}
		case 7:
			p.steps = []rules.Status{rules.StatusReturned, rules.StatusWithdrawn}
		}
		plans = append(plans, p)
	}
	// Open cases: one overdue, one due today, some due soon, the rest later.
	plans = append(plans,
		plan{ageWorkdays: 8, sponsor: "山西龙城智慧科技有限公司", channel: rules.ChannelFax},
		plan{ageWorkdays: 5, sponsor: "太原市晋祠文化旅游有限公司", steps: []rules.Status{rules.StatusAccepted}},
		plan{ageWorkdays: 4, sponsor: "王建国", person: true, channel: rules.ChannelPost},
		plan{ageWorkdays: 3, sponsor: "大同市云冈文化传媒有限公司", steps: []rules.Status{rules.StatusAccepted}},
		plan{ageWorkdays: 3, sponsor: "李晓燕", person: true, kind: rules.KindPassword},
		plan{ageWorkdays: 2, steps: []rules.Status{rules.StatusReturned}},
		plan{ageWorkdays: 2},
		plan{ageWorkdays: 1, steps: []rules.Status{rules.StatusAccepted}},
		plan{ageWorkdays: 1},
		plan{ageWorkdays: 0},
		plan{ageWorkdays: 0, person: true},
	)
	for len(plans) < 40 {
		plans = append(plans, plan{ageWorkdays: 1 + r.IntN(2)})
	}
	// Register in order of receipt, so numbers follow dates.
	for i := range plans {
		for j := i + 1; j < len(plans); j++ {
			if plans[j].ageWorkdays > plans[i].ageWorkdays {
				plans[i], plans[j] = plans[j], plans[i]
			}
		}
	}
	clerks := []string{"李娜", "王芳", "张伟"}
	for i, p := range plans {
		day := back(cal, now, p.ageWorkdays)
		recv := at(day, 8+r.IntN(8), r.IntN(60))
		if recv.After(now) {
			recv = now.Add(-time.Duration(1+r.IntN(60)) * time.Minute)
		}
		in := store.NewCase{
			Kind: string(rules.KindDeregister), Channel: string(rules.ChannelEmail), ReceivedAt: recv,
			Provider: provs[r.IntN(len(provs))], Contact: persons[r.IntN(len(persons))],
			Phone: fmt.Sprintf("13%d%08d", 5+r.IntN(5), r.IntN(100000000)),
		}
		if p.kind != "" {
			in.Kind = string(p.kind)
		} else if r.IntN(5) == 0 {
			in.Kind = string(rules.KindPassword)
		}
		if p.channel != "" {
			in.Channel = string(p.channel)
		} else {
			in.Channel = string([]rules.Channel{rules.ChannelEmail, rules.ChannelEmail, rules.ChannelFax,
				rules.ChannelPost, rules.ChannelCounter}[r.IntN(5)])
		}
		person := p.person || (p.sponsor == "" && r.IntN(4) == 0)
		switch {
		case p.sponsor != "":
			in.Sponsor = p.sponsor
		case person:
			in.Sponsor = persons[r.IntN(len(persons))]
		default:
			in.Sponsor = companies[r.IntN(len(companies))]
		}
		if person {
			in.SponsorType, in.CertNo = "person", idNumber(r)
		} else {
			in.SponsorType, in.CertNo = "org", uscc(r)
			if r.IntN(3) == 0 {
				in.Applicant = "agent"
			}
		}
		in.Filings = []string{fmt.Sprintf("晋ICP备%08d号-%d", 10000000+r.IntN(89999999), 1+r.IntN(3))}
		in.Domains = []string{domainName(r)}
		switch in.Channel {
		case "fax":
			in.Details = map[string]string{"fax_pages": fmt.Sprint(3 + r.IntN(6)), "fax_time": recv.Format("2006-01-02 15:04")}
		case "post":
			in.Details = map[string]string{"post_tracking": fmt.Sprintf("SF%012d", r.Int64N(1e12)), "post_sender": in.Contact}
		case "counter":
			in.Details = map[string]string{"counter_visitor": in.Contact}
		}
		clerk := clerks[i%len(clerks)]
		c, err := db.CreateCase(ctx, in, clerk)
		if err != nil {
			return fmt.Errorf("case %d: %w", i, err)
		}
		t := recv
		for _, to := range p.steps {
			t = t.Add(time.Duration(20+r.IntN(60)) * time.Hour / 10)
			if to == rules.StatusDone {
				t = at(cal.AddWorkdays(day, 2+r.IntN(4)), 15, r.IntN(60))
			}
			if t.After(now) {
				t = now
			}
			if to == rules.StatusAccepted {
				for n := range c.Materials {
					if _, err := db.CheckItem(ctx, c.ID, 0, n+1, rules.ItemPresent, "", clerk); err != nil {
						return err
					}
				}
			}
			if to == rules.StatusReturned && len(c.Materials) > 0 {
				if _, err := db.CheckItem(ctx, c.ID, 0, 1, rules.ItemDefective, "未使用A4纸,缺少公章", clerk); err != nil {
					return err
				}
			}
			note := ""
			if to == rules.StatusRejected {
				note = "备案主体不在本省,请向属地管理局申请"
			}
			if _, err := db.MoveCase(ctx, c.ID, 0, to, t, note, clerk); err != nil {
				return fmt.Errorf("case %s → %s: %w", c.Number, to, err)
			}
		}
		// Some open cases have part of their materials checked.
		if len(p.steps) == 0 && len(c.Materials) > 1 && r.IntN(2) == 0 {
			if _, err := db.CheckItem(ctx, c.ID, 0, 1, rules.ItemPresent, "", clerk); err != nil {
				return err
			}
		}
	}
	return addMails(ctx, db, now, r)
}

// addMails imports a few realistic mails through the mail package's own
// import, so their text and proposals are what a sync would store.
func addMails(ctx context.Context, db store.Book, now time.Time, r *rand.Rand) error {
	type m struct {
		fromName, from, subject, body, attach string
		age                                   time.Duration
		state                                 string
	}
	filing := func() string { return fmt.Sprintf("晋ICP备%08d号-1", 10000000+r.IntN(89999999)) }
	mails := []m{
		{"山西汾河数据服务有限公司", "admin@fenhedata.com.cn", "申请注销网站备案-山西汾河数据服务有限公司",
			"您好:\n我公司网站已停止运营,现申请注销网站备案。\n主办单位:山西汾河数据服务有限公司\n统一社会信用代码:" + uscc(r) +
				"\n备案号:" + filing() + "\n网站域名:fenhedata.com.cn\n联系人:郭芳 13934567890\n申请表及营业执照复印件见附件,请审核。",
			"注销网站APP备案申请表(企业).doc", 40 * time.Minute, store.MailNew},
		{"赵堃", "zhaokun1988@163.com", "找回备案密码申请",
			"管理局老师好,本人备案的个人网站忘记了备案系统密码,申请找回。\n姓名:赵堃 身份证号:" + idNumber(r) +
				"\n备案号:" + filing() + "\n电话:13803510822",
			"找回密码申请表(个人).pdf", 3 * time.Hour, store.MailNew},
		{"中国电信山西分公司备案专员", "beian@sx.189.cn", "转发:客户注销备案材料(晋中市平遥古城网络有限公司)",
			"转发客户注销申请,材料已核实。\n主办单位:晋中市平遥古城网络有限公司\n备案号:" + filing() + "\n域名:pingyaogucheng.cn",
			"注销网站APP备案申请表(企业).pdf", 26 * time.Hour, store.MailNew},
		{"大同市云冈文化传媒有限公司", "office@yungangcm.com", "注销备案申请",
			"申请注销我单位网站备案,材料见附件。", "申请材料.zip", 75 * time.Hour, store.MailIgnored},
		{"王建国", "wangjg@126.com", "咨询备案进度", "请问我上周邮寄的注销材料收到了吗?", "", 50 * time.Hour, store.MailIgnored},
	}
	for i, x := range mails {
		raw := eml(i, x.fromName, x.from, x.subject, x.body, x.attach, now.Add(-x.age))
		res, err := mail.Import(ctx, db, bytes.NewReader(raw), fmt.Sprintf("file:demo-%d.eml", i))
		if err != nil {
			return fmt.Errorf("mail %d: %w", i, err)
		}
		if x.state == store.MailIgnored {
			if err := db.SetMailState(ctx, res.ID, store.MailIgnored); err != nil {
				return err
			}
		}
	}
	return nil
}

func eml(i int, fromName, from, subject, body, attach string, date time.Time) []byte {
	var b strings.Builder
	enc := func(s string) string { return mime.BEncoding.Encode("UTF-8", s) }
	fmt.Fprintf(&b, "From: %s <%s>\r\nTo: beianzhuxiao@163.com\r\nSubject: %s\r\nDate: %s\r\n",
		enc(fromName), from, enc(subject), date.Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <demo-%d-%d@beiandesk.example>\r\nMIME-Version: 1.0\r\n", i, date.Unix())
	text := base64.StdEncoding.EncodeToString([]byte(body))
	if attach == "" {
		fmt.Fprintf(&b, "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n", text)
		return []byte(b.String())
	}
	b.WriteString("Content-Type: multipart/mixed; boundary=\"demo-boundary\"\r\n\r\n")
	fmt.Fprintf(&b, "--demo-boundary\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n", text)
	content := base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("demo attachment "), 2000))
	fmt.Fprintf(&b, "--demo-boundary\r\nContent-Type: application/octet-stream; name=\"%s\"\r\n"+
		"Content-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s\r\n--demo-boundary--\r\n",
		enc(attach), enc(attach), content)
	return []byte(b.String())
}
