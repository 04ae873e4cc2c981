package validate

import (
	"strings"
	"testing"
)

func TestDomain(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{"example.com", "example.com", ""},
		{"WWW.Example.COM", "www.example.com", ""},
		{"https://www.example.com.cn/path/page.html?q=1#top", "www.example.com.cn", ""},
		{"HTTP://example.cn:8080/", "example.cn", ""},
		{"example.com.", "example.com", ""},
		{" ｅｘａｍｐｌｅ．ｃｎ ", "example.cn", ""},
		{"山西通信.中国", "xn--vuq091awi9ajsf.xn--fiqs8s", ""},
		{"https://例子.公司/", "xn--fsqu00a.xn--55qx5d", ""},
		{"a-b.top", "a-b.top", ""},
		{"", "", "为空"},
		{"localhost", "", "缺少顶级域"},
		{"example.con", "", "顶级域“.con”"},
		{"申请表.doc", "", "顶级域“.doc”"},
		{"192.168.1.1", "", "IP地址"},
		{"http://[::1]:80/", "", "IP地址"},
		{"user@example.com", "", "电子邮件"},
		{"exa mple.com", "", "不允许的字符"},
		{"exa_mple.com", "", "不允许的字符"},
		{"-example.com", "", "不允许的字符"},
		{"example..com", "", "“example..com”中有空段"},
		{".example.com", "", "“.example.com”中有空段"},
		{strings.Repeat("a", 64) + ".com", "", "1–63"},
		// Bare public suffixes are registries' zones, not filed names.
		{"com.cn", "", "公共后缀"},
		{"gov.cn", "", "公共后缀"},
		{"sx.cn", "", "公共后缀"},
		{"http://www.gov.cn/", "www.gov.cn", ""},
		{"example.sx.cn", "example.sx.cn", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Domain(tt.in)
			if tt.wantErr == "" {
				if err != nil || got != tt.want {
					t.Errorf("Domain(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Domain(%q) = %q, want error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "域名") {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestDomainUnicode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"xn--vuq091awi9ajsf.xn--fiqs8s", "山西通信.中国"},
		{"www.example.com", "www.example.com"},
		{"xn--zz", "xn--zz"}, // undecodable: unchanged
	}
	for _, tt := range tests {
		if got := DomainUnicode(tt.in); got != tt.want {
			t.Errorf("DomainUnicode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Round trip.
	for _, u := range []string{"山西通信.中国", "例子.公司", "bücher.de"} {
		a, err := Domain(u)
		if err != nil {
			t.Fatal(err)
		}
		if got := DomainUnicode(a); got != u {
			t.Errorf("round trip of %q gives %q", u, got)
		}
	}
}

func TestSearchTerm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"www.example.com", "example.com"},
		{"WWW.Example.com", "example.com"},
		{"https://www.example.com/a?b", "example.com"},
		{"http://example.com/", "example.com"},
		{"example.com", "example.com"},
		{" 太原某某公司 ", "太原某某公司"},
		{"www", "www"},
		{"www.cn", "www.cn"}, // nothing left to find once www. is gone
		{"晋ICP备12345678号", "晋ICP备12345678号"},
	}
	for _, tt := range tests {
		if got := SearchTerm(tt.in); got != tt.want {
			t.Errorf("SearchTerm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
