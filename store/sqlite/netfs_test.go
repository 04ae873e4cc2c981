package sqlite

import (
	"errors"
	"strings"
	"testing"
)

func TestIsUNC(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{`\\fileserver\822\beiandesk.db`, true},
		{`//fileserver/822/beiandesk.db`, true},
		{`\\?\UNC\fileserver\822\beiandesk.db`, true},
		{`\\?\C:\data\beiandesk.db`, false},
		{`\\.\C:\beiandesk.db`, false},
		{`C:\Users\li\AppData\Roaming\beiandesk\beiandesk.db`, false},
		{`/home/li/.config/beiandesk/beiandesk.db`, false},
		{`beiandesk.db`, false},
		{`\\`, false},
	}
	for _, tt := range tests {
		if got := isUNC(tt.path); got != tt.want {
			t.Errorf("isUNC(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestUNCPathRefused(t *testing.T) {
	err := checkLocal(`\\fileserver\822\beiandesk.db`)
	var ne *NetworkShareError
	if !errors.As(err, &ne) || !errors.Is(err, ErrNetworkShare) {
		t.Fatalf("UNC path: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "网络共享") || !strings.Contains(msg, "服务器") {
		t.Errorf("message %q", msg)
	}
}
