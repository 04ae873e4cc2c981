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
	if c, ok := readable(n, dark); ok {
		return c
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

// Colours replacing Fyne's defaults where these read poorly: in the light
// variant Fyne's orange warning (#FF9800), green success and red error are
// under WCAG AA's 4.5:1 on white, and the input border (#E3E3E3, also the
// ring of an unselected radio button) is nearly invisible; in the dark
// variant the border is too. Text colours reach 4.5:1 and control outlines
// 3:1 on every background they are drawn on (see TestContrast).
var (
	lightReadable = map[fyne.ThemeColorName]color.NRGBA{
		fynetheme.ColorNameWarning:     {R: 0xA1, G: 0x4A, B: 0x00, A: 0xFF},
		fynetheme.ColorNameError:       {R: 0xC6, G: 0x28, B: 0x28, A: 0xFF},
		fynetheme.ColorNameSuccess:     {R: 0x2E, G: 0x6B, B: 0x30, A: 0xFF},
		fynetheme.ColorNameInputBorder: {R: 0x80, G: 0x80, B: 0x80, A: 0xFF},
		fynetheme.ColorNamePlaceHolder: {R: 0x6B, G: 0x6B, B: 0x6B, A: 0xFF},
	}
	darkReadable = map[fyne.ThemeColorName]color.NRGBA{
		fynetheme.ColorNameInputBorder: {R: 0x78, G: 0x78, B: 0x7E, A: 0xFF},
		fynetheme.ColorNameError:       {R: 0xFF, G: 0x6B, B: 0x6B, A: 0xFF},
	}
)

func readable(n fyne.ThemeColorName, dark bool) (color.Color, bool) {
	m := lightReadable
	if dark {
		m = darkReadable
	}
	c, ok := m[n]
	return c, ok
}
