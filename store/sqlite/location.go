package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The per-user data folder holds the case book by default. A clerk may keep
// it elsewhere (a bigger disk, a folder that is backed up): the chosen path
// is written to the small file "location" in the data folder, which every
// start reads, window and command line alike. --db and $BEIANDESK_DB still
// take precedence.
const locationFile = "location"

// DataDir is the per-user data folder: %AppData%\beiandesk on Windows,
// ~/.config/beiandesk on Linux.
func DataDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("data folder: %w", err)
	}
	return filepath.Join(dir, "beiandesk"), nil
}

// DefaultPath is the case book to open when none is named: the one chosen
// with SetDefaultPath, else beiandesk.db in the data folder.
func DefaultPath() (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(dir, locationFile))
	if err == nil {
		if p := strings.TrimSpace(string(b)); p != "" {
			return p, nil
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("data folder: %w", err)
	}
	return filepath.Join(dir, "beiandesk.db"), nil
}

// SetDefaultPath makes path the case book opened from the next start on;
// "" goes back to the data folder's own.
func SetDefaultPath(path string) error {
	dir, err := DataDir()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	loc := filepath.Join(dir, locationFile)
	if path == "" {
		if err := os.Remove(loc); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("data folder: %w", err)
		}
		return nil
	}
	// A server's URL (see store/backend) is kept as it is.
	abs := path
	if !strings.Contains(path, "://") {
		var err error
		if abs, err = filepath.Abs(path); err != nil {
			return fmt.Errorf("data folder: %w", err)
		}
	}
	tmp := loc + ".tmp"
	if err := os.WriteFile(tmp, []byte(abs+"\n"), 0o600); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	if err := os.Rename(tmp, loc); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("data folder: %w", err)
	}
	return nil
}
