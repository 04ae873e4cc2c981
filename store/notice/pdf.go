package notice

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"
)

// Fonts are the TrueType fonts a PDF embeds (as subsets). The caller passes
// the bundled Noto Sans SC (assets), so a machine without CJK fonts still
// prints every character; the store does not reach into the UI's assets.
type Fonts struct {
	Regular []byte
	Bold    []byte // nil: the title is set in Regular
}

// Page geometry of GB/T 9704-2012 (mm): A4, 37 mm top, 35 mm bottom, 28 mm
// left and 26 mm right margin, which leaves the standard 156 × 225 mm body.
const (
	pageW        = 210.0
	pageH        = 297.0
	marginTop    = 37.0
	marginBottom = 35.0
	marginLeft   = 28.0
	marginRight  = 26.0
	bodyW        = pageW - marginLeft - marginRight

	titlePt   = 22.0 // 2号
	bodyPt    = 16.0 // 3号, the standard body size
	contactPt = 12.0
	smallPt   = 10.5
	ptMM      = 25.4 / 72

	// The standard's 22 lines per page are for 仿宋; a sans face reads
	// better a little tighter, and most notices then fit on one page.
	defaultLead = 7.8
	minLead     = 6.6 // tightest line pitch tried to keep a notice on one page
	titleLead   = 12.0
	contactLead = 6.4
	sealRadius  = 20.0 // a 40 mm seal
)

// The family names are chosen so fpdf's font name ("utf8" + lower-cased
// family) has the length of a subset tag plus the real name: the tag is
// then patched in without moving a byte offset of the file.
const (
	familyPlaceholder = "zzzNotoSansSC"
	fontNameInPDF     = "/utf8zzznotosanssc"
	fontNameSuffix    = "notosanssc"
)

// WritePDF renders the notice as an A4 PDF in the layout of official
// documents: title large and centred, body in 16 pt, the signature and the
// date at the bottom right with room for the seal (盖章处), and the
// contact block last. The text is real text (pdftotext gives it back) in an
// embedded font subset, so the file stays small.
func (n *Notice) WritePDF(w io.Writer, fonts Fonts) error {
	if err := checkGlyphs(n, fonts); err != nil {
		return err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(false, marginBottom)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(n.Date)
	pdf.SetModificationDate(n.Date)
	pdf.SetTitle(n.Title+" "+n.CaseNumber, true)
	pdf.SetAuthor(n.Signature, true)
	pdf.SetProducer("beiandesk", true)
	pdf.AddUTF8FontFromBytes(familyPlaceholder, "", fonts.Regular)
	bold := "B"
	if fonts.Bold != nil {
		pdf.AddUTF8FontFromBytes(familyPlaceholder, "B", fonts.Bold)
	} else {
		bold = ""
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf(errFontMissing, err)
	}
	// GB/T 9704 §7.3.5.4: rather than leave the signature and the seal
	// alone on a page, tighten the lines. Measure first, draw once.
	l := &pdfLayout{pdf: pdf, bold: bold, lead: defaultLead}
	for lead := defaultLead; lead >= minLead-0.01; lead -= 0.4 {
		m := &pdfLayout{pdf: pdf, bold: bold, lead: lead, measure: true, pages: 1, y: marginTop}
		m.draw(n)
		if m.sigPages == 1 {
			l.lead = lead
			break
		}
	}
	pdf.SetFooterFunc(l.footer)
	l.newPage()
	l.draw(n)
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf(errPDF, err)
	}
	_, err := w.Write(tagSubsets(buf.Bytes()))
	return err
}

