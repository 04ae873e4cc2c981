package safefile

import (
	"path/filepath"
	"strings"
	"unicode"
)

// SafeName makes a name that came from outside (an attachment's file name
// in a stranger's mail) safe to show and to use as a file name on Windows
// and Linux:
//   - only the last path element is kept;
//   - bidirectional controls (which make "gpj.exe" read as "exe.jpg") and
//     other control and format characters are dropped;
//   - characters Windows forbids in names become "_";
//   - trailing dots and spaces are trimmed (Windows drops them, so
//     "a.exe." would open as "a.exe");
//   - Windows device names (CON, NUL, COM1, LPT1, … also with an
//     extension) get a "_" prefix;
//   - an empty result becomes "attachment".
func SafeName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case isBidi(r), unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		case strings.ContainsRune(`<>:"|?*`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.TrimSpace(b.String())
	name = strings.TrimRight(name, ". ")
	if name == "" || name == "." || name == ".." {
		return "attachment"
	}
	if isReserved(name) {
		name = "_" + name
	}
	return name
}

// isBidi reports the characters that reorder text: embeddings, overrides
// and isolates, the left-to-right and right-to-left marks and the Arabic
// letter mark.
func isBidi(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// isReserved reports a Windows device name, with or without an extension
// ("nul.txt" opens the device too).
func isReserved(name string) bool {
	stem := name
	if i := strings.IndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) {
		c := stem[3]
		return c >= '1' && c <= '9'
	}
	// Windows also treats the superscript digits ¹ ² ³ as device numbers.
	for _, p := range []string{"COM", "LPT"} {
		if rest, ok := strings.CutPrefix(stem, p); ok && (rest == "¹" || rest == "²" || rest == "³") {
			return true
		}
	}
	return false
}

// viewable lists the kinds of document the system viewer may open: a
// stranger's mail must never get a program run by a click.
var viewable = map[string]bool{
	".pdf": true, ".ofd": true,
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".bmp": true, ".tif": true, ".tiff": true, ".webp": true,
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".wps": true, ".et": true, ".dps": true, ".odt": true, ".ods": true, ".odp": true, ".rtf": true,
	".txt": true, ".csv": true,
	".zip": true,
}

// Viewable reports whether a file of this name is a known document type
// that may be handed to the system viewer. Everything else (programs,
// scripts, shortcuts, unknown types, macro-enabled Office files) may only
// be saved.
func Viewable(name string) bool {
	return viewable[strings.ToLower(filepath.Ext(SafeName(name)))]
}
