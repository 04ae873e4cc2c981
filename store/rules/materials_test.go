package rules

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestMaterials(t *testing.T) {
	tests := []struct {
		kind Kind
		st   SponsorType
		ap   Applicant
		want []string
	}{
		{KindDeregister, SponsorOrg, ApplicantLegal, []string{
			"申请表(企业版)", "营业执照副本复印件(加盖公章)", "法人身份证复印件(加盖公章)"}},
		{KindDeregister, SponsorOrg, "", []string{
			"申请表(企业版)", "营业执照副本复印件(加盖公章)", "法人身份证复印件(加盖公章)"}},
		{KindDeregister, SponsorOrg, ApplicantAgent, []string{
			"申请表(企业版)", "营业执照副本复印件(加盖公章)", "法人亲笔签字并加盖公章的授权委托书", "被授权人身份证复印件(加盖公章)"}},
		{KindDeregister, SponsorPerson, ApplicantLegal, []string{"申请表(个人版)", "个人身份证原件复印件"}},
		{KindDeregister, SponsorPerson, ApplicantAgent, []string{"申请表(个人版)", "个人身份证原件复印件"}},
		{KindPassword, SponsorOrg, ApplicantLegal, []string{
			"找回密码申请表(加盖公章)", "营业执照副本复印件(加盖公章)", "法人有效身份证原件复印件(加盖公章)"}},
		{KindPassword, SponsorOrg, ApplicantAgent, []string{
			"找回密码申请表(加盖公章)", "营业执照副本复印件(加盖公章)", "法人有效身份证原件复印件(加盖公章)"}},
		{KindPassword, SponsorPerson, ApplicantAgent, []string{"找回密码申请表", "个人身份证原件复印件"}},
		// A conflict without a stage is taken as issued: the provider's
		// application plus the 注销 materials.
		{KindConflict, SponsorOrg, ApplicantLegal, []string{"接入商的备案信息冲突解决申请",
			"申请表(企业版)", "营业执照副本复印件(加盖公章)", "法人身份证复印件(加盖公章)"}},
		{KindConflict, SponsorPerson, "", []string{"接入商的备案信息冲突解决申请", "申请表(个人版)", "个人身份证原件复印件"}},
		{KindOther, SponsorOrg, ApplicantLegal, []string{}},
		{KindOther, SponsorPerson, "", []string{}},
		{KindDeregister, "", "", []string{}},
	}
	for _, tt := range tests {
		got := Materials(tt.kind, tt.st, tt.ap)
		if got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("Materials(%s, %s, %s) = %q, want %q", tt.kind, tt.st, tt.ap, got, tt.want)
		}
	}
	// The table is not shared with callers.
	m := Materials(KindPassword, SponsorPerson, "")
	m[0] = "changed"
	if Materials(KindPassword, SponsorPerson, "")[0] != "找回密码申请表" {
		t.Error("Materials returned the table itself")
	}
}

func TestChecklist(t *testing.T) {
	items := Checklist(KindDeregister, SponsorOrg, ApplicantAgent)
	if len(items) != 4 {
		t.Fatalf("len = %d", len(items))
	}
	for _, it := range items {
		if it.State != ItemMissing || it.Note != "" {
			t.Errorf("item %+v is not fresh", it)
		}
	}
	if Complete(items) {
		t.Error("fresh checklist complete")
	}
}

func TestComplete(t *testing.T) {
	p := func(s ItemState) Item { return Item{Item: "x", State: s} }
	tests := []struct {
		name  string
		items []Item
		want  bool
	}{
		{"nil (kind other)", nil, true},
		{"empty", []Item{}, true},
		{"all present", []Item{p(ItemPresent), p(ItemPresent)}, true},
		{"one missing", []Item{p(ItemPresent), p(ItemMissing)}, false},
		{"one defective", []Item{p(ItemDefective), p(ItemPresent)}, false},
		{"unknown state", []Item{p("")}, false},
	}
	for _, tt := range tests {
		if got := Complete(tt.items); got != tt.want {
			t.Errorf("%s: Complete = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDefaultDeadlineDays(t *testing.T) {
	tests := []struct {
		k    Kind
		want int
	}{{KindDeregister, 5}, {KindPassword, 5}, {KindOther, 0}, {"", 0}}
	for _, tt := range tests {
		if got := DefaultDeadlineDays(tt.k); got != tt.want {
			t.Errorf("DefaultDeadlineDays(%q) = %d, want %d", tt.k, got, tt.want)
		}
	}
}

func TestItemJSON(t *testing.T) {
	b, err := json.Marshal([]Item{{Item: "申请表(个人版)", State: ItemMissing}, {Item: "x", State: ItemDefective, Note: "未签字"}})
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"item":"申请表(个人版)","state":"missing"},{"item":"x","state":"defective","note":"未签字"}]`
	if string(b) != want {
		t.Errorf("JSON %s\nwant %s", b, want)
	}
}

// A conflict's materials follow the stage of the filing it concerns (FAQ §四).
func TestMaterialsAtConflictStage(t *testing.T) {
	review := MaterialsAt(KindConflict, SponsorOrg, ApplicantAgent, StageReview)
	if !slices.Equal(review, []string{"接入商的备案信息冲突解决申请", "删除备案信息申请材料(经接入商核实)"}) {
		t.Errorf("review = %q", review)
	}
	issued := MaterialsAt(KindConflict, SponsorOrg, ApplicantAgent, StageIssued)
	want := append([]string{"接入商的备案信息冲突解决申请"}, Materials(KindDeregister, SponsorOrg, ApplicantAgent)...)
	if !slices.Equal(issued, want) {
		t.Errorf("issued = %q, want %q", issued, want)
	}
	if DefaultStage(0) != StageReview || DefaultStage(2) != StageIssued {
		t.Error("DefaultStage")
	}
	if DefaultDeadlineDays(KindConflict) != DefaultDeadlineDays(KindDeregister) {
		t.Error("conflict period differs from deregistration")
	}
	if s, err := ParseStage("已下发备案号"); err != nil || s != StageIssued {
		t.Errorf("ParseStage = %v, %v", s, err)
	}
	if _, err := ParseStage("done"); err == nil || !strings.Contains(err.Error(), "办理阶段") {
		t.Errorf("ParseStage(done) = %v", err)
	}
}

func TestCheckApplicant(t *testing.T) {
	if err := CheckApplicant(SponsorPerson, ApplicantAgent); err == nil || !strings.Contains(err.Error(), "个人主办者须本人申请") {
		t.Errorf("person+agent: %v", err)
	}
	for _, c := range []struct {
		st SponsorType
		ap Applicant
	}{{SponsorPerson, ApplicantLegal}, {SponsorPerson, ""}, {SponsorOrg, ApplicantAgent}, {SponsorOrg, ApplicantLegal}} {
		if err := CheckApplicant(c.st, c.ap); err != nil {
			t.Errorf("%s+%s: %v", c.st, c.ap, err)
		}
	}
}

func TestNeedsProvider(t *testing.T) {
	tests := []struct {
		k    Kind
		ch   Channel
		want bool
	}{
		{KindDeregister, ChannelFax, true},
		{KindPassword, ChannelFax, true},
		{KindConflict, ChannelEmail, true},
		{KindDeregister, ChannelEmail, false},
		{KindDeregister, ChannelCounter, false},
	}
	for _, tt := range tests {
		if got := NeedsProvider(tt.k, tt.ch); got != tt.want {
			t.Errorf("NeedsProvider(%s, %s) = %v", tt.k, tt.ch, got)
		}
	}
}
