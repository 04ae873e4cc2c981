package mail

import (
	"io"
	"strings"
	"testing"
)

func TestDecodeCharset(t *testing.T) {
	tests := []struct {
		label, raw, want string
		problem          bool
	}{
		{"gb2312", gbk("喆堃镕㐀𠀀"), "喆堃镕㐀𠀀", false},
		{"GBK", gbk("喆"), "喆", false},
		{"x-gbk", gbk("喆"), "喆", false},
		{"cp936", gbk("喆"), "喆", false},
		{"euc-cn", gbk("喆"), "喆", false},
		{"GB_2312-80", gbk("喆"), "喆", false},
		{`"csGB2312"`, gbk("喆"), "喆", false},
		{"gb18030", gbk("𠀀"), "𠀀", false},
		{"big5", big5("臺灣"), "臺灣", false},
		{"hz-gb-2312", hz("你好"), "你好", false},
		{"iso-8859-1", "caf\xe9", "café", false},
		{"windows-1252", "\x93q\x94", "“q”", false},
		{"shift_jis", "\x93\xfa\x96\x7b", "日本", false},
		{"utf-8", "中文", "中文", false},
		{"", gbk("中文"), "中文", false},
		{"us-ascii", gbk("中文"), "中文", false},
		{"utf-8", gbk("其实是 GBK"), "其实是 GBK", true},
		// Issue 11, defect 3: keep what is valid UTF-8; a lone stray byte is Windows-1252.
		{"utf-8", "中文\xff", "中文ÿ", true},
		{"utf-8", "申请注销 " + gbk("晋ICP备") + " 网站", "申请注销 晋ICP备 网站", true},
		{"", "It\x92s caf\xe9", "It’s café", false},
		// Issue 11, defect 2: the declared charset wins when the bytes are valid in it.
		{"iso-8859-1", gbk("中文"), "ÖÐÎÄ", false},
		{"big5", "中文", "中文", true},
		// Issue 11, defect 6: aliases and UTF-7.
		{"437", "\x82\x9a", "éÜ", false},
		{"cp850", "\x82", "é", false},
		{"utf-7", "Hi Mom -+Jjo--!", "Hi Mom -☺-!", false},
		{"utf-7", "+ZeVnLIqe-", "日本語", false},
		{"x-klingon", "中文", "中文", true},
		{"x-klingon", gbk("中文"), "中文", true},
		{"replacement", gbk("中文"), "中文", true},
	}
	for _, tt := range tests {
		got, problem := decodeCharset(tt.label, []byte(tt.raw))
		if got != tt.want || (problem != "") != tt.problem {
			t.Errorf("decodeCharset(%q, %q) = %q, %q; want %q, problem %v", tt.label, tt.raw, got, problem, tt.want, tt.problem)
		}
	}
}

func TestDecodeCharsetTruncatedUTF8(t *testing.T) {
	// A UTF-8 text cut in the middle of its last character must stay UTF-8.
	raw := []byte("备案文本备案文本")
	got, _ := decodeCharset("utf-8", raw[:len(raw)-1])
	if !strings.HasPrefix(got, "备案文本备案文") {
		t.Errorf("got %q", got)
	}
}

func TestCharsetReader(t *testing.T) {
	r, err := CharsetReader("gb2312", strings.NewReader(gbk("喆𠀀")))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	if string(b) != "喆𠀀" {
		t.Errorf("CharsetReader(gb2312) read %q", b)
	}
	if _, err := CharsetReader("x-klingon", strings.NewReader("")); err == nil {
		t.Error("CharsetReader accepted an unknown charset")
	}
}

// TestGuessJapaneseOrBig5 checks the undeclared Shift_JIS and Big5 guess (bytes
// from spam-1-00263 and spam-2-00706 of testdata/realworld) and that Western
// text with lone accented letters, and GB2312, do not set it off.
func TestGuessJapaneseOrBig5(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"\x82\xe0\x82\xe0\x82\xaa\x82\xcd\x82\xb6\x82\xaf\x82\xc4\x82\xd4\x82\xc7\x82\xa4\x82\xaa\x82\xe4\x82\xea\x82\xe9", "ももがはじけてぶどうがゆれる"},
		{"\xa4O\xb1\xb6\xac\xec\xa7\xde@mx.serv.net", "力捷科技@mx.serv.net"},
		{"\xa4\xa3\xa6n\xb7N\xab\xe4\xa5\xb4\xc5\xcd\xb1z", "不好意思打攪您"},
		{"Le dernier sondage avant les \xe9lections", "Le dernier sondage avant les élections"},
		{"It\xeds for people who enjoy", "Itís for people who enjoy"},
		{"M\xfcller Stra\xdfe \xe0 c\xf4t\xe9", "Müller Straße à côté"},
		{"\xb5\xe7\xd7\xd3\xd3\xca\xbc\xfe", "电子邮件"}, // GB2312 stays GB18030
		// Windows-1252 punctuation and no-break spaces are not GB18030 pairs
		// (easy-ham-1-02333, spam-2-00028).
		{"\x93But analysts say\x85\x94 Four", "“But analysts say…” Four"},
		{"Issue #422\xa0\xa0<b>x\xa0\xa0\xa0\xa0y", "Issue #422\u00a0\u00a0<b>x\u00a0\u00a0\u00a0\u00a0y"},
	} {
		if got := decodeGuess([]byte(c.in)); got != c.want {
			t.Errorf("decodeGuess(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
