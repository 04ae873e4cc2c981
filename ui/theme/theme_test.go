package theme

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/assets"
)

func TestFontUsesBundledNotoSansSC(t *testing.T) {
	th := New()
	cases := []struct {
		name  string
		style fyne.TextStyle
		want  fyne.Resource
	}{
		{"regular", fyne.TextStyle{}, assets.FontRegular},
		{"bold", fyne.TextStyle{Bold: true}, assets.FontBold},
		{"bold italic", fyne.TextStyle{Bold: true, Italic: true}, assets.FontBold},
		{"italic", fyne.TextStyle{Italic: true}, assets.FontRegular},
		{"monospace", fyne.TextStyle{Monospace: true}, assets.FontRegular},
	}
	for _, c := range cases {
		if got := th.Font(c.style); got != c.want {
			t.Errorf("%s: Font() = %v, want %s", c.name, got.Name(), c.want.Name())
		}
	}
	for _, r := range []fyne.Resource{assets.FontRegular, assets.FontBold} {
		if len(r.Content()) < 1<<20 {
			t.Errorf("%s: only %d bytes embedded", r.Name(), len(r.Content()))
		}
	}
}

func TestColors(t *testing.T) {
	test.NewTempApp(t)
	th := New()
	if got := th.Color(fynetheme.ColorNamePrimary, fynetheme.VariantLight); got != color.Color(GovBlue) {
		t.Errorf("light primary = %v, want %v", got, GovBlue)
	}
	if got := th.Color(fynetheme.ColorNamePrimary, fynetheme.VariantDark); got != color.Color(GovBlueLight) {
		t.Errorf("dark primary = %v, want %v", got, GovBlueLight)
	}
	// Colours that are not overridden follow the variant asked for.
	for _, v := range []fyne.ThemeVariant{fynetheme.VariantLight, fynetheme.VariantDark} {
		if got, want := th.Color(fynetheme.ColorNameBackground, v), fynetheme.DefaultTheme().Color(fynetheme.ColorNameBackground, v); got != want {
			t.Errorf("variant %d background = %v, want default %v", v, got, want)
		}
	}
}

func TestUrgency(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{fynetheme.VariantLight, fynetheme.VariantDark} {
		seen := map[color.Color]bool{}
		for l := UrgencyOK; l <= UrgencyOverdue; l++ {
			c := Urgency(l, v)
			if seen[c] {
				t.Errorf("variant %d: level %d repeats a colour", v, l)
			}
			seen[c] = true
		}
		if Urgency(-1, v) != Urgency(UrgencyOK, v) || Urgency(9, v) != Urgency(UrgencyOverdue, v) {
			t.Errorf("variant %d: out-of-range levels are not clamped", v)
		}
	}
	// Each level must read on the variant's background (WCAG AA, 4.5:1).
	bg := map[fyne.ThemeVariant]color.Color{
		fynetheme.VariantLight: color.White,
		fynetheme.VariantDark:  color.NRGBA{R: 0x17, G: 0x17, B: 0x18, A: 0xff},
	}
	for v, b := range bg {
		for l := UrgencyOK; l <= UrgencyOverdue; l++ {
			if cr := contrast(Urgency(l, v), b); cr < 4.5 {
				t.Errorf("variant %d level %d: contrast %.2f < 4.5", v, l, cr)
			}
		}
	}
}

// TestChineseRendersWithBundledFont draws Chinese labels with the theme in the
// software test canvas and checks that real glyphs from the bundled font were
// drawn. The capture is saved to $TMPDIR/theme_test.png for a human look.
func TestChineseRendersWithBundledFont(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(New())

	const text = "备案受理台工作台"
	size := New().Size(fynetheme.SizeNameText)

	// Every CJK glyph in Noto Sans SC advances exactly 1 em; a fallback or
	// replacement glyph would not.
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		m := fyne.MeasureText(text, size, style)
		want := float32(len([]rune(text))) * size
		if m.Width <= 0 || math.Abs(float64(m.Width-want)) > 1 {
			t.Errorf("bold=%v: %q measures %.1f wide, want %.1f (8 em)", style.Bold, text, m.Width, want)
		}
	}

	regular := widget.NewLabel(text)
	bold := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w := test.NewWindow(container.NewVBox(regular, bold))
	defer w.Close()
	w.Resize(fyne.NewSize(320, 120))

	img := w.Canvas().Capture()
	if f, err := os.Create(filepath.Join(os.TempDir(), "theme_test.png")); err == nil {
		_ = png.Encode(f, img)
		_ = f.Close()
	}

	inkRegular := inkIn(img, regular)
	inkBold := inkIn(img, bold)
	if inkRegular < 200 {
		t.Errorf("regular label: only %d text pixels drawn", inkRegular)
	}
	if float64(inkBold) < 1.2*float64(inkRegular) {
		t.Errorf("bold label has %d text pixels, regular %d: bold font not used?", inkBold, inkRegular)
	}
	t.Logf("text pixels: regular %d, bold %d", inkRegular, inkBold)
}

// inkIn counts the pixels inside o's area on the captured canvas (scale 1)
// that stand out from the window background: text pixels, in either variant.
func inkIn(img image.Image, o fyne.CanvasObject) int {
	bg := luminance(img.At(img.Bounds().Max.X-2, img.Bounds().Max.Y-2))
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	s := o.Size()
	n := 0
	for y := int(p.Y); y < int(p.Y+s.Height); y++ {
		for x := int(p.X); x < int(p.X+s.Width); x++ {
			if math.Abs(luminance(img.At(x, y))-bg) > 0.25 {
				n++
			}
		}
	}
	return n
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		f := float64(v) / 0xffff
		if f <= 0.03928 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
