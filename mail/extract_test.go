package mail

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"beiandesk/store/validate"
)

func TestFindFilings(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"备案号：晋ICP备12345678号-1", []string{"晋ICP备12345678号-1"}},
		{"晋ICP备12345678号", []string{"晋ICP备12345678号"}},
		{"晋 ICP 备 12345678 号 - 2", []string{"晋ICP备12345678号-2"}},
		{"晋icp备12345678-3号", []string{"晋ICP备12345678号-3"}},
		{"京ICP备05002571号，京ICP备05002571号", []string{"京ICP备05002571号"}},
		{"粤ICP备1234号", nil},                                  // too short
		{"粤ICP备12345678901号", nil},                           // too long
		{"京ICP证030173号", nil},                                // a licence, not a filing
		{"ICP备12345678号", nil},                               // no province
		{"晋ICP备12345678号-12345", []string{"晋ICP备12345678号"}}, // site number too long: ignored
		{"APP备案号：京ICP备2023012345号-2a", []string{"京ICP备2023012345号-2A"}},
		// Issue 11: only what store/validate accepts is proposed.
		{"蜀ICP备12345678号", nil}, // not an abbreviation the validator knows
		{"晋ICP备12345号", nil},    // 5-digit serial
		{"晋ICP备123456789012345678号", nil},
	}
	for _, tt := range tests {
		if got := findFilings(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findFilings(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindDomains(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"网站域名：www.Example.com.cn，谢谢", []string{"example.com.cn", "www.example.com.cn"}},
		{"https://app.shop.example.com/path?q=1", []string{"example.com"}},
		{"联系邮箱：lizhe@163.com", nil},
		{"zhang.san@example.org", nil},
		{"附件：营业执照.jpg、申请表.doc、setup.zip", nil},
		{"版本 v1.2.3 和 e.g 不是域名", nil},
		{"com.cn 只是后缀", nil},
		{"unknown.notatld", nil},
		{"a.example.com b.example.com example.net", []string{"example.com", "example.net"}},
		{"中文域名：例子.中国", []string{"xn--fsqu00a.xn--fiqs8s"}},
		{"blog.github.io", []string{"blog.github.io"}},
		{"网站www.example.cn已关闭", []string{"example.cn", "www.example.cn"}},
		{"www.a.example.cn 和 example.cn", []string{"example.cn"}}, // only www directly under the registrable domain
		{"网址：北京大学.cn", []string{"xn--1lq90ic7fzpc.cn"}},
		{"邮箱zhang@example.cn已停用", nil},
		{"请登录 https://beian.miit.gov.cn 查询", nil},
	}
	for _, tt := range tests {
		if got := findDomains(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findDomains(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindCodes(t *testing.T) {
	usccs, ids := findCodes("代码91350100M000100Y43，身份证11010519491231002x，无效110105194912310021，长串911350100M000100Y43")
	if !reflect.DeepEqual(usccs, []string{"91350100M000100Y43"}) || !reflect.DeepEqual(ids, []string{"11010519491231002X"}) {
		t.Errorf("findCodes: USCCs %q, IDs %q", usccs, ids)
	}
}

func TestFindPhones(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"电话：0351-8788032 手机：13912345678", []string{"0351-8788032", "13912345678"}},
		{"手机 139 1234 5678，座机 (010)62345678", []string{"13912345678", "010-62345678"}},
		{"+86 138-1234-5678", []string{"13812345678"}},
		{"01062345678", []string{"010-62345678"}},
		{"身份证 11010519491231002X 代码 91350100M000100Y43", nil},
		{"备案号 晋ICP备12345678号 日期 2024-01-15", nil},
		{"139123456789", nil}, // twelve digits
	}
	for _, tt := range tests {
		if got := findPhones(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findPhones(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFindSponsor(t *testing.T) {
	tests := []struct{ subject, text, names, want string }{
		{"", "主办单位：山西某某科技有限公司\n", "", "山西某某科技有限公司"},
		{"", "主办单位名称: 太原某某学校 (盖章)", "", "太原某某学校"},
		{"", "网站主办者：张三", "", "张三"},
		{"", "单位名称 某某（北京）网络技术有限公司", "", "某某（北京）网络技术有限公司"},
		{"关于注销山西某某科技有限公司网站备案的申请", "", "", "山西某某科技有限公司"},
		{"", "我司太原某某医院申请注销", "", "太原某某医院"},
		{"", "", "晋中某某有限责任公司营业执照.jpg", "晋中某某有限责任公司"},
		{"", "您好，申请注销。", "", ""},
		{"", "有限公司", "", ""},
	}
	for _, tt := range tests {
		if got := findSponsor(tt.subject, tt.text, tt.names); got != tt.want {
			t.Errorf("findSponsor(%q, %q, %q) = %q, want %q", tt.subject, tt.text, tt.names, got, tt.want)
		}
	}
}

func TestFindKind(t *testing.T) {
	tests := []struct {
		subject, names, text, want string
	}{
		{"注销网站备案", "", "", "deregister"},
		{"", "注销网站APP备案申请表(企业).doc", "", "deregister"},
		{"", "", "我忘记备案密码了，请帮忙重置密码", "password"},
		{"找回密码", "", "之前注销过", "password"},
		{"", "", "申请注销，不是找回密码", "deregister"},
		{"咨询", "", "你好", ""},
	}
	for _, tt := range tests {
		if got := findKind(tt.subject, tt.names, tt.text); got != tt.want {
			t.Errorf("findKind(%q, %q, %q) = %q, want %q", tt.subject, tt.names, tt.text, got, tt.want)
		}
	}
}

func TestFindSponsorType(t *testing.T) {
	tests := []struct {
		marked, text string
		p            Proposal
		want         string
	}{
		{"注销网站APP备案申请表(企业).doc", "", Proposal{}, "org"},
		{"注销网站备案申请表（个人）.doc", "", Proposal{}, "person"},
		{"", "信用代码见附件", Proposal{USCCs: []string{"x"}}, "org"},
		{"", "", Proposal{Sponsor: "某某科技有限公司"}, "org"},
		{"", "本人为个人备案", Proposal{}, "person"},
		{"", "主办单位：张三", Proposal{IDNumbers: []string{"x"}}, "person"},
		{"", "我们公司的网站", Proposal{}, "org"},
		{"", "你好", Proposal{}, ""},
	}
	for _, tt := range tests {
		if got := findSponsorType(tt.marked, tt.text, tt.p); got != tt.want {
			t.Errorf("findSponsorType(%q, %q, %+v) = %q, want %q", tt.marked, tt.text, tt.p, got, tt.want)
		}
	}
}

// BenchmarkProposeWorstCase runs the finders over texts at the 1 MiB cap that
// used to make regular expressions slow.
func BenchmarkProposeWorstCase(b *testing.B) {
	texts := map[string]string{
		"chinese": strings.Repeat("这是一段很长的中文文本，没有域名。", MaxText/len("这是一段很长的中文文本，没有域名。")),
		"dots":    strings.Repeat("abcdefghij.", MaxText/11),
		"letters": strings.Repeat("a", MaxText),
		"digits":  strings.Repeat("1", MaxText),
		"suffix":  strings.Repeat("有限公司", MaxText/len("有限公司")),
	}
	for name, text := range texts {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			m := &Message{Text: text}
			for b.Loop() {
				propose(m)
			}
		})
	}
}

// The pre-filters of findDomains and findPhones find exactly what the
// patterns find over the whole text.
func TestPrefiltersMatchFullScan(t *testing.T) {
	alphabet := []rune("ab.-9 晋备。,@+()\n0123456789icpICP号")
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.IntN(60); n > 0; n-- {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		text := strings.ToLower(b.String())
		if got, want := hostMatches(text), hostPattern.FindAllStringIndex(text, -1); !reflect.DeepEqual(got, want) && (len(got)+len(want) > 0) {
			t.Fatalf("hostMatches(%q) = %v, want %v", text, got, want)
		}
		if got, want := findPhones(text), phonesFullScan(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("findPhones(%q) = %v, full scan %v", text, got, want)
		}
	}
}

// phonesFullScan is findPhones without its pre-filter.
func phonesFullScan(text string) []string {
	type hit struct {
		at    int
		phone string
	}
	var hits []hit
	for _, m := range mobilePattern.FindAllStringSubmatchIndex(text, -1) {
		if !digitAround(text, m[0], m[1]) {
			hits = append(hits, hit{m[0], text[m[2]:m[3]] + text[m[4]:m[5]] + text[m[6]:m[7]]})
		}
	}
	for _, m := range landlinePattern.FindAllStringSubmatchIndex(text, -1) {
		if !digitAround(text, m[0], m[1]) {
			hits = append(hits, hit{m[0], text[m[2]:m[3]] + "-" + text[m[4]:m[5]]})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.at - b.at })
	var out []string
	for _, h := range hits {
		out = appendUnique(out, h.phone)
	}
	return out
}

// Filing numbers close together, far apart, at the edges of the text and
// in every spelling are found exactly as a scan of the whole text finds them.
func TestFilingWindowsMatchFullScan(t *testing.T) {
	parts := []string{"晋ICP备12345678号-1", "京 icp 备 0500257号", "、", "说明文字", " ", "晋ICP备1234567890号-12A", "ICP", "icp备", "粤ICP备87654321-3号", "\n"}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		text := b.String()
		got, want := findFilings(text), validate.FindFilings(text)
		if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("findFilings(%q) = %q, full scan %q", text, got, want)
		}
	}
}

// Issue 11: contact, access provider, a person's name as sponsor, and the
// set of fields the proposal fills.
func TestProposeContactProviderPerson(t *testing.T) {
	tests := []struct {
		name                                    string
		subject, text                           string
		sponsor, sponsorType, contact, provider string
		fields                                  []string
	}{
		{
			name:    "org request with contact and provider",
			subject: "申请注销网站备案",
			text:    "主办单位：山西某某科技有限公司\n备案号：晋ICP备12345678号-1\n网站域名：www.sx-example.cn\n联系人:郭敏 电话：13912345678\n接入商:中国联通山西分公司\n",
			sponsor: "山西某某科技有限公司", sponsorType: "org", contact: "郭敏", provider: "中国联通山西分公司",
			fields: []string{FieldKind, FieldSponsorType, FieldSponsor, FieldContact, FieldPhone, FieldProvider, FieldFilings, FieldDomains},
		},
		{
			name:    "personal request names the person; a phone glued to the contact is cut",
			subject: "个人网站注销",
			text:    "本人姓名：李喆\n身份证号：11010519491231002X\n联系人：李喆13812345678\n接入服务商：阿里云计算有限公司\n",
			sponsor: "李喆", sponsorType: "person", contact: "李喆", provider: "阿里云计算有限公司",
			fields: []string{FieldKind, FieldSponsorType, FieldSponsor, FieldCertNo, FieldContact, FieldPhone, FieldProvider},
		},
		{
			name:    "labels without a usable value propose nothing",
			subject: "咨询",
			text:    "联系人：\n接入商：名称\n",
			fields:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := propose(&Message{Subject: tt.subject, Text: tt.text})
			if p.Sponsor != tt.sponsor || p.SponsorType != tt.sponsorType || p.Contact != tt.contact || p.Provider != tt.provider {
				t.Errorf("sponsor %q (%s) contact %q provider %q, want %q (%s) %q %q",
					p.Sponsor, p.SponsorType, p.Contact, p.Provider, tt.sponsor, tt.sponsorType, tt.contact, tt.provider)
			}
			if !reflect.DeepEqual(p.Fields, tt.fields) {
				t.Errorf("fields %q, want %q", p.Fields, tt.fields)
			}
		})
	}
}

// BenchmarkProposeRequest runs the finders over the text of the sync
// benchmark's request mail (its paragraph forty times), the proposal's share
// of a sync.
func BenchmarkProposeRequest(b *testing.B) {
	m, err := Parse(bytes.NewReader(benchMail(7)), hashOnly)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(m.Subject) + len(m.Text)))
	for b.Loop() {
		propose(m)
	}
}
