package mail

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"beiandesk/store/transfer"
)

// mimeParser holds the state of one Parse call.
type mimeParser struct {
	save        SaveFunc
	attachments []Attachment
	problems    []string
	seen        map[string]bool // problems already noted
	unnamed     int             // attachments that needed a generated name
	entities    int             // body parts seen, against maxEntities
	textCharset string          // the first declared non-UTF-8 charset of a text part
	haveText    bool            // a body text part has been read
	skipHTML    bool            // the entity being walked is an HTML alternative to a plain text already read
	hashSliced  bool            // an attachment with a RawSpan is hashed, not saved (see parse)
}

// problem notes what was broken; each distinct note is kept once.
func (p *mimeParser) problem(notes ...string) {
	for _, n := range notes {
		if n != "" && !p.seen[n] {
			p.seen[n] = true
			p.problems = append(p.problems, n)
		}
	}
}

func (p *mimeParser) problemf(format string, args ...any) {
	p.problem(fmt.Sprintf(format, args...))
}

// mimeEntity is a message or body part as described by its header.
type mimeEntity struct {
	mediaType   string            // lower case "type/subtype"
	typed       bool              // mediaType came from a valid Content-Type, not the default
	params      map[string]string // Content-Type parameters
	disposition string            // lower case, "" when absent
	filename    string            // decoded; from Content-Disposition, else Content-Type name
	cte         string            // Content-Transfer-Encoding as written
}

func newEntity(h mimeHeader, defaultType string, p *mimeParser) *mimeEntity {
	e := &mimeEntity{mediaType: defaultType, params: map[string]string{}}
	if raw := h.get("content-type"); raw != nil {
		ct := parseMediaHeader(raw)
		p.problem(ct.problems...)
		e.params = ct.params
		switch {
		case isMediaType(ct.value):
			e.mediaType, e.typed = ct.value, true
		case ct.value != "":
			p.problemf("无法识别的 Content-Type %q，已按 %s 处理", ct.value, defaultType)
		}
	}
	if raw := h.get("content-disposition"); raw != nil {
		cd := parseMediaHeader(raw)
		p.problem(cd.problems...)
		e.disposition = cd.value
		e.filename = cd.params["filename"]
	}
	if strings.TrimSpace(e.filename) == "" {
		e.filename = e.params["name"]
	}
	e.cte = string(h.get("content-transfer-encoding"))
	return e
}

func isMediaType(v string) bool {
	typ, sub, ok := strings.Cut(v, "/")
	return ok && typ != "" && sub != "" && !strings.Contains(sub, "/")
}

// partText is the readable text an entity contributes to Message.Text.
type partText struct {
	text    string
	html    bool // the text was converted from HTML
	skipped bool // an HTML alternative left unread: its bytes need no decoding
	saved   int  // 1 + the index in mimeParser.attachments of the attachment this entity is; 0 if none
}

// walk processes one entity whose body (still transfer-encoded) is r. parent is
// the subtype of the enclosing multipart, "" at the top of a message.
func (p *mimeParser) walk(e *mimeEntity, r io.Reader, depth int, parent string) (partText, error) {
	if depth > maxDepth {
		p.problemf("MIME 嵌套超过 %d 层，更深的内容已忽略", maxDepth)
		return partText{}, nil
	}
	start, positioned := rawPosOf(r)
	raw := &countedSlice{countingReader: countingReader{r: r}, start: start, positioned: positioned}
	r = raw
	var body transferReader
	if normalizeTransferEncoding(e.cte) == "base64" && strings.HasPrefix(e.mediaType, "text/") {
		// A text part labelled base64 that holds words (a wrong label) would
		// decode to garbage; look at its start first.
		br := bufio.NewReaderSize(r, 4<<10)
		head, _ := br.Peek(4 << 10)
		r = &headedBody{br: br, under: r}
		if wordsNotBase64(head, e.params["charset"]) {
			body = plainReader{Reader: r, note: "正文声明为 base64 但实为普通文字，已按原文读取"}
		}
	}
	if body == nil {
		body = newTransferReader(e.cte, r)
	}
	// The encoding the body is actually read in, which a slice of the raw
	// message must be decoded in again to give the same bytes.
	enc := ""
	switch body.(type) {
	case plainReader:
		enc = transfer.Plain
	case base64Reader:
		enc = transfer.Base64
	}
	sliceable := positioned && enc != ""
	c, err := p.dispatch(e, body, depth, parent, sliceable)
	if err != nil {
		return c, err
	}
	if c.skipped {
		io.Copy(io.Discard, r)
	} else {
		io.Copy(io.Discard, body) // reads only from our own readers: no error to see
		p.problem(body.problems()...)
	}
	if rel, ok := body.(interface{ release() }); ok {
		rel.release()
	}
	if c.saved > 0 && sliceable {
		// The body has been read to its end: raw.n is its whole length.
		p.attachments[c.saved-1].Raw = &RawSpan{Start: start, Length: raw.n, Encoding: enc}
	}
	return c, nil
}

