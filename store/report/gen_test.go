package report

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
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

// generate inserts n cases received in [from, from+days) straight into the
// tables, in one transaction, as the store would have written them after
// the desk's work: some on time, some late, returned and supplemented,
// rejected, withdrawn, still open. It bypasses the store API, which takes
// a transaction per move, to build 100k cases in seconds.
func generate(ctx context.Context, db *store.DB, n int, from time.Time, days int, seed uint64) error {
	cal, err := db.Calendar(ctx)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Events and materials fill their batches before the cases do.
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		return err
	}
	cases := newBatch(tx, "cases", "id, number, kind, channel, status, received_at, received_day, clock_day, due, closed_at, closed_day, sponsor_type, applicant, sponsor, cert_no, provider, contact, phone, filings, domains, note, created_at, updated_at")
	materials := newBatch(tx, "material", "case_id, pos, item, state")
	events := newBatch(tx, "event", "case_id, at, recorded_at, clerk, action, from_status, to_status, note")
	var firstID int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM cases`).Scan(&firstID); err != nil {
		return err
	}
	seq := map[string]int{}
	china := workday.China()
	for i := range n {
		id := firstID + int64(i) + 1
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
		filings := fmt.Sprintf(`["晋ICP备%d号-1"]`, site)
		domains := fmt.Sprintf(`["site%d.cn"]`, site)
		if rng.IntN(10) == 0 {
			filings = fmt.Sprintf(`["晋ICP备%d号-1","晋ICP备%d号-2"]`, site, site)
			domains = fmt.Sprintf(`["site%d.cn","xn--fsqu00a.xn--fiqs8s"]`, site)
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
		var closedAt, closedDay any
		if status.Final() {
			closedAt, closedDay = t.Format(time.RFC3339), workday.Format(workday.DayOf(t))
		}
		var dueArg any
		if due != "" {
			dueArg = due
		}
		contact := surnames[rng.IntN(len(surnames))] + givens[rng.IntN(len(givens))]
		now := t.Format(time.RFC3339)
		if err := cases.add(id, number, kind, channels[rng.IntN(len(channels))], status, recvAt.Format(time.RFC3339),
			workday.Format(recv), workday.Format(clock), dueArg, closedAt, closedDay, st, rules.ApplicantLegal,
			sponsor, certNo, providers[rng.IntN(len(providers))], contact, phone, filings, domains, "", now, now); err != nil {
			return err
		}
		items := rules.Materials(kind, st, rules.ApplicantLegal)
		for j, item := range items {
			state := rules.ItemPresent
			if status == rules.StatusReceived && rng.IntN(2) == 0 || status == rules.StatusReturned {
				state = rules.ItemMissing
			}
			if err := materials.add(id, j+1, item, state); err != nil {
				return err
			}
		}
		if err := events.add(id, recvAt.Format(time.RFC3339), now, "李娜", "create", "", rules.StatusReceived, "登记"); err != nil {
			return err
		}
		for _, m := range moves {
			if err := events.add(id, m.at.Format(time.RFC3339), now, "李娜", "status", m.from, m.to, ""); err != nil {
				return err
			}
		}
	}
	for _, b := range []*batch{cases, materials, events} {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// batch inserts rows many at a time: one statement per 200 rows is several
// times faster than one per row.
type batch struct {
	tx    *sql.Tx
	head  string
	width int
	args  []any
}

const batchRows = 200

func newBatch(tx *sql.Tx, table, cols string) *batch {
	return &batch{tx: tx, head: "INSERT INTO " + table + " (" + cols + ") VALUES ", width: strings.Count(cols, ",") + 1}
}

func (b *batch) add(vals ...any) error {
	if len(vals) != b.width {
		return fmt.Errorf("%s: %d values for %d columns", b.head, len(vals), b.width)
	}
	b.args = append(b.args, vals...)
	if len(b.args) >= batchRows*b.width {
		return b.flush()
	}
	return nil
}

func (b *batch) flush() error {
	n := len(b.args) / b.width
	if n == 0 {
		return nil
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", b.width), ",") + ")"
	q := b.head + strings.TrimSuffix(strings.Repeat(row+",", n), ",")
	if _, err := b.tx.Exec(q, b.args...); err != nil {
		return fmt.Errorf("%s: %w", b.head, err)
	}
	b.args = b.args[:0]
	return nil
}
