// Package theme is the application's Fyne theme: the default Fyne look with
// the bundled Noto Sans SC fonts (so Chinese renders without any system CJK
// font), a government-blue primary colour and colours for deadline urgency.
// It follows the system light/dark preference.
package theme

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynetheme "fyne.io/fyne/v2/theme"

	"beiandesk/assets"
)

// Text size used for normal text; Fyne's default is 14, which is a little
// small for Chinese.
const (
	textSize    float32 = 15
	captionSize float32 = 12
)

// Brand colours.
var (
	// GovBlue is the primary colour in the light variant (#1F4E9C).
	GovBlue = color.NRGBA{R: 0x1F, G: 0x4E, B: 0x9C, A: 0xFF}
	// GovBlueLight is the primary colour in the dark variant: a lighter
	// blue that keeps contrast on the dark background.
	GovBlueLight = color.NRGBA{R: 0x7A, G: 0xA7, B: 0xF0, A: 0xFF}
)

type appTheme struct {
	fyne.Theme // theme.DefaultTheme(): colours, sizes and icons not overridden here
}

var _ fyne.Theme = (*appTheme)(nil)

// New returns the application theme. Set it with app.Settings().SetTheme(theme.New()).
func New() fyne.Theme {
	return &appTheme{Theme: fynetheme.DefaultTheme()}
}

// Color overrides the primary-derived colours; everything else is Fyne's default
// for the variant asked for.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	dark := v == fynetheme.VariantDark
	switch n {
	case fynetheme.ColorNamePrimary, fynetheme.ColorNameHyperlink:
		if dark {
			return GovBlueLight
		}
		return GovBlue
	case fynetheme.ColorNameForegroundOnPrimary:
		if dark {
			return color.NRGBA{R: 0x10, G: 0x14, B: 0x1C, A: 0xFF}
		}
		return color.White
	case fynetheme.ColorNameFocus:
		if dark {
			return withAlpha(GovBlueLight, 0x66)
		}
		return withAlpha(GovBlue, 0x4D)
	case fynetheme.ColorNameSelection:
		if dark {
			return withAlpha(GovBlueLight, 0x40)
		}
		return withAlpha(GovBlue, 0x33)
	}
	return t.Theme.Color(n, v)
}

// Font returns the bundled Noto Sans SC: Bold for bold (and bold italic), Regular
// for everything else, including italic (CJK has no italic) and monospace (so
// that Chinese in monospace text renders; Latin there is proportional). Symbol
// text keeps Fyne's symbol font.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return assets.FontBold
	default:
		return assets.FontRegular
	}
}

// Size makes body and caption text a point larger than Fyne's default.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case fynetheme.SizeNameText:
		return textSize
	case fynetheme.SizeNameCaptionText:
		return captionSize
	}
	return t.Theme.Size(n)
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}