// dispatch reads one entity's decoded body. sliceable says that walk will
// know the entity's place in the raw message once it is read.
func (p *mimeParser) dispatch(e *mimeEntity, body io.Reader, depth int, parent string, sliceable bool) (partText, error) {
	// The flag is for this entity only, not for what is nested in it.
	skipHTML := p.skipHTML
	p.skipHTML = false
	inline := e.disposition == "inline" || e.disposition == "" && parent == "related"
	attached := e.disposition == "attachment"
	switch mt := e.mediaType; {
	case strings.HasPrefix(mt, "multipart/"):
		return p.walkMultipart(e, body, depth)
	case mt == "message/rfc822" || mt == "message/global":
		// A forwarded mail with a file name is a file the sender attached, also
		// when it is marked inline (Outlook and Coremail do that).
		if attached || strings.TrimSpace(e.filename) != "" {
			return p.walkAttachedMessage(e, body, depth, inline, sliceable)
		}
		c, _, err := p.walkMessage(body, depth)
		return c, err
	case isBodyText(mt) && !attached && (strings.TrimSpace(e.filename) == "" || !p.haveText):
		// An inline text part with a file name (msg.txt, filename.html) is the
		// body when nothing else is, as mail clients and Python show it.
		if skipHTML && mt == "text/html" {
			// chooseAlternative would drop it: the plain version was read.
			return partText{html: true, skipped: true}, nil
		}
		c := p.readText(e, body)
		p.haveText = p.haveText || strings.TrimSpace(c.text) != ""
		return c, nil
	}
	contentType := e.mediaType
	if !e.typed && contentType == "text/plain" {
		// Without a Content-Type RFC 2045 says text/plain, but for an attachment
		// (it has a file name or says so) that claim would mislead.
		contentType = "application/octet-stream"
	}
	a, ok, err := p.saveAttachment(e.filename, contentType, body, inline, sliceable)
	if ok {
		p.attachments = append(p.attachments, a)
		return partText{saved: len(p.attachments)}, err
	}
	return partText{}, err
}

// isBodyText reports whether a part of type mt without a file name is body text.
func isBodyText(mt string) bool {
	switch mt {
	case "text/plain", "text/html", "text/rfc822-headers", "message/delivery-status":
		return true
	}
	return false
}

func (p *mimeParser) walkMultipart(e *mimeEntity, body io.Reader, depth int) (partText, error) {
	sub := strings.TrimPrefix(e.mediaType, "multipart/")
	boundary := strings.TrimRight(e.params["boundary"], " \t")
	if boundary == "" {
		p.problem("multipart 缺少 boundary 参数，已尝试猜测分隔线")
	}
	childType := "text/plain"
	if sub == "digest" {
		childType = "message/rfc822"
	}
	mr := newMultipartReader(body, boundary)
	defer mr.release()
	var parts []partText
	for {
		if p.entities >= maxEntities {
			p.problemf("邮件包含超过 %d 个 MIME 部分，其余已忽略", maxEntities)
			break
		}
		pr := mr.next()
		if pr == nil {
			break
		}
		p.entities++
		br := bufio.NewReaderSize(pr, 4<<10)
		h, rest, end := readHeader(br)
		if end == endStray && len(h) > 0 {
			p.problem("有 MIME 部分的头与正文之间缺少空行")
		}
		// In an alternative whose plain text was read, an HTML version
		// would be rendered only to be dropped by chooseAlternative.
		p.skipHTML = sub == "alternative" && slices.ContainsFunc(parts, isPlainText)
		c, err := p.walk(newEntity(h, childType, p), bodyReader(rest, br, pr), depth+1, sub)
		p.skipHTML = false
		if err != nil {
			return partText{}, err
		}
		parts = append(parts, c)
	}
	if mr.unterminated {
		p.problem("multipart 缺少结束分隔线（邮件可能被截断）")
	}
	if mr.parts == 0 {
		p.problem("multipart 中找不到分隔线，已按纯文本显示")
		return p.textFromBytes(mr.preamble, e.params["charset"], looksLikeHTML(mr.preamble)), nil
	}
	if sub == "alternative" {
		return chooseAlternative(parts), nil
	}
	return p.joinContents(parts), nil
}

