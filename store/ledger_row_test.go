package store

import (
	"testing"

	"beiandesk/store/rules"
)

// The ledger's duplicate rule, as both back ends apply it to the cases of
// the same sponsor and day.
func TestSameLedgerRequest(t *testing.T) {
	f1, f2 := []string{"京ICP备12345678号"}, []string{"京ICP备87654321号"}
	d1, d2 := []string{"a.cn"}, []string{"b.cn"}
	for _, tc := range []struct {
		name                     string
		rowF, rowD, caseF, caseD []string
		want                     bool
	}{
		{"same filing", f1, nil, f1, nil, true},
		{"other filing", f1, nil, f2, nil, false},
		{"filing beats domain", f1, d1, f2, d1, false},
		{"same domain, no filing", nil, d1, nil, d1, true},
		{"same domain, case has a filing", nil, d1, f1, d1, false},
		{"other domain", nil, d1, nil, d2, false},
		{"neither on both", nil, nil, nil, nil, true},
		{"neither on the row only", nil, nil, nil, d1, false},
	} {
		if got := SameLedgerRequest(tc.rowF, tc.rowD, tc.caseF, tc.caseD); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// SplitCaseNumber reads what CaseNumber writes, and nothing else.
func TestSplitCaseNumber(t *testing.T) {
	n := CaseNumber(rules.KindDeregister, 2026, 7)
	p, y, s, ok := SplitCaseNumber(n)
	if !ok || p != NumberPrefix(rules.KindDeregister) || y != 2026 || s != 7 {
		t.Fatalf("SplitCaseNumber(%q) = %q, %d, %d, %v", n, p, y, s, ok)
	}
	for _, bad := range []string{"", "ZX-2026", "ZX-年-0001", "ZX-2026-0001-2"} {
		if _, _, _, ok := SplitCaseNumber(bad); ok {
			t.Errorf("SplitCaseNumber(%q) accepted", bad)
		}
	}
}

// An unset or unreadable deadline setting falls back to the kind's default.
func TestDeadlineDaysOf(t *testing.T) {
	def := rules.DefaultDeadlineDays(rules.KindPassword)
	for v, want := range map[string]int{"": def, "x": def, "0": 0, "15": 15} {
		if got := DeadlineDaysOf(rules.KindPassword, v); got != want {
			t.Errorf("DeadlineDaysOf(%q) = %d, want %d", v, got, want)
		}
	}
}
