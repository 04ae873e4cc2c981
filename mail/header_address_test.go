package mail

import (
	"reflect"
	"testing"
)

func TestParseAddressList(t *testing.T) {
	tests := []struct {
		name, raw string
		want      []mailbox
	}{
		{"bare", "Zhang@Example.CN", []mailbox{{"", "zhang@example.cn"}}},
		{"name and angle", `张三 <zs@example.cn>`, []mailbox{{"张三", "zs@example.cn"}}},
		{"quoted encoded word", `"` + bWord("gb2312", gbk("李喆")) + `" <lz@example.cn>`, []mailbox{{"李喆", "lz@example.cn"}}},
		{"split encoded word", "=?gb2312?B?xOO=?= =?gb2312?B?usM=?= <a@b.cn>", []mailbox{{"你好", "a@b.cn"}}},
		{"raw GBK with @ second byte", gbk("王丂") + " <w@example.cn>", []mailbox{{"王丂", "w@example.cn"}}},
		{"comment name", "a@b.cn (王五)", []mailbox{{"王五", "a@b.cn"}}},
		{"list with semicolons", "a@b.cn; \"x, y\" <c@d.cn>,e@f.cn", []mailbox{{"", "a@b.cn"}, {"x, y", "c@d.cn"}, {"", "e@f.cn"}}},
		{"group", "undisclosed-recipients:;", nil},
		{"group with members", "team: a@b.cn, c@d.cn;", []mailbox{{"", "a@b.cn"}, {"", "c@d.cn"}}},
		// Kept as written, as Python does: the sender chose to show the address.
		{"name equals address", `"a@b.cn" <a@b.cn>`, []mailbox{{"a@b.cn", "a@b.cn"}}},
		// Issue 11, defect 4 and 6.
		{"apostrophe ends quoted name", `"Chris Jones'" <cj@x.org>`, []mailbox{{"Chris Jones'", "cj@x.org"}}},
		{"single-quoted name", `'Chris Jones' <cj@x.org>`, []mailbox{{"Chris Jones", "cj@x.org"}}},
		{"unbracketed name and address", `郭敏 guomin@example.cn`, []mailbox{{"郭敏", "guomin@example.cn"}}},
		{"unbracketed two-word name", `Jan Novak jan@example.cz`, []mailbox{{"Jan Novak", "jan@example.cz"}}},
		{"encoded word with spaces", `=?UTF-8?Q? Jan_Pol=C3=A1=C5=A1ek ?= via Mailman <list@example.org>`, []mailbox{{"Jan Polášek via Mailman", "list@example.org"}}},
		{"unclosed angle", "张三 <zs@example.cn", []mailbox{{"张三", "zs@example.cn"}}},
		{"mailto", "<mailto:a@b.cn>", []mailbox{{"", "a@b.cn"}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseAddressList([]byte(tt.raw)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseAddressList(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}
