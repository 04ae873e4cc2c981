package rules

import (
	"strings"
	"testing"
	"time"
)

func TestReturnNotice(t *testing.T) {
	items := []Item{
		{Item: "申请表(企业版)", State: ItemDefective, Note: "未使用A4纸,未加盖公章"},
		{Item: "营业执照副本复印件(加盖公章)", State: ItemPresent},
		{Item: "法人亲笔签字并加盖公章的授权委托书", State: ItemMissing},
		{Item: "被授权人身份证复印件(加盖公章)", State: ItemMissing, Note: "只收到背面"},
	}
	in := NoticeInput{
		CaseNumber: "ZX-2026-0001",
		Sponsor:    "太原某某科技有限公司",
		Kind:       KindDeregister,
		Received:   time.Date(2026, 9, 30, 15, 4, 0, 0, time.FixedZone("CST", 8*3600)),
		Items:      items,
		Date:       time.Date(2026, 10, 8, 0, 0, 0, 0, time.UTC),
		Clerk:      "王芳",
	}
	got := ReturnNotice(in)
	t.Log("\n" + got)
	for _, want := range []string{
		"退回补正通知",
		"太原某某科技有限公司：",
		"您于2026年9月30日提交的注销备案申请",
		"受理编号 ZX-2026-0001",
		"材料不齐全且部分材料不符合要求",
		"1. 申请表(企业版)：未使用A4纸,未加盖公章",
		"2. 缺少：法人亲笔签字并加盖公章的授权委托书",
		"3. 缺少：被授权人身份证复印件(加盖公章)（只收到背面）",
		"A4",
		"beianzhuxiao@163.com",
		"0351-8788875",
		"山西省太原市小店区南内环街2号",
		"822室",
		"8:30–12:00",
		"14:30–17:30",
		"重新计算5个工作日",
		"0351-8788032、0351-8788232",
		"山西省通信管理局",
		"网站备案受理窗口（822室）",
		"经办人：王芳",
		"2026年10月8日",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
	if strings.Contains(got, "营业执照副本复印件") {
		t.Error("notice mentions an item that is present")
	}
	if !strings.HasSuffix(got, "2026年10月8日\n") {
		t.Error("notice does not end with its date")
	}
}

func TestReturnNoticeVariants(t *testing.T) {
	tests := []struct {
		name   string
		in     NoticeInput
		want   []string
		unwant []string
	}{
		{
			name: "only missing, password, no sponsor, no clerk",
			in: NoticeInput{CaseNumber: "ZX-2026-0002", Kind: KindPassword,
				Received: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Date: time.Date(2026, 1, 6, 0, 0, 0, 0, time.UTC),
				Items: Checklist(KindPassword, SponsorPerson, "")},
			want:   []string{"申请人：", "找回密码申请", "材料不齐全，", "缺少：找回密码申请表", "缺少：个人身份证原件复印件", "重新计算5个工作日"},
			unwant: []string{"经办人", "不符合要求"},
		},
		{
			name: "only defective without reason",
			in: NoticeInput{CaseNumber: "ZX-2026-0003", Sponsor: "张三", Kind: KindDeregister,
				Received: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Date: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC),
				Items: []Item{{Item: "申请表(个人版)", State: ItemDefective}, {Item: "个人身份证原件复印件", State: ItemPresent}}},
			want:   []string{"材料不符合要求，", "1. 申请表(个人版)：不符合要求"},
			unwant: []string{"缺少", "个人身份证原件复印件"},
		},
		{
			name: "configured period",
			in: NoticeInput{CaseNumber: "ZX-2026-0004", Kind: KindPassword, Days: 10,
				Received: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Date: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
			want: []string{"重新计算10个工作日"},
		},
		{
			name: "kind other has no period",
			in: NoticeInput{CaseNumber: "ZX-2026-0005", Kind: KindOther,
				Received: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Date: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
			unwant: []string{"工作日的办理时限"},
		},
		{
			name: "receipt late at night UTC is the next China day",
			in: NoticeInput{CaseNumber: "ZX-2026-0006", Kind: KindDeregister,
				Received: time.Date(2026, 3, 1, 17, 0, 0, 0, time.UTC), Date: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)},
			want: []string{"您于2026年3月2日提交"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ReturnNotice(tt.in)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("notice lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.unwant {
				if strings.Contains(got, w) {
					t.Errorf("notice has %q:\n%s", w, got)
				}
			}
		})
	}
}
