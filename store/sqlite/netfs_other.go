//go:build !linux && !windows

package sqlite

// remoteFS does not look at the file system on other systems.
func remoteFS(string) (string, bool, error) { return "", false, nil }
