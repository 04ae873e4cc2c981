package mail

import "testing"

func TestHTMLToText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>一</p><p>二</p>", "一\n二"},
		{"line break", "a<br>b<br/>c", "a\nb\nc"},
		{"script and style dropped", "<script>var x = 1;</script><style>p{}</style>正文", "正文"},
		{"title dropped, head kept", "<head><title>T</title><meta charset=gbk></head>text", "text"},
		{"unclosed head does not hide the body", "<html><head><body>正文", "正文"},
		{"unclosed script hides the rest", "before<script>hidden", "before"},
		{"entities", "A &amp; B &lt;C&gt; &quot;q&quot; &#x4E2D;&#25991; &copy;", `A & B <C> "q" 中文 ©`},
		{"nbsp", "a&nbsp;&nbsp;b", "a b"},
		{"white space collapsed", "  a \n\t b  ", "a b"},
		{"inline elements join", "<b>粗</b><i>斜</i> <span>体</span>", "粗斜 体"},
		{"table cells", "<table><tr><td>主办单位</td><td>某公司</td></tr><tr><td>a</td><td>b</td></tr></table>", "主办单位 某公司\na b"},
		{"list items", "<ul><li>one</li><li>two</li></ul>", "one\ntwo"},
		{"pre keeps layout", "<pre>a  b\n  c</pre>", "a  b\n  c"},
		{"blank lines collapsed", "<div>a</div><div></div><div></div><div>b</div>", "a\nb"},
		{"comments dropped", "a<!-- hidden -->b", "ab"},
		{"broken markup", "<p>a<div <b>b</p></td>c", "a\nb\nc"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlToText(tt.in); got != tt.want {
				t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSniffHTMLCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "gb2312"},
		{`<meta charset="GBK">`, "GBK"},
		{`<META CHARSET=utf-8>`, "utf-8"},
		{`<p>charset=gbk</p>`, ""},
	}
	for _, tt := range tests {
		if got := sniffHTMLCharset([]byte(tt.in)); got != tt.want {
			t.Errorf("sniffHTMLCharset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
