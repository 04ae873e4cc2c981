package report

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Word lists for generated case books.
var (
	cities    = []string{"太原市", "大同市", "阳泉市", "长治市", "晋城市", "朔州市", "晋中市", "运城市", "忻州市", "临汾市", "吕梁市"}
	orgWords  = []string{"晋阳", "汾河", "云冈", "五台", "太行", "华瑞", "鼎盛", "博远", "恒通", "新锐", "智联", "龙城", "并州", "盛世", "天成", "弘毅"}
	orgKinds  = []string{"科技有限公司", "网络科技有限公司", "信息技术有限公司", "文化传媒有限公司", "电子商务有限公司", "软件有限公司", "数据服务有限公司"}
	surnames  = []string{"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文"}
	givens    = []string{"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晓明", "建国", "志强", "海燕", "雪", "婷", "浩然", "子涵", "欣怡", "宇轩", "梓涵", "喆", "堃", "昇", "赟"}
	providers = []string{"中国电信山西分公司", "中国移动山西分公司", "中国联通山西分公司", "阿里云计算有限公司", "腾讯云计算（北京）有限责任公司", "北京百度网讯科技有限公司", "华为云计算技术有限公司", "西部数码股份有限公司", ""}
	channels  = []rules.Channel{rules.ChannelEmail, rules.ChannelEmail, rules.ChannelEmail, rules.ChannelFax, rules.ChannelFax, rules.ChannelPost, rules.ChannelCounter, rules.ChannelOnline}
)

// generate imports n cases received in [from, from+days), in one
// transaction, as the store would have written them after the desk's work:
// some on time, some late, returned and supplemented, rejected, withdrawn,
// still open. It uses the book's bulk import rather than a transaction per
// move, to build 100k cases in seconds.
func generate(ctx context.Context, db store.BulkCalendar, n int, from time.Time, days int, seed uint64) error {
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	recs := make([]store.CaseRecord, 0, n)
	seq := map[string]int{}
	china := workday.China()
	for range n {
		recv := from.AddDate(0, 0, rng.IntN(days))
		recvAt := time.Date(recv.Year(), recv.Month(), recv.Day(), 8+rng.IntN(10), rng.IntN(60), 0, 0, china)
		kind := rules.KindDeregister
		switch p := rng.IntN(100); {
		case p >= 95:
			kind = rules.KindOther
		case p >= 70:
			kind = rules.KindPassword
		}
		st := rules.SponsorOrg
		sponsor := cities[rng.IntN(len(cities))] + orgWords[rng.IntN(len(orgWords))] + orgWords[rng.IntN(len(orgWords))] + orgKinds[rng.IntN(len(orgKinds))]
		certNo := fmt.Sprintf("91140100MA0%07dX", rng.IntN(10_000_000))
		if rng.IntN(3) == 0 {
			st = rules.SponsorPerson
			sponsor = surnames[rng.IntN(len(surnames))] + givens[rng.IntN(len(givens))]
			certNo = fmt.Sprintf("140105%04d%02d%02d%03dX", 1960+rng.IntN(45), 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(1000))
		}
		prefix := map[rules.Kind]string{rules.KindDeregister: "ZX", rules.KindPassword: "MM", rules.KindOther: "QT"}[kind]
		seq[prefix]++
		number := fmt.Sprintf("%s-%d-%06d", prefix, recv.Year(), seq[prefix])
		site := rng.IntN(90_000_000) + 10_000_000
		filings := []string{fmt.Sprintf("晋ICP备%d号-1", site)}
		domains := []string{fmt.Sprintf("site%d.cn", site)}
		if rng.IntN(10) == 0 {
			filings = append(filings, fmt.Sprintf("晋ICP备%d号-2", site))
			domains = append(domains, "xn--fsqu00a.xn--fiqs8s")
		}
		phone := fmt.Sprintf("0351-%07d", 2_000_000+rng.IntN(8_000_000))
		if rng.IntN(2) == 0 {
			phone = fmt.Sprintf("13%09d", rng.IntN(1_000_000_000))
		}
		// The story of the case.
		clock, due := recv, ""
		dueDay := func() {
			if kind != rules.KindOther {
				due = workday.Format(cal.AddWorkdays(clock, 5))
			}
		}
		dueDay()
		var moves []struct {
			at       time.Time
			from, to rules.Status
		}
		status := rules.StatusReceived
		t := recvAt
		move := func(to rules.Status, workdays int) {
			d := cal.AddWorkdays(workday.DayOf(t), workdays)
			t = time.Date(d.Year(), d.Month(), d.Day(), 9+rng.IntN(8), rng.IntN(60), 0, 0, china)
			moves = append(moves, struct {
				at       time.Time
				from, to rules.Status
			}{t, status, to})
			status = to
			if to == rules.StatusReceived {
				clock = d
				dueDay()
			}
		}
		switch p := rng.IntN(100); {
		case p < 10: // returned, supplemented, done
			move(rules.StatusReturned, 1)
			move(rules.StatusReceived, 2+rng.IntN(8))
			move(rules.StatusAccepted, 1)
			move(rules.StatusDone, rng.IntN(5))
		case p < 15:
			move(rules.StatusRejected, 1+rng.IntN(3))
		case p < 18:
			move(rules.StatusWithdrawn, rng.IntN(4))
		case p < 28: // still open
			if rng.IntN(2) == 0 {
				move(rules.StatusAccepted, 1)
			}
		case p < 31:
			move(rules.StatusReturned, 1)
		default: // done, mostly on time
			move(rules.StatusAccepted, rng.IntN(2))
			move(rules.StatusDone, rng.IntN(7))
		}
		var closedAt *time.Time
		closedDay := ""
		if status.Final() {
			closedAt, closedDay = &t, workday.Format(workday.DayOf(t))
		}
		contact := surnames[rng.IntN(len(surnames))] + givens[rng.IntN(len(givens))]
		c := store.Case{Number: number, Kind: kind, Channel: channels[rng.IntN(len(channels))], Status: status,
			ReceivedAt: recvAt, ReceivedDay: workday.Format(recv), ClockDay: workday.Format(clock), Due: due,
			ClosedAt: closedAt, ClosedDay: closedDay, SponsorType: st, Applicant: rules.ApplicantLegal,
			Sponsor: sponsor, CertNo: certNo, Provider: providers[rng.IntN(len(providers))], Contact: contact,
			Phone: phone, Filings: filings, Domains: domains, CreatedAt: t, UpdatedAt: t}
		items := rules.Materials(kind, st, rules.ApplicantLegal)
		for _, item := range items {
			state := rules.ItemPresent
			if status == rules.StatusReceived && rng.IntN(2) == 0 || status == rules.StatusReturned {
				state = rules.ItemMissing
			}
			c.Materials = append(c.Materials, rules.Item{Item: item, State: state})
		}
		events := []store.Event{{At: recvAt, RecordedAt: t, Clerk: "李娜", Action: "create", To: rules.StatusReceived, Note: "登记"}}
		for _, m := range moves {
			events = append(events, store.Event{At: m.at, RecordedAt: t, Clerk: "李娜", Action: "status", From: m.from, To: m.to})
		}
		recs = append(recs, store.CaseRecord{Case: c, Events: events})
	}
	_, err = db.ImportCases(ctx, recs)
	return err
}
