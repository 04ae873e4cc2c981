package sqlite

import (
	"reflect"
	"testing"

	"beiandesk/store/workday"
)

func TestJSONStrings(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"[]", nil},
		{`["晋ICP备12345678号-1"]`, []string{"晋ICP备12345678号-1"}},
		{`["a.cn","b.cn"]`, []string{"a.cn", "b.cn"}},
		{`["a\"b","c"]`, []string{`a"b`, "c"}}, // escapes go to encoding/json
		{`["a\u0026b"]`, []string{"a&b"}},      // as json.Marshal writes &
		{`[ "a" , "b" ]`, []string{"a", "b"}},  // not the store's spacing
		{`not json`, []string{"not json"}},     // shown rather than lost
	}
	for _, tt := range tests {
		if got := jsonStrings(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("jsonStrings(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDay(t *testing.T) {
	for _, s := range []string{"2026-10-08", "2026-02-28", "2028-02-29", "2026-12-31", "2026-01-01"} {
		got, err := parseDay(s)
		want, _ := workday.ParseDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseDay(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "2026-02-30", "2026-13-01", "2026-1-08", "２０２６-10-08", "2026/10/08"} {
		if _, err := parseDay(s); err == nil {
			t.Errorf("parseDay(%q) accepted", s)
		}
	}
}
