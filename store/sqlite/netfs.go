package sqlite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrNetworkShare is matched (errors.Is) by a *NetworkShareError.
var ErrNetworkShare = errors.New("database on a network share")

// NetworkShareError refuses a database file on a network share (SMB/CIFS,
// NFS, a mapped network drive or a UNC path): SQLite's write-ahead log
// needs shared memory and byte-range locks that these file systems do not
// give reliably, so two workstations on one file corrupt it. Several
// workstations share one book on a server instead.
type NetworkShareError struct {
	Path string
	Kind string // what kind of share: "cifs", "nfs", "UNC", "网络驱动器" …
}

// Error says, in Chinese, why and what to do instead.
func (e *NetworkShareError) Error() string { return fmt.Sprintf(msgNetworkShare, e.Path, e.Kind) }

// Unwrap returns ErrNetworkShare.
func (e *NetworkShareError) Unwrap() error { return ErrNetworkShare }

// checkLocal refuses path when it lies on a network share. The file need
// not exist yet: the nearest existing folder above it is looked at.
func checkLocal(path string) error {
	if isUNC(path) {
		return &NetworkShareError{Path: path, Kind: "UNC"}
	}
	dir := existingDir(path)
	if dir == "" {
		return nil
	}
	kind, remote, err := remoteFS(dir)
	if err != nil || !remote {
		// Not knowing is no reason to refuse: opening will tell.
		return nil
	}
	return &NetworkShareError{Path: path, Kind: kind}
}

// existingDir is the nearest existing folder holding path ("" if none).
func existingDir(path string) string {
	dir := filepath.Dir(path)
	for {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// isUNC reports whether path is a Windows UNC path (\\server\share\…, or
// with forward slashes), which always names a share on another machine.
// The local device namespaces \\?\C:\… and \\.\ are not shares, but
// \\?\UNC\server\share is.
func isUNC(path string) bool {
	p := strings.ReplaceAll(path, "/", `\`)
	if !strings.HasPrefix(p, `\\`) {
		return false
	}
	rest := p[2:]
	switch {
	case strings.HasPrefix(strings.ToUpper(rest), `?\UNC\`):
		return true
	case strings.HasPrefix(rest, `?\`), strings.HasPrefix(rest, `.\`):
		return false
	}
	server, _, ok := strings.Cut(rest, `\`)
	return ok && server != ""
}