// isPlainText reports a part chooseAlternative takes first.
func isPlainText(c partText) bool { return !c.html && strings.TrimSpace(c.text) != "" }

// chooseAlternative prefers the plain text version, as the clerk reads text.
func chooseAlternative(parts []partText) partText {
	for _, c := range parts {
		if isPlainText(c) {
			return c
		}
	}
	for _, c := range parts {
		if strings.TrimSpace(c.text) != "" {
			return c
		}
	}
	return partText{}
}

func (p *mimeParser) joinContents(parts []partText) partText {
	var texts []string
	html := false
	for _, c := range parts {
		if strings.TrimSpace(c.text) == "" {
			continue
		}
		if len(texts) == 0 {
			html = c.html
		} else {
			html = html && c.html
		}
		texts = append(texts, c.text)
	}
	return partText{text: p.capText(strings.Join(texts, "\n\n")), html: html}
}

// walkMessage parses a message/rfc822 body: a forwarded mail.
func (p *mimeParser) walkMessage(r io.Reader, depth int) (partText, mimeEnvelope, error) {
	if depth+1 > maxDepth {
		p.problemf("MIME 嵌套超过 %d 层，更深的内容已忽略", maxDepth)
		return partText{}, mimeEnvelope{}, nil
	}
	br := bufio.NewReaderSize(r, 8<<10)
	h, rest, _ := readHeader(br)
	env := p.envelope(h, "")
	c, err := p.walk(newEntity(h, "text/plain", p), bodyReader(rest, br, r), depth+1, "")
	if err != nil {
		return partText{}, env, err
	}
	return partText{text: p.capText(forwardBlock(env, c.text))}, env, nil
}

// walkAttachedMessage handles a message/rfc822 attachment: the .eml itself is
// listed as an attachment, followed by the attachments inside it. The part is
// spooled because it is read twice.
func (p *mimeParser) walkAttachedMessage(e *mimeEntity, body io.Reader, depth int, inline, sliceable bool) (partText, error) {
	sp := newPartSpool(spoolInMemory)
	defer sp.close()
	if _, err := io.Copy(sp, body); err != nil {
		return partText{}, err
	}
	src, err := sp.reader()
	if err != nil {
		return partText{}, err
	}
	mark := len(p.attachments)
	c, env, err := p.walkMessage(src, depth)
	if err != nil {
		return partText{}, err
	}
	name := e.filename
	if strings.TrimSpace(name) == "" {
		name = sanitizeFilename(env.subject)
		if name == "" {
			name = "转发的邮件"
		}
		name += ".eml"
	}
	if src, err = sp.reader(); err != nil {
		return partText{}, err
	}
	a, ok, err := p.saveAttachment(name, e.mediaType, src, inline, sliceable)
	if ok {
		p.attachments = slices.Insert(p.attachments, mark, a)
		c.saved = mark + 1
	}
	return c, err
}

// saveAttachment streams one attachment to the SaveFunc, or only hashes it
// when it will be kept as a slice of the raw message (sliceable, with
// hashSliced). ok is false when the attachment was skipped.
func (p *mimeParser) saveAttachment(name, contentType string, body io.Reader, inline, sliceable bool) (a Attachment, ok bool, err error) {
	if len(p.attachments) >= maxAttachments {
		p.problemf("附件超过 %d 个，其余已忽略", maxAttachments)
		return Attachment{}, false, nil
	}
	name = sanitizeFilename(name)
	if name == "" {
		p.unnamed++
		name = fmt.Sprintf("未命名附件%d%s", p.unnamed, extensionFor(contentType))
	}
	cr := &countingReader{r: body}
	save := p.save
	if sliceable && p.hashSliced {
		save = hashOnly
	}
	sum, size, err := save(name, contentType, cr)
	if err != nil {
		return Attachment{}, false, fmt.Errorf("mail: save attachment %q: %w", name, err)
	}
	if extra, _ := io.Copy(io.Discard, body); extra > 0 || size != cr.n {
		return Attachment{}, false, fmt.Errorf("mail: save attachment %q: save read %d bytes and reported %d, but the attachment has %d",
			name, cr.n, size, cr.n+extra)
	}
	return Attachment{Name: name, ContentType: contentType, Size: cr.n, SHA256: sum, Inline: inline}, true, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
