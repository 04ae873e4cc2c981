package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
)

// Urgency levels for a deadline (期限) column.
const (
	UrgencyOK       = 0 // not due soon: normal foreground
	UrgencyDueSoon  = 1 // due within 2 working days: amber
	UrgencyDueToday = 2 // due today: orange
	UrgencyOverdue  = 3 // overdue: red
)

var (
	// Light variant: dark enough for ≥4.5:1 contrast on white and on the
	// light header/input backgrounds.
	urgencyLight = [...]color.NRGBA{
		{R: 0x56, G: 0x56, B: 0x56, A: 0xFF}, // Fyne's light foreground
		{R: 0x86, G: 0x5A, B: 0x00, A: 0xFF}, // amber
		{R: 0xC2, G: 0x41, B: 0x0C, A: 0xFF}, // orange
		{R: 0xB9, G: 0x1C, B: 0x1C, A: 0xFF}, // red
	}
	// Dark variant: light tints, ≥5:1 on Fyne's dark backgrounds.
	urgencyDark = [...]color.NRGBA{
		{R: 0xF3, G: 0xF3, B: 0xF3, A: 0xFF}, // Fyne's dark foreground
		{R: 0xFB, G: 0xBF, B: 0x24, A: 0xFF}, // amber
		{R: 0xFB, G: 0x92, B: 0x3C, A: 0xFF}, // orange
		{R: 0xFF, G: 0x6B, B: 0x6B, A: 0xFF}, // red
	}
)

// Urgency returns the text colour for a deadline at the given level
// (UrgencyOK … UrgencyOverdue) in variant v. Levels below 0 count as
// UrgencyOK and above 3 as UrgencyOverdue. Level 0 is Fyne's default
// foreground for the variant. It needs no running app.
func Urgency(level int, v fyne.ThemeVariant) color.Color {
	level = max(UrgencyOK, min(level, UrgencyOverdue))
	if v == fynetheme.VariantDark {
		return urgencyDark[level]
	}
	return urgencyLight[level]
}
