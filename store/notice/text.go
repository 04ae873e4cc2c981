package notice

import (
	"fmt"
	"strings"
)

const (
	indent    = "　　"               // two ideographic spaces open a paragraph
	sigIndent = "　　　　　　　　　　　　　　　　" // pushes the signature to the right in plain text
)

var chineseNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// ItemLabel numbers item i (0-based) of a list.
func ItemLabel(style ListStyle, i int) string {
	if style == ListChinese && i < len(chineseNumerals) {
		return "（" + chineseNumerals[i] + "）"
	}
	return fmt.Sprintf("%d. ", i+1)
}

// Header is the line with the case number under the title.
func (n *Notice) Header() string { return fmt.Sprintf(numberLine, n.NumberLabel, n.CaseNumber) }

// Salutation is the addressee line.
func (n *Notice) Salutation() string { return fmt.Sprintf(salutation, n.Addressee) }

// DateText is the date as printed.
func (n *Notice) DateText() string { return n.Date.Format(dateLayout) }

// ClerkText is the 经办人 line, or "".
func (n *Notice) ClerkText() string {
	if n.Clerk == "" {
		return ""
	}
	return fmt.Sprintf(clerkLine, n.Clerk)
}

// ContactHeading names the contact block.
func (n *Notice) ContactHeading() string { return contactHeading }

// Text renders the notice as plain text: the mail body and what goes to the
// clipboard. Every line ends with a newline.
func (n *Notice) Text() string {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	line(n.Title)
	line(n.Header())
	line("")
	line(n.Salutation())
	for _, p := range n.Paragraphs {
		line(indent + p.Text)
		for i, it := range p.Items {
			line(indent + ItemLabel(p.Style, i) + it)
		}
	}
	line("")
	line(sigIndent + n.Signature)
	if c := n.ClerkText(); c != "" {
		line(sigIndent + c)
	}
	line(sigIndent + n.DateText())
	if len(n.Contact) > 0 {
		line("")
		line(contactHeading + "：")
		for _, c := range n.Contact {
			line(indent + c)
		}
	}
	return b.String()
}
