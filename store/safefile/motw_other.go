//go:build !windows

package safefile

// MarkFromInternet does nothing outside Windows: other systems have no
// Mark-of-the-Web.
func MarkFromInternet(string) error { return nil }
