//go:build linux

package sqlite

import "syscall"

// Network file system magic numbers of statfs(2) (linux/magic.h and the
// cifs/smb client sources).
const (
	nfsSuperMagic  = 0x6969
	smbSuperMagic  = 0x517B
	cifsMagic      = 0xFF534D42
	smb2MagicMagic = 0xFE534D42
)

// networkFS names the network file system of a statfs magic number.
func networkFS(magic int64) (string, bool) {
	switch uint32(magic) {
	case nfsSuperMagic:
		return "nfs", true
	case smbSuperMagic:
		return "smb", true
	case cifsMagic:
		return "cifs", true
	case smb2MagicMagic:
		return "smb2", true
	}
	return "", false
}

// remoteFS tells whether dir lies on a network file system.
func remoteFS(dir string) (kind string, remote bool, err error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return "", false, err
	}
	kind, remote = networkFS(int64(st.Type))
	return kind, remote, nil
}
