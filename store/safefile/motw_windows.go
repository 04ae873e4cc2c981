//go:build windows

package safefile

import "os"

// MarkFromInternet writes the Zone.Identifier alternate data stream on path,
// so that Windows treats the file as downloaded. File systems without
// streams (FAT, some network shares) cannot keep it; that is not an error
// the clerk can act on, so it is returned for logging only.
func MarkFromInternet(path string) error {
	return os.WriteFile(path+":Zone.Identifier", []byte(ZoneIdentifier()), 0o644)
}
