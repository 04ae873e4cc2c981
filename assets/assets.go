// Package assets holds the files bundled into the binary: the CJK fonts and
// the application icon.
//
// The fonts are Noto Sans SC (SIL Open Font License 1.1, see OFL.txt),
// subset to GBK plus Latin and common symbol blocks by font/subset.sh.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

var (
	//go:embed NotoSansSC-Regular.ttf
	fontRegular []byte
	//go:embed NotoSansSC-Bold.ttf
	fontBold []byte
	//go:embed icon.png
	iconPNG []byte
	//go:embed icon.svg
	iconSVG []byte
)

var (
	// FontRegular is Noto Sans SC Regular (GBK subset, TrueType outlines).
	FontRegular = &fyne.StaticResource{StaticName: "NotoSansSC-Regular.ttf", StaticContent: fontRegular}
	// FontBold is Noto Sans SC Bold (same subset as FontRegular).
	FontBold = &fyne.StaticResource{StaticName: "NotoSansSC-Bold.ttf", StaticContent: fontBold}
	// Icon is the 512×512 application icon (PNG), for App.SetIcon / Window.SetIcon.
	Icon = &fyne.StaticResource{StaticName: "icon.png", StaticContent: iconPNG}
	// IconSVG is the vector source of Icon.
	IconSVG = &fyne.StaticResource{StaticName: "icon.svg", StaticContent: iconSVG}
)
