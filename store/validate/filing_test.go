package validate

import (
	"slices"
	"strings"
	"testing"
)

func TestParseFiling(t *testing.T) {
	tests := []struct {
		in      string
		want    Filing
		canon   string
		wantErr string
	}{
		{"晋ICP备12345678号", Filing{"晋", "12345678", 0, false, false}, "晋ICP备12345678号", ""},
		{"晋ICP备12345678号-1", Filing{"晋", "12345678", 1, false, false}, "晋ICP备12345678号-1", ""},
		{"晋ICP备12345678号-12A", Filing{"晋", "12345678", 12, true, false}, "晋ICP备12345678号-12A", ""},
		{"晋icp备12345678号-2a", Filing{"晋", "12345678", 2, true, false}, "晋ICP备12345678号-2A", ""},
		{" 晋ＩＣＰ备１２３４５６７８号－３ ", Filing{"晋", "12345678", 3, false, false}, "晋ICP备12345678号-3", ""},
		{"晋ICP备12345678号—3", Filing{"晋", "12345678", 3, false, false}, "晋ICP备12345678号-3", ""},
		{"晋 ICP 备 2021001234 号", Filing{"晋", "2021001234", 0, false, false}, "晋ICP备2021001234号", ""},
		{"晋ICP备123456号", Filing{"晋", "123456", 0, false, false}, "晋ICP备123456号", ""},
		{"晋ICP备12345678", Filing{"晋", "12345678", 0, false, false}, "晋ICP备12345678号", ""},
		{"京ICP备05000001号-1", Filing{"京", "05000001", 1, false, false}, "京ICP备05000001号-1", ""},
		{"", Filing{}, "", "为空"},
		{"晋ICP备12345号", Filing{}, "", "6–10位(实际5位)"},
		{"晋ICP备12345678901号", Filing{}, "", "6–10位(实际11位)"},
		{"晋ICP证12345678号", Filing{}, "", "ICP经营许可证"},
		{"港ICP备12345678号", Filing{}, "", "省份简称“港”"},
		{"ICP备12345678号", Filing{}, "", "格式错误"},
		{"晋ICP备12345678号-0", Filing{}, "", "序号“0”"},
		{"晋ICP备12345678号-", Filing{}, "", "格式错误"},
		{"晋ICP备12345678号-1B", Filing{}, "", "格式错误"},
		// Mini-programs (小程序) carry an X suffix.
		{"晋ICP备12345678号-3X", Filing{"晋", "12345678", 3, false, true}, "晋ICP备12345678号-3X", ""},
		{"晋ICP备12345678号-3x", Filing{"晋", "12345678", 3, false, true}, "晋ICP备12345678号-3X", ""},
		{"晋ICP备12345678号-3AX", Filing{}, "", "格式错误"},
		{"晋ICP备1234a678号", Filing{}, "", "格式错误"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFiling(tt.in)
			if tt.wantErr == "" {
				if err != nil || got != tt.want || got.String() != tt.canon {
					t.Errorf("ParseFiling(%q) = %#v (%s), %v; want %#v (%s)", tt.in, got, got, err, tt.want, tt.canon)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseFiling(%q) = %#v, want error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "备案号") {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestFilingWarning(t *testing.T) {
	if w := FilingWarning(Filing{Province: "晋", Number: "12345678"}); w != "" {
		t.Errorf("warning for 晋: %q", w)
	}
	for _, p := range strings.Split("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘蒙陕吉闽贵粤青藏川宁琼", "") {
		f, err := ParseFiling(p + "ICP备12345678号-1")
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		w := FilingWarning(f)
		if !strings.Contains(w, "外省") || !strings.Contains(w, provinceNames[p]) || !strings.Contains(w, f.String()) {
			t.Errorf("%s: warning %q", p, w)
		}
	}
}

func TestFindFilings(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"none", "您好,请帮忙注销备案。", nil},
		{"several, de-duplicated, in order",
			"申请注销晋ICP备12345678号-1和晋ICP备12345678号-2A,另见晋ICP备12345678号-1;主体京ICP备05000001号。",
			[]string{"晋ICP备12345678号-1", "晋ICP备12345678号-2A", "京ICP备05000001号"}},
		{"full-width and spaces", "备案号:晋ＩＣＰ备 １２３４５６７８ 号－３", []string{"晋ICP备12345678号-3"}},
		{"lower case, no 号", "晋icp备2021001234 网站", []string{"晋ICP备2021001234号"}},
		{"licence numbers ignored", "京ICP证000001号", nil},
		{"unknown prefix ignored", "港ICP备12345678号", nil},
		{"too many digits without 号", "晋ICP备123456789012", nil},
		{"site run-on digits drop the suffix", "晋ICP备12345678号-123456", []string{"晋ICP备12345678号"}},
		{"suffix -0 dropped", "晋ICP备12345678号-0", []string{"晋ICP备12345678号"}},
		{"a word after A is not an APP suffix", "晋ICP备12345678号-1Apple", []string{"晋ICP备12345678号-1"}},
		{"mini-program suffix", "小程序晋ICP备12345678号-3X及APP晋icp备12345678号-2a", []string{"晋ICP备12345678号-3X", "晋ICP备12345678号-2A"}},
		{"a word after X is not a mini-program suffix", "晋ICP备12345678号-1Xbox", []string{"晋ICP备12345678号-1"}},
		{"line break between number and suffix", "晋ICP备12345678号\n-1", []string{"晋ICP备12345678号"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindFilings(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindFilings(%q) = %q, want %q", tt.text, got, tt.want)
			}
			for _, s := range got {
				if _, err := ParseFiling(s); err != nil {
					t.Errorf("found %q does not parse: %v", s, err)
				}
			}
		})
	}
}
