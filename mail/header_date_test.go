package mail

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		raw, want string // want in RFC 3339, "" for no match
	}{
		{"Mon, 15 Jan 2024 10:30:00 +0800", "2024-01-15T10:30:00+08:00"},
		{"15 Jan 2024 10:30:00 +0800 (CST)", "2024-01-15T10:30:00+08:00"},
		{"Mon, 15 Jan 2024 10:30 +0800", "2024-01-15T10:30:00+08:00"},
		{"Mon, 15 Jan 2024 10:30:00 GMT+08:00", "2024-01-15T10:30:00+08:00"},
		{"Mon, 15 Jan 2024 10:30:00 GMT+8", "2024-01-15T10:30:00+08:00"},
		{"Monday, 15 Jan 2024 10:30:00 +0800", "2024-01-15T10:30:00+08:00"},
		{"Mon Jan 15 10:30:00 2024", "2024-01-15T10:30:00+08:00"},
		{"2024-01-15 10:30:00", "2024-01-15T10:30:00+08:00"},
		{"2024-01-15T02:30:00Z", "2024-01-15T02:30:00Z"},
		{"2024年1月15日 10:30", "2024-01-15T10:30:00+08:00"},
		{"Mon, 15 Jan 2024 10:30:00", "2024-01-15T10:30:00+08:00"},
		{"昨天下午", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.raw)
		if tt.want == "" {
			if ok {
				t.Errorf("parseDate(%q) = %v, want no match", tt.raw, got)
			}
			continue
		}
		want, _ := time.Parse(time.RFC3339, tt.want)
		if !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.raw, got, ok, want)
		}
	}
}

func TestCleanMessageID(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"<a.b@c>", "a.b@c"},
		{"  <a.b@c> (comment)", "a.b@c"},
		{"a.b@c", "a.b@c"},
		{"<a@b> <c@d>", "a@b"},
		{"<a@b", "a@b"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanMessageID(tt.raw); got != tt.want {
			t.Errorf("cleanMessageID(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
