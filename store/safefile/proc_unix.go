//go:build unix

package safefile

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process with this id exists. EPERM means
// it exists but belongs to another user.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func isQuota(err error) bool { return errors.Is(err, syscall.EDQUOT) }
