// Package locale gives Fyne a language to work with when the process runs
// under the C locale (services, CI, a bare terminal), where Fyne's locale
// lookup logs "Error parsing user locale C" on every start, polluting the
// command line's stderr.
//
// Import it from main before anything that imports Fyne: Go initialises
// packages in import-path order among those whose imports are ready, and
// "beiandesk/…" sorts before "fyne.io/…".
package locale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	loc := ""
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = os.Getenv(env); loc != "" {
			break
		}
	}
	base, _, _ := strings.Cut(loc, ".")
	if base == "" || base == "C" || base == "POSIX" {
		// LANGUAGE only picks message translations; it does not change the
		// process's C locale, so input methods are unaffected.
		os.Setenv("LANGUAGE", "zh_CN")
	}
}
