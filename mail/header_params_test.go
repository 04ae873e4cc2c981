package mail

import "testing"

func TestParseMediaHeader(t *testing.T) {
	tests := []struct {
		name, raw, value, key, want string
	}{
		{"simple", `text/plain; charset=gb2312`, "text/plain", "charset", "gb2312"},
		{"quoted, upper case", `Text/HTML; Charset="GBK"`, "text/html", "charset", "GBK"},
		{"comment and spaces", `text / plain (comment); charset = utf-8`, "text/plain", "charset", "utf-8"},
		{"RFC 2231 UTF-8", `attachment; filename*=UTF-8''%E6%B3%A8%E9%94%80.doc`, "attachment", "filename", "注销.doc"},
		{"RFC 2231 GBK", `attachment; filename*=GBK''%C9%EA%C7%EB%B1%ED.doc`, "attachment", "filename", "申请表.doc"},
		{"RFC 2231 gb2312 with GBK-only char", "attachment; filename*=gb2312'zh-cn'" + pct(gbk("喆.jpg")), "attachment", "filename", "喆.jpg"},
		{"RFC 2231 quoted", `attachment; filename*="utf-8''%E8%A1%A8.doc"`, "attachment", "filename", "表.doc"},
		{"RFC 2231 without charset", `attachment; filename*=''%E8%A1%A8.doc`, "attachment", "filename", "表.doc"},
		{"extended beats plain", `attachment; filename="fallback.doc"; filename*=utf-8''%E8%A1%A8.doc`, "attachment", "filename", "表.doc"},
		{"continuations extended, split in a character", `attachment; filename*0*=utf-8''%E6%B3; filename*1*=%A8.doc`, "attachment", "filename", "注.doc"},
		{"continuations quoted", `attachment; filename*0="a b"; filename*1="c.doc"`, "attachment", "filename", "a bc.doc"},
		{"continuations out of order", `attachment; filename*1="2.doc"; filename*0="1"`, "attachment", "filename", "12.doc"},
		{"continuations mixed", `attachment; filename*0*=utf-8''%E8%A1%A8; filename*1=".doc"`, "attachment", "filename", "表.doc"},
		{"continuations holding an encoded word", `attachment; filename*0="=?UTF-8?B?5rOo6ZSA?="; filename*1=".doc"`, "attachment", "filename", "注销.doc"},
		{"encoded word in quotes", `attachment; filename="` + bWord("GBK", gbk("营业执照.jpg")) + `"`, "attachment", "filename", "营业执照.jpg"},
		{"encoded word unquoted", `attachment; filename=` + bWord("utf-8", "营业执照.jpg"), "attachment", "filename", "营业执照.jpg"},
		{"raw GBK with 0x5C second byte", `attachment; filename="` + gbk("塡表.doc") + `"`, "attachment", "filename", "塡表.doc"},
		{"raw UTF-8 unquoted with spaces", `attachment; filename=营业 执照.jpg; size=3`, "attachment", "filename", "营业 执照.jpg"},
		{"Windows path keeps backslashes", `attachment; filename="C:\Users\a\表.doc"`, "attachment", "filename", `C:\Users\a\表.doc`},
		{"escaped quote", `attachment; filename="say \"hi\".txt"`, "attachment", "filename", `say "hi".txt`},
		{"unterminated quote", `attachment; filename="broken.doc`, "attachment", "filename", "broken.doc"},
		{"percent-encoded plain value", `attachment; filename="%E8%A1%A8.doc"`, "attachment", "filename", "表.doc"},
		{"percent sign in ASCII name kept", `attachment; filename="100%25.txt"`, "attachment", "filename", "100%25.txt"},
		{"stray semicolons and junk", `attachment;; junk; filename=a.doc;`, "attachment", "filename", "a.doc"},
		{"boundary with specials", `multipart/mixed; boundary="----=_Part_1_2.3"`, "multipart/mixed", "boundary", "----=_Part_1_2.3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := parseMediaHeader([]byte(tt.raw))
			if m.value != tt.value {
				t.Errorf("value = %q, want %q", m.value, tt.value)
			}
			if got := m.params[tt.key]; got != tt.want {
				t.Errorf("%s = %q, want %q (params %q)", tt.key, got, tt.want, m.params)
			}
		})
	}
}
