package theme

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"
)

// TestContrast computes the WCAG 2 contrast ratio of the theme's own
// colours in both variants: text at least 4.5:1 (AA) on every background
// it is drawn on, control outlines and fills (input border, the ring of an
// unselected radio button, the primary fill) at least 3:1.
func TestContrast(t *testing.T) {
	th := New()
	backgrounds := []fyne.ThemeColorName{fynetheme.ColorNameBackground, fynetheme.ColorNameInputBackground,
		fynetheme.ColorNameOverlayBackground, fynetheme.ColorNameMenuBackground, fynetheme.ColorNameHeaderBackground}
	text := []fyne.ThemeColorName{fynetheme.ColorNameForeground, fynetheme.ColorNamePlaceHolder, fynetheme.ColorNameError,
		fynetheme.ColorNameWarning, fynetheme.ColorNameSuccess, fynetheme.ColorNamePrimary, fynetheme.ColorNameHyperlink}
	onColour := map[fyne.ThemeColorName]fyne.ThemeColorName{
		fynetheme.ColorNameForegroundOnPrimary: fynetheme.ColorNamePrimary,
		fynetheme.ColorNameForegroundOnError:   fynetheme.ColorNameError,
		fynetheme.ColorNameForegroundOnWarning: fynetheme.ColorNameWarning,
		fynetheme.ColorNameForegroundOnSuccess: fynetheme.ColorNameSuccess,
		fynetheme.ColorNameForeground:          fynetheme.ColorNameButton,
	}
	controls := []fyne.ThemeColorName{fynetheme.ColorNameInputBorder, fynetheme.ColorNamePrimary}
	for _, v := range []fyne.ThemeVariant{fynetheme.VariantLight, fynetheme.VariantDark} {
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		for _, bg := range backgrounds {
			for _, fg := range text {
				if r := contrast(c(fg), c(bg)); r < 4.5 {
					t.Errorf("variant %d: text %s on %s: %.2f:1, want ≥ 4.5", v, fg, bg, r)
				}
			}
			for _, fg := range controls {
				if r := contrast(c(fg), c(bg)); r < 3 {
					t.Errorf("variant %d: control %s on %s: %.2f:1, want ≥ 3", v, fg, bg, r)
				}
			}
		}
		for fg, bg := range onColour {
			if r := contrast(c(fg), c(bg)); r < 4.5 {
				t.Errorf("variant %d: text %s on %s: %.2f:1, want ≥ 4.5", v, fg, bg, r)
			}
		}
		for l := UrgencyOK; l <= UrgencyOverdue; l++ {
			for _, bg := range backgrounds {
				if r := contrast(Urgency(l, v), c(bg)); r < 4.5 {
					t.Errorf("variant %d: deadline level %d on %s: %.2f:1", v, l, bg, r)
				}
			}
		}
	}
}
