package rules

import (
	"slices"
	"strings"
	"testing"
)

func TestAllowed(t *testing.T) {
	tests := []struct {
		from Status
		want []Status
	}{
		{StatusReceived, []Status{StatusAccepted, StatusReturned, StatusRejected, StatusWithdrawn}},
		{StatusReturned, []Status{StatusReceived, StatusWithdrawn}},
		{StatusAccepted, []Status{StatusDone, StatusRejected, StatusWithdrawn}},
		{StatusDone, nil},
		{StatusRejected, nil},
		{StatusWithdrawn, nil},
		{"bogus", nil},
	}
	for _, tt := range tests {
		if got := Allowed(tt.from); !slices.Equal(got, tt.want) {
			t.Errorf("Allowed(%s) = %v, want %v", tt.from, got, tt.want)
		}
	}
	Allowed(StatusReceived)[0] = StatusDone
	if Allowed(StatusReceived)[0] != StatusAccepted {
		t.Error("Allowed returned the table itself")
	}
}

func TestCheckMove(t *testing.T) {
	complete := []Item{{Item: "申请表(个人版)", State: ItemPresent}, {Item: "个人身份证原件复印件", State: ItemPresent}}
	incomplete := []Item{
		{Item: "申请表(个人版)", State: ItemDefective, Note: "未签字"},
		{Item: "个人身份证原件复印件", State: ItemMissing},
		{Item: "其他", State: ItemPresent},
	}
	tests := []struct {
		name    string
		from    Status
		to      Status
		items   []Item
		wantErr []string // parts of the message; nil when allowed
	}{
		// Every allowed move.
		{"received→accepted", StatusReceived, StatusAccepted, complete, nil},
		{"received→accepted, kind other", StatusReceived, StatusAccepted, nil, nil},
		{"received→returned", StatusReceived, StatusReturned, incomplete, nil},
		{"received→rejected", StatusReceived, StatusRejected, incomplete, nil},
		{"received→withdrawn", StatusReceived, StatusWithdrawn, incomplete, nil},
		{"returned→received", StatusReturned, StatusReceived, incomplete, nil},
		{"returned→withdrawn", StatusReturned, StatusWithdrawn, incomplete, nil},
		{"accepted→done", StatusAccepted, StatusDone, complete, nil},
		{"accepted→withdrawn", StatusAccepted, StatusWithdrawn, complete, nil},
		{"accepted→rejected (found unworkable)", StatusAccepted, StatusRejected, complete, nil},
		// Refused.
		{"accept incomplete", StatusReceived, StatusAccepted, incomplete,
			[]string{"材料不齐全,不能受理", "申请表(个人版):未签字", "缺少:个人身份证原件复印件"}},
		{"accept with nothing checked", StatusReceived, StatusAccepted, []Item{{Item: "申请表(企业版)", State: ItemMissing}},
			[]string{"缺少:申请表(企业版)"}},
		{"received→done", StatusReceived, StatusDone, complete, []string{"不能从“已登记”变更为“已办结”", "已受理"}},
		{"received→received", StatusReceived, StatusReceived, complete, []string{"不能从“已登记”变更为“已登记”"}},
		{"returned→accepted", StatusReturned, StatusAccepted, complete, []string{"不能从“退回补正”变更为“已受理”"}},
		{"returned→done", StatusReturned, StatusDone, complete, []string{"退回补正", "已办结"}},
		{"accepted→returned", StatusAccepted, StatusReturned, complete, []string{"已受理", "退回补正"}},
		{"accepted→received", StatusAccepted, StatusReceived, complete, []string{"已受理", "已登记"}},
		{"done→received", StatusDone, StatusReceived, complete, []string{"最终状态(已办结)"}},
		{"rejected→accepted", StatusRejected, StatusAccepted, complete, []string{"最终状态(不予受理)"}},
		{"withdrawn→received", StatusWithdrawn, StatusReceived, complete, []string{"最终状态(已撤回)"}},
		{"unknown target", StatusReceived, "finished", complete, []string{"案件状态“finished”无效", "received(已登记)"}},
		{"unknown source", "", StatusDone, complete, []string{"案件状态“”无效"}},
		{"label is not a code", "已登记", StatusAccepted, complete, []string{"案件状态“已登记”无效"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckMove(tt.from, tt.to, tt.items)
			if tt.wantErr == nil {
				if err != nil {
					t.Errorf("CheckMove = %v, want nil", err)
				}
				if !slices.Contains(Allowed(tt.from), tt.to) {
					t.Errorf("Allowed(%s) lacks %s", tt.from, tt.to)
				}
				return
			}
			if err == nil {
				t.Fatal("CheckMove = nil, want error")
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "其他") {
				t.Errorf("error %q mentions a present item", err)
			}
		})
	}
}

func TestFinalOpen(t *testing.T) {
	for _, s := range Statuses() {
		final := s == StatusDone || s == StatusRejected || s == StatusWithdrawn
		if s.Final() != final || s.Open() == final {
			t.Errorf("%s: Final %v Open %v", s, s.Final(), s.Open())
		}
		if s.Final() != (len(Allowed(s)) == 0) {
			t.Errorf("%s: Final disagrees with Allowed", s)
		}
	}
	if Status("x").Final() || Status("x").Open() {
		t.Error("unknown status is final or open")
	}
}

func TestCheckOutcome(t *testing.T) {
	tests := []struct {
		name     string
		kind     Kind
		to       Status
		note     string
		national bool
		wantErr  string
	}{
		{"reject with reason", KindDeregister, StatusRejected, "备案主体在外省", false, ""},
		{"reject without reason", KindPassword, StatusRejected, "  ", false, "不予受理必须写明原因"},
		{"deregistration done with record", KindDeregister, StatusDone, "", true, ""},
		{"deregistration done without record", KindDeregister, StatusDone, "", false, "备案管理系统"},
		{"conflict done without record", KindConflict, StatusDone, "", false, "备案管理系统"},
		{"password done without record", KindPassword, StatusDone, "", false, ""},
		{"withdraw without note", KindDeregister, StatusWithdrawn, "", false, ""},
	}
	for _, tt := range tests {
		err := CheckOutcome(tt.kind, tt.to, tt.note, tt.national)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.wantErr)
		}
	}
	// One definition of 办结 and open.
	for _, s := range Statuses() {
		if s.Concluded() != slices.Contains(ConcludedStatuses(), s) || s.Open() != slices.Contains(OpenStatuses(), s) {
			t.Errorf("%s: Concluded/Open disagree with their lists", s)
		}
	}
}
