package validate

import (
	"strings"
	"testing"
)

func withUSCC(body string) string { return body + string(USCCCheckChar(body)) }

func TestUSCC(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr string
	}{
		{"known sample", "91350100M000100Y43", "91350100M000100Y43", ""},
		{"lower case and spaces", " 91350100m000100y43 ", "91350100M000100Y43", ""},
		{"full-width", "９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43", ""},
		{"generated company", withUSCC("91140100MA0K12345"), withUSCC("91140100MA0K12345"), ""},
		{"generated all digits", withUSCC("12140000405001234"), withUSCC("12140000405001234"), ""},
		{"empty", "", "", "为空"},
		{"short", "91350100M000100Y4", "", "应为18位(实际17位)"},
		{"letter I", "91350100I000100Y43", "", "第9位“I”"},
		{"letter O", "91350100M000100O43", "", "第16位“O”"},
		{"letters S V Z", "S1350100M000100Y43", "", "第1位“S”"},
		{"punctuation", "91350100-000100Y43", "", "第9位"},
		{"region letters", withUSCC("9135A100M000100Y4"), "", "行政区划码"},
		{"check character", "91350100M000100Y44", "", "校验位错误(应为3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := USCC(tt.in)
			if tt.wantErr == "" {
				if err != nil || got != tt.want {
					t.Errorf("USCC(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("USCC(%q) = %q, want error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "统一社会信用代码") {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

// The check character is at least as strong as claimed: every substitution
// of one character is caught.
func TestUSCCTypos(t *testing.T) {
	code := "91350100M000100Y43"
	for i := range 17 {
		for _, c := range []byte(usccAlphabet) {
			if c == code[i] {
				continue
			}
			typo := code[:i] + string(c) + code[i+1:]
			if _, err := USCC(typo); err == nil {
				t.Errorf("typo %s accepted", typo)
			}
		}
	}
}

func TestCertNo(t *testing.T) {
	pinNow(t, 2026, 6, 15)
	digitsUSCC := withUSCC("12140000405001234")
	tests := []struct {
		name     string
		in       string
		kind     string
		norm     string
		wantErrs []string
	}{
		{"company", "91350100m000100y43", KindUSCC, "91350100M000100Y43", nil},
		{"person", "11010519491231002x", KindID, "11010519491231002X", nil},
		{"all-digit credit code", digitsUSCC, KindUSCC, digitsUSCC, nil},
		{"letters: credit code errors only", "91350100M000100Y44", "", "", []string{"统一社会信用代码校验位"}},
		{"digits: both named", "110105194912310021", "", "", []string{"统一社会信用代码", "身份证号码校验位错误(应为X)"}},
		{"wrong length", "1234", "", "", []string{"统一社会信用代码或身份证号码", "实际4位"}},
		{"empty", " ", "", "", []string{"为空"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, norm, err := CertNo(tt.in)
			if tt.wantErrs == nil {
				if err != nil || kind != tt.kind || norm != tt.norm {
					t.Errorf("CertNo(%q) = %q, %q, %v; want %q, %q", tt.in, kind, norm, err, tt.kind, tt.norm)
				}
				return
			}
			if err == nil {
				t.Fatalf("CertNo(%q) = %q, %q; want error", tt.in, kind, norm)
			}
			for _, w := range tt.wantErrs {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// The first two characters follow GB 32100's tables of registration
// authorities and organisation types.
func TestUSCCAuthorityAndType(t *testing.T) {
	tests := []struct {
		body    string
		wantErr string
	}{
		{"11140000012345678", ""}, // 机构编制 · 机关
		{"12140000405001234", ""}, // 机构编制 · 事业单位
		{"51140000MJ0000000", ""}, // 民政 · 社会团体
		{"52140000MJ0000000", ""}, // 民政 · 民办非企业单位
		{"91140100MA0K12345", ""}, // 工商 · 企业
		{"92140100MA0K12345", ""}, // 工商 · 个体工商户
		{"93140100MA0K12345", ""}, // 工商 · 农民专业合作社
		{"Y1140100MA0K12345", ""}, // 其他
		{"N2140100MA0K12345", ""}, // 农业 · 村级集体经济组织
		{"94140100MA0K12345", "前两位“94”"},
		{"Y2140100MA0K12345", "前两位“Y2”"},
		{"14140000012345678", "前两位“14”"},
		{"B1140100MA0K12345", "登记管理部门代码“B”"},
		{"01140100MA0K12345", "登记管理部门代码“0”"},
	}
	for _, tt := range tests {
		code := withUSCC(tt.body)
		_, err := USCC(code)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("USCC(%s): %v", code, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("USCC(%s) = %v, want error with %q", code, err, tt.wantErr)
		}
	}
}

func TestCity(t *testing.T) {
	tests := []struct{ cert, want string }{
		{withUSCC("91140100MA0K12345"), "太原"},
		{withUSCC("91141100MA0K12345"), "吕梁"},
		{withUSCC("91140802MA0K12345"), "运城"},
		{withUSCC("91140000MA0K12345"), CityUnknown}, // province level
		{"91350100M000100Y43", CityUnknown},          // 福建
		{withID("14010219800101123"), "太原"},
		{withID("14100219800101123"), "临汾"},
		{withID("11010519491231002"), CityUnknown},
		{"", CityUnknown},
		{"garbage", CityUnknown},
	}
	for _, tt := range tests {
		if got := City(tt.cert); got != tt.want {
			t.Errorf("City(%q) = %q, want %q", tt.cert, got, tt.want)
		}
	}
	if c := Cities(); len(c) != 12 || c[0] != "太原" || c[10] != "吕梁" || c[11] != CityUnknown {
		t.Errorf("Cities() = %q", c)
	}
}
