//go:build windows

package safefile

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this id runs: Windows lets a
// process be opened only while it exists (or its handle is held).
func processAlive(pid int) bool {
	const processQueryLimitedInformation = 0x1000
	h, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		// Access denied means it exists.
		return errors.Is(err, syscall.ERROR_ACCESS_DENIED)
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	const stillActive = 259
	return code == stillActive
}

// ERROR_DISK_FULL (112) and ERROR_HANDLE_DISK_FULL (39).
func isQuota(err error) bool {
	return errors.Is(err, syscall.Errno(112)) || errors.Is(err, syscall.Errno(39))
}
