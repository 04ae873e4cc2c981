package mail

import (
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// readText reads a body text part, bounded, and converts it to plain text.
func (p *mimeParser) readText(e *mimeEntity, r io.Reader) partText {
	data, err := io.ReadAll(io.LimitReader(r, maxPartText+1))
	if err == nil && len(data) > maxPartText {
		data = data[:maxPartText]
		p.problem("有正文部分过长，只读取了前 4 MiB")
	}
	return p.textFromBytes(data, e.params["charset"], e.mediaType == "text/html")
}

// textFromBytes decodes the charset and, for HTML, renders the markup.
func (p *mimeParser) textFromBytes(data []byte, charset string, html bool) partText {
	if html && strings.TrimSpace(charset) == "" {
		charset = sniffHTMLCharset(data)
	}
	if _, kind := lookupCharset(charset); kind == charsetOther && p.textCharset == "" {
		p.textCharset = charset
	}
	s, problem := decodeCharset(charset, data)
	p.problem(problem)
	s = strings.TrimPrefix(s, "\ufeff")
	if html {
		return partText{text: p.capText(htmlToText(s)), html: true}
	}
	return partText{text: p.capText(normalizeText(s))}
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// sniffHTMLCharset finds a <meta> charset in the first few KiB of an HTML part
// that has no charset parameter.
func sniffHTMLCharset(data []byte) string {
	head := data[:min(len(data), 4<<10)]
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

var htmlStart = regexp.MustCompile(`(?i)<(?:!doctype\s+html|html|body|div|p|table|br)[\s/>]`)

func looksLikeHTML(data []byte) bool {
	return htmlStart.Match(data[:min(len(data), 4<<10)])
}

// normalizeText turns line endings into "\n", drops control characters and
// trailing white space, and trims blank lines at both ends.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// capText cuts s to MaxText bytes at a character boundary.
func (p *mimeParser) capText(s string) string {
	if len(s) <= MaxText {
		return s
	}
	p.problem("正文超过 1 MiB，已截断")
	cut := MaxText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// forwardBlock presents a forwarded message's text under a separator line with
// its sender and subject, the way mail clients quote a forward.
func forwardBlock(env mimeEnvelope, text string) string {
	var b strings.Builder
	b.WriteString(forwardSeparator)
	b.WriteString("\n发件人: ")
	switch {
	case env.fromName != "" && env.fromAddr != "":
		b.WriteString(env.fromName + " <" + env.fromAddr + ">")
	default:
		b.WriteString(env.fromName + env.fromAddr)
	}
	if !env.date.IsZero() {
		b.WriteString("\n日期: " + env.date.Format("2006-01-02 15:04:05 -0700"))
	}
	b.WriteString("\n主题: " + env.subject + "\n")
	if text != "" {
		b.WriteString("\n" + text)
	}
	return b.String()
}

// sanitizeFilename keeps the last path element of a name and drops control
// characters, so a name is safe to show and to offer when saving.
func sanitizeFilename(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	name = collapseSpace(name)
	if strings.Trim(name, ".") == "" {
		return ""
	}
	const maxName = 240
	if len(name) > maxName {
		cut := maxName
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut]
	}
	return name
}

// extensionFor gives a generated attachment name a useful extension. A fixed
// table: mime.ExtensionsByType depends on the system's mime.types.
func extensionFor(contentType string) string {
	switch contentType {
	case "image/jpeg", "image/jpg", "image/pjpeg":
		return ".jpg"
	case "image/png":
		return ".png"
	case "image/gif":
		return ".gif"
	case "image/bmp":
		return ".bmp"
	case "image/webp":
		return ".webp"
	case "application/pdf":
		return ".pdf"
	case "application/msword":
		return ".doc"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return ".docx"
	case "application/vnd.ms-excel":
		return ".xls"
	case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
		return ".xlsx"
	case "application/zip", "application/x-zip-compressed":
		return ".zip"
	case "message/rfc822":
		return ".eml"
	case "text/plain":
		return ".txt"
	case "text/html":
		return ".html"
	case "text/calendar":
		return ".ics"
	}
	return ".bin"
}
