package validate

import (
	"strings"
	"testing"
	"time"
)

// withID completes 17 digits with their check character.
func withID(body string) string { return body + string(IDCheckChar(body)) }

func pinNow(t *testing.T, y int, m time.Month, d int) {
	t.Helper()
	saved := now
	now = func() time.Time { return time.Date(y, m, d, 12, 0, 0, 0, china) }
	t.Cleanup(func() { now = saved })
}

func TestResidentID(t *testing.T) {
	pinNow(t, 2026, time.June, 15)
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr string // part of the message; "" for success
	}{
		{"known sample", "11010519491231002X", "11010519491231002X", ""},
		{"lower-case x", "11010519491231002x", "11010519491231002X", ""},
		{"spaces and full-width", " １１０１０５ 19491231 002Ｘ ", "11010519491231002X", ""},
		{"generated Taiyuan", withID("14010519850307123"), withID("14010519850307123"), ""},
		{"born today", withID("14010520260615001"), withID("14010520260615001"), ""},
		{"leap day", withID("14010520000229001"), withID("14010520000229001"), ""},
		{"Hong Kong resident", withID("81000019900101001"), withID("81000019900101001"), ""},
		{"empty", "  ", "", "为空"},
		{"short", "1101051949123100", "", "应为18位(实际16位)"},
		{"15-digit old number", "110105491231002", "", "应为18位"},
		{"letter inside", "1101051949123A002X", "", "第14位“A”"},
		{"X not last", "X10105194912310021", "", "第1位"},
		{"check digit", "110105194912310021", "", "校验位错误(应为X)"},
		{"region 0", withID("01010519850307123"), "", "地区码"},
		{"region 9", withID("91010519850307123"), "", "地区码"},
		{"region 19", withID("19010519850307123"), "", "地区码"},
		{"February 30", withID("14010519850230123"), "", "出生日期19850230"},
		{"before 1900", withID("14010518991231123"), "", "出生日期"},
		{"born tomorrow", withID("14010520260616001"), "", "出生日期"},
		{"not leap year", withID("14010519000229001"), "", "出生日期"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ResidentID(tt.in)
			if tt.wantErr == "" {
				if err != nil || got != tt.want {
					t.Errorf("ResidentID(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ResidentID(%q) = %q, want error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "身份证号码") {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

// Every single-digit typo in a valid number is caught.
func TestResidentIDTypos(t *testing.T) {
	id := "11010519491231002X"
	for i := range 17 {
		for c := byte('0'); c <= '9'; c++ {
			if c == id[i] {
				continue
			}
			typo := id[:i] + string(c) + id[i+1:]
			if _, err := ResidentID(typo); err == nil {
				t.Errorf("typo %s accepted", typo)
			}
		}
	}
}
