//go:build linux

package sqlite

import (
	"path/filepath"
	"testing"
)

func TestNetworkFSMagic(t *testing.T) {
	tests := []struct {
		magic  int64
		kind   string
		remote bool
	}{
		{0x6969, "nfs", true},
		{0x517B, "smb", true},
		{0xFF534D42, "cifs", true},
		{int64(int32(-0xACB2BE)), "cifs", true}, // 0xFF534D42 as a signed 32-bit field
		{0xFE534D42, "smb2", true},
		{0xEF53, "", false},     // ext2/3/4
		{0x58465342, "", false}, // xfs
		{0x9123683E, "", false}, // btrfs
		{0x01021994, "", false}, // tmpfs
		{0x794C7630, "", false}, // overlayfs
		{0x65735546, "", false}, // fuse: may be local (ntfs-3g), not refused
	}
	for _, tt := range tests {
		kind, remote := networkFS(tt.magic)
		if kind != tt.kind || remote != tt.remote {
			t.Errorf("networkFS(%#x) = %q, %v; want %q, %v", tt.magic, kind, remote, tt.kind, tt.remote)
		}
	}
}

// The root file system and a temp dir of this machine are local.
func TestLocalDirsAccepted(t *testing.T) {
	for _, dir := range []string{"/", t.TempDir()} {
		kind, remote, err := remoteFS(dir)
		if err != nil || remote {
			t.Errorf("remoteFS(%s) = %q, %v, %v", dir, kind, remote, err)
		}
		if err := checkLocal(filepath.Join(dir, "not-yet", "beiandesk.db")); err != nil {
			t.Errorf("checkLocal under %s: %v", dir, err)
		}
	}
}
