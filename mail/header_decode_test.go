package mail

import "testing"

func TestDecodeHeaderText(t *testing.T) {
	nihao := gbk("你好")
	tests := []struct {
		name, raw, want string
	}{
		{"plain ASCII", "Hello  world", "Hello world"},
		{"gb2312 B with GBK-only chars", bWord("gb2312", gbk("王喆堃镕")), "王喆堃镕"},
		{"gb2312 B with 4-byte GB18030", bWord("gb2312", gbk("㐀𠀀")), "㐀𠀀"},
		{"split inside a GBK character", "=?gb2312?B?xOO=?= =?gb2312?B?usM=?=", "你好"},
		{"split across folded lines", bWord("gb2312", nihao[:1]) + "\r\n " + bWord("gb2312", nihao[1:]), "你好"},
		{"split inside a UTF-8 character", bWord("utf-8", "备案"[:4]) + " " + bWord("UTF-8", "备案"[4:]), "备案"},
		{"split inside a base64 group", "=?utf-8?B?5rO?= =?utf-8?B?o6ZSA?=", "注销"},
		{"Q split inside a character", "=?gbk?Q?=D7?= =?gbk?Q?=A2=CF=FA?=", "注销"},
		{"Q underscores", "=?utf-8?q?a_b=20c?=", "a b c"},
		{"different charsets are not joined", bWord("gbk", gbk("你")) + " " + bWord("utf-8", "好"), "你好"},
		{"space between word and text kept", bWord("utf-8", "备案") + " 申请", "备案 申请"},
		{"word glued to text", "Re:" + bWord("utf-8", "备案") + "申请", "Re:备案申请"},
		{"raw UTF-8", "营业执照", "营业执照"},
		{"raw GBK", gbk("营业执照喆"), "营业执照喆"},
		{"raw GBK with encoded word", gbk("回复：") + bWord("utf-8", "申请"), "回复：申请"},
		{"euc-cn label", bWord("euc-cn", gbk("喆")), "喆"},
		{"charset with language", "=?utf-8*zh?B?" + b64("中文") + "?=", "中文"},
		{"missing padding", "=?utf-8?B?5Lit5paH?=", "中文"},
		{"malformed word kept", "=?utf-8?X?abc?=", "=?utf-8?X?abc?="},
		{"unterminated word kept", "=?utf-8?B?5Lit", "=?utf-8?B?5Lit"},
		{"big5", bWord("big5", big5("臺灣")), "臺灣"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problems := decodeHeaderText([]byte(tt.raw))
			if got != tt.want {
				t.Errorf("decodeHeaderText(%q) = %q, want %q", tt.raw, got, tt.want)
			}
			if len(problems) > 0 {
				t.Errorf("unexpected problems %q", problems)
			}
		})
	}
}

func TestDecodeHeaderUnknownCharset(t *testing.T) {
	got, problems := decodeHeaderText([]byte(bWord("x-klingon", gbk("喆"))))
	if got != "喆" || len(problems) != 1 {
		t.Errorf("got %q, %q; want 喆 and one problem", got, problems)
	}
	if DecodeHeader(bWord("x-klingon", "好")) != "好" {
		t.Error("DecodeHeader: unknown charset with UTF-8 bytes not decoded as UTF-8")
	}
}
