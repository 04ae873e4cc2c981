//go:build windows

package sqlite

import (
	"path/filepath"
	"syscall"
	"unsafe"
)

const driveRemote = 4 // DRIVE_REMOTE of GetDriveTypeW

var procGetDriveType = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDriveTypeW")

// remoteFS tells whether dir lies on a mapped network drive.
func remoteFS(dir string) (kind string, remote bool, err error) {
	root := filepath.VolumeName(dir) + `\`
	p, err := syscall.UTF16PtrFromString(root)
	if err != nil {
		return "", false, err
	}
	t, _, _ := procGetDriveType.Call(uintptr(unsafe.Pointer(p)))
	if t == driveRemote {
		return msgMappedDrive, true, nil
	}
	return "", false, nil
}
