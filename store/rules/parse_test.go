package rules

import (
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		parse   func(string) (string, error)
		in      string
		want    string
		wantErr []string
	}{
		{"kind code", wrap(ParseKind), "deregister", "deregister", nil},
		{"kind upper case, spaces", wrap(ParseKind), " Password ", "password", nil},
		{"kind label", wrap(ParseKind), "注销备案", "deregister", nil},
		{"kind bad", wrap(ParseKind), "cancel", "", []string{"申请类型“cancel”无效", "deregister(注销备案)", "password(找回密码)", "other(其他)"}},
		{"kind empty", wrap(ParseKind), "", "", []string{"申请类型“”无效"}},
		{"sponsor", wrap(ParseSponsorType), "个人", "person", nil},
		{"sponsor bad", wrap(ParseSponsorType), "company", "", []string{"主办者类型", "org(单位)", "person(个人)"}},
		{"applicant", wrap(ParseApplicant), "agent", "agent", nil},
		{"applicant label", wrap(ParseApplicant), "法人本人", "legal", nil},
		{"applicant bad", wrap(ParseApplicant), "self", "", []string{"申请人", "legal(法人本人)", "agent(委托代理人)"}},
		{"status", wrap(ParseStatus), "withdrawn", "withdrawn", nil},
		{"status label", wrap(ParseStatus), "不予受理", "rejected", nil},
		{"status bad", wrap(ParseStatus), "closed", "", []string{"案件状态", "received(已登记)", "returned(退回补正)", "accepted(已受理)", "done(已办结)", "rejected(不予受理)", "withdrawn(已撤回)"}},
		{"item state", wrap(ParseItemState), "defective", "defective", nil},
		{"item state label", wrap(ParseItemState), "缺失", "missing", nil},
		{"item state bad", wrap(ParseItemState), "ok", "", []string{"材料核查结果", "present(齐全)", "missing(缺失)", "defective(有瑕疵)"}},
		{"channel", wrap(ParseChannel), "counter", "counter", nil},
		{"channel label", wrap(ParseChannel), "传真", "fax", nil},
		{"channel bad", wrap(ParseChannel), "phone", "", []string{"来件渠道", "email(电子邮件)", "fax(传真)", "post(邮寄)", "counter(现场)", "online(网上)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse(tt.in)
			if tt.wantErr == nil {
				if err != nil || got != tt.want {
					t.Errorf("parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("parse(%q) = %q, want error", tt.in, got)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func wrap[T ~string](f func(string) (T, error)) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := f(s)
		return string(v), err
	}
}

func TestLabels(t *testing.T) {
	tests := []struct{ got, want string }{
		{KindDeregister.Label(), "注销备案"},
		{KindPassword.Label(), "找回密码"},
		{KindOther.Label(), "其他"},
		{SponsorOrg.Label(), "单位"},
		{SponsorPerson.Label(), "个人"},
		{ApplicantLegal.Label(), "法人本人"},
		{ApplicantAgent.Label(), "委托代理人"},
		{StatusReceived.Label(), "已登记"},
		{StatusReturned.Label(), "退回补正"},
		{StatusAccepted.Label(), "已受理"},
		{StatusDone.Label(), "已办结"},
		{StatusRejected.Label(), "不予受理"},
		{StatusWithdrawn.Label(), "已撤回"},
		{ItemPresent.Label(), "齐全"},
		{ItemMissing.Label(), "缺失"},
		{ItemDefective.Label(), "有瑕疵"},
		{ChannelEmail.Label(), "电子邮件"},
		{ChannelFax.Label(), "传真"},
		{ChannelPost.Label(), "邮寄"},
		{ChannelCounter.Label(), "现场"},
		{ChannelOnline.Label(), "网上"},
		{Kind("x").Label(), "x"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("label %q, want %q", tt.got, tt.want)
		}
	}
}

func TestOnTime(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	due := time.Date(2026, 10, 13, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		closed time.Time
		want   bool
	}{
		{"earlier day", time.Date(2026, 10, 9, 10, 0, 0, 0, cst), true},
		{"due day, evening", time.Date(2026, 10, 13, 23, 59, 0, 0, cst), true},
		{"due day as civil date", due, true},
		{"next day", time.Date(2026, 10, 14, 8, 30, 0, 0, cst), false},
		{"UTC evening of due day is next day in China", time.Date(2026, 10, 13, 17, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := OnTime(due, tt.closed); got != tt.want {
			t.Errorf("%s: OnTime = %v, want %v", tt.name, got, tt.want)
		}
	}
}
