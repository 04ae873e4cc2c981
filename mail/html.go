package mail

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlSkipped are elements whose content is not text a reader sees. <head> is not
// among them: an unclosed one would hide the whole mail.
var htmlSkipped = map[atom.Atom]bool{
	atom.Script:   true,
	atom.Style:    true,
	atom.Title:    true, // repeats the subject
	atom.Template: true,
	atom.Noscript: true,
	atom.Object:   true,
	atom.Iframe:   true,
	atom.Svg:      true,
}

// htmlBlocks are elements that start and end a line.
var htmlBlocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Br: true, atom.Caption: true, atom.Center: true,
	atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hr: true, atom.Html: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true,
	atom.Table: true, atom.Tbody: true, atom.Tfoot: true, atom.Thead: true, atom.Tr: true,
	atom.Ul: true, atom.Option: true,
}

// htmlToText renders HTML as plain text for reading and searching: scripts and
// styles dropped, block elements on their own lines, table cells separated by a
// space, entities decoded and white space collapsed. It never fails; broken
// markup yields whatever text the tokenizer finds.
func htmlToText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var w textWriter
	skip := atom.Atom(0) // element whose content is being skipped
	pre := 0
	reparse := false // inside <noframes>/<noembed>, whose markup the tokenizer leaves raw
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return w.String()
		case html.TextToken:
			if skip != 0 {
				continue
			}
			if reparse {
				// Frameset mail puts its only text here.
				w.words(htmlToText(string(z.Text())))
				continue
			}
			if pre > 0 {
				w.raw(string(z.Text()))
			} else {
				w.words(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				continue
			}
			if htmlSkipped[a] && tt == html.StartTagToken {
				skip = a
				continue
			}
			switch {
			case a == atom.Td || a == atom.Th:
				w.space()
			case htmlBlocks[a]:
				w.newline()
			}
			if a == atom.Pre && tt == html.StartTagToken {
				pre++
			}
			reparse = (a == atom.Noframes || a == atom.Noembed) && tt == html.StartTagToken
		case html.EndTagToken:
			reparse = false
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skip != 0 {
				if a == skip {
					skip = 0
				}
				continue
			}
			if a == atom.Pre && pre > 0 {
				pre--
			}
			if htmlBlocks[a] {
				w.newline()
			}
		}
	}
}

// textWriter accumulates text with collapsed white space.
type textWriter struct {
	b         strings.Builder
	needSpace bool
}

func (w *textWriter) words(s string) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if s == "" {
		return
	}
	if startsWithSpace(s) {
		w.needSpace = true
	}
	for i, f := range strings.Fields(s) {
		if i > 0 || w.needSpace {
			w.space()
		}
		w.b.WriteString(f)
		w.needSpace = false
	}
	if endsWithSpace(s) {
		w.needSpace = true
	}
}

func (w *textWriter) raw(s string) {
	w.b.WriteString(strings.ReplaceAll(s, "\r\n", "\n"))
	w.needSpace = false
}

func (w *textWriter) space() {
	if w.b.Len() == 0 {
		return
	}
	if s := w.b.String(); !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
		w.b.WriteByte(' ')
	}
}

func (w *textWriter) newline() {
	w.needSpace = false
	if w.b.Len() > 0 && !strings.HasSuffix(w.b.String(), "\n") {
		w.b.WriteByte('\n')
	}
}

var manyBlankLines = regexp.MustCompile(`\n{3,}`)

func (w *textWriter) String() string {
	lines := strings.Split(w.b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	s := strings.Join(lines, "\n")
	return strings.TrimSpace(manyBlankLines.ReplaceAllString(s, "\n\n"))
}

func startsWithSpace(s string) bool {
	return s != "" && strings.TrimLeft(s, " \t\r\n\f") != s
}

func endsWithSpace(s string) bool {
	return s != "" && strings.TrimRight(s, " \t\r\n\f") != s
}