// PDF renders the notice and returns the file's bytes.
func (n *Notice) PDF(fonts Fonts) ([]byte, error) {
	var b bytes.Buffer
	if err := n.WritePDF(&b, fonts); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// tagSubsets gives each embedded subset the six-letter tag ISO 32000 asks
// for (ABCDEF+Name), derived from the file so it differs between subsets.
// Tag and placeholder have the same length, so the xref stays valid.
func tagSubsets(b []byte) []byte {
	sum := sha256.Sum256(b)
	for _, style := range []string{"B", ""} {
		old := []byte(fontNameInPDF + style)
		var tag [6]byte
		for i := range tag {
			tag[i] = 'A' + sum[i+len(style)*6]%26
		}
		repl := []byte("/" + string(tag[:]) + "+" + fontNameSuffix + style)
		// Match whole names only: "/…sscB" must not be taken for "/…ssc".
		var out []byte
		rest := b
		for {
			i := bytes.Index(rest, old)
			if i < 0 {
				out = append(out, rest...)
				break
			}
			end := i + len(old)
			if end < len(rest) && isNameChar(rest[end]) {
				out = append(out, rest[:end]...)
				rest = rest[end:]
				continue
			}
			out = append(out, rest[:i]...)
			out = append(out, repl...)
			rest = rest[end:]
		}
		b = out
	}
	return b
}

func isNameChar(c byte) bool {
	return c > ' ' && !strings.ContainsRune("/[]<>(){}%", rune(c))
}

// checkGlyphs refuses a notice with a character the font cannot draw: a PDF
// must never show an empty box where a name should be.
func checkGlyphs(n *Notice, fonts Fonts) error {
	if len(fonts.Regular) == 0 {
		return fmt.Errorf(errFontMissing, "no font data")
	}
	check := func(data []byte, s string) error {
		f, err := sfnt.Parse(data)
		if err != nil {
			return fmt.Errorf(errFontMissing, err)
		}
		var sb sfnt.Buffer
		for _, r := range s {
			if unicode.IsSpace(r) || r == '\u3000' {
				continue
			}
			gi, err := f.GlyphIndex(&sb, r)
			if err != nil || gi == 0 {
				return fmt.Errorf(errFontGlyph, r, r)
			}
		}
		return nil
	}
	if err := check(fonts.Regular, n.Text()+sealLabel+pageNumber(1)); err != nil {
		return err
	}
	if fonts.Bold != nil {
		return check(fonts.Bold, n.Title)
	}
	return nil
}

func pageNumber(p int) string { return fmt.Sprintf("— %d —", p) }

type pdfLayout struct {
	pdf   *fpdf.Fpdf
	bold  string
	lead  float64 // line pitch of the body (mm)
	y     float64
	multi bool // more than one page: number them
	// measure lays out without drawing, counting pages.
	measure  bool
	pages    int
	sigPages int // pages used up to the signature block
}

func (l *pdfLayout) newPage() {
	if l.measure {
		l.pages++
		l.y = marginTop
		return
	}
	if l.pdf.PageNo() > 0 {
		l.multi = true
	}
	l.pdf.AddPage()
	l.y = marginTop
}

func (l *pdfLayout) footer() {
	if !l.multi {
		return
	}
	l.pdf.SetFont(familyPlaceholder, "", 14)
	l.pdf.SetTextColor(0, 0, 0)
	s := pageNumber(l.pdf.PageNo())
	l.pdf.Text((pageW-l.pdf.GetStringWidth(s))/2, pageH-marginBottom+12, s)
}

// need starts a new page when h mm do not fit on this one.
func (l *pdfLayout) need(h float64) {
	if l.y+h > pageH-marginBottom {
		l.newPage()
	}
}

// text sets s with its baseline placed for a line box of height lead at l.y.
func (l *pdfLayout) text(x float64, s string, pt, lead float64) {
	if l.measure {
		return
	}
	l.pdf.Text(x, l.y+lead/2+pt*ptMM*0.36, s)
}

// para sets wrapped text from x0 (first line) and x1 (following lines).
func (l *pdfLayout) para(s string, x0, x1, pt, lead float64) {
	lines := wrap(s, bodyW-(x0-marginLeft), bodyW-(x1-marginLeft), l.pdf.GetStringWidth)
	for i, ln := range lines {
		l.need(lead)
		x := x1
		if i == 0 {
			x = x0
		}
		l.text(x, ln, pt, lead)
		l.y += lead
	}
}

func (l *pdfLayout) draw(n *Notice) {
	pdf := l.pdf
	em := bodyPt * ptMM // one character of body text

	pdf.SetFont(familyPlaceholder, l.bold, titlePt)
	for _, ln := range wrap(n.Title, bodyW, bodyW, pdf.GetStringWidth) {
		l.text(marginLeft+(bodyW-pdf.GetStringWidth(ln))/2, ln, titlePt, titleLead)
		l.y += titleLead
	}
	pdf.SetFont(familyPlaceholder, "", bodyPt)
	h := n.Header()
	l.text(marginLeft+(bodyW-pdf.GetStringWidth(h))/2, h, bodyPt, l.lead)
	l.y += l.lead * 2

	l.para(n.Salutation(), marginLeft, marginLeft, bodyPt, l.lead)
	for _, p := range n.Paragraphs {
		l.para(p.Text, marginLeft+2*em, marginLeft, bodyPt, l.lead)
		for i, it := range p.Items {
			label := ItemLabel(p.Style, i)
			x := marginLeft + 2*em
			l.need(l.lead)
			l.text(x, label, bodyPt, l.lead)
			// Items hang under their text, not under the number.
			xi := x + pdf.GetStringWidth(label)
			l.para(it, xi, xi, bodyPt, l.lead)
		}
	}

	// Signature block (GB/T 9704 §7.3.5.1): the name centred over the date,
	// the date four characters from the right margin, the seal pressing on
	// both. It stays together on one page.
	block := l.lead * 5
	if n.Clerk != "" {
		block += l.lead
	}
	l.y += l.lead
	l.need(block)
	l.y += l.lead * 2 // room for the upper half of the seal
	date := n.DateText()
	dateW := pdf.GetStringWidth(date)
	dateX := pageW - marginRight - 4*em - dateW
	centre := dateX + dateW/2
	sig := n.Signature
	nameY := l.y
	l.text(centre-pdf.GetStringWidth(sig)/2, sig, bodyPt, l.lead)
	l.y += l.lead
	l.text(dateX, date, bodyPt, l.lead)
	l.y += l.lead
	l.seal(centre, nameY+l.lead)
	if c := n.ClerkText(); c != "" {
		pdf.SetFont(familyPlaceholder, "", bodyPt)
		l.text(pageW-marginRight-4*em-pdf.GetStringWidth(c), c, bodyPt, l.lead)
		l.y += l.lead
	}

	l.sigPages = l.pages
	if len(n.Contact) > 0 {
		pdf.SetFont(familyPlaceholder, "", contactPt)
		l.y += l.lead / 2
		l.need(contactLead * float64(len(n.Contact)+1))
		pdf.SetLineWidth(0.35)
		pdf.SetDrawColor(0, 0, 0)
		if !l.measure {
			pdf.Line(marginLeft, l.y, pageW-marginRight, l.y)
		}
		l.y += 1.5
		ch := n.ContactHeading() + "："
		l.text(marginLeft, ch, contactPt, contactLead)
		l.y += contactLead
		for _, c := range n.Contact {
			l.para(c, marginLeft+2*contactPt*ptMM, marginLeft+2*contactPt*ptMM, contactPt, contactLead)
		}
	}
}

// seal marks where the seal goes: a light dashed circle with a small label,
// centred on the signature and the date.
func (l *pdfLayout) seal(cx, cy float64) {
	if l.measure {
		return
	}
	pdf := l.pdf
	pdf.SetDrawColor(170, 170, 170)
	pdf.SetLineWidth(0.3)
	pdf.SetDashPattern([]float64{1.5, 1.5}, 0)
	pdf.Circle(cx, cy, sealRadius, "D")
	pdf.SetDashPattern(nil, 0)
	pdf.SetFont(familyPlaceholder, "", smallPt)
	pdf.SetTextColor(150, 150, 150)
	pdf.Text(cx-pdf.GetStringWidth(sealLabel)/2, cy-sealRadius+7, sealLabel)
	pdf.SetTextColor(0, 0, 0)
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetFont(familyPlaceholder, "", bodyPt)
}
