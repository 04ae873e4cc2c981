package mail

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// mediaHeader is a parsed Content-Type or Content-Disposition value.
type mediaHeader struct {
	value    string            // lower case, e.g. "text/plain" or "attachment"
	params   map[string]string // decoded values, lower-case keys
	problems []string
}

// paramPiece is one raw "key=value" with its RFC 2231 section number.
type paramPiece struct {
	index    int // -1 when the key has no section number
	extended bool
	value    string
}

// parseMediaHeader parses a header of the form "value; key=val; ...". It is far
// more tolerant than mime.ParseMediaType, which rejects a whole header for one bad
// parameter: it accepts unquoted values with spaces or 8-bit bytes, unterminated
// quotes, duplicate keys, RFC 2231 values in any charset with continuations, and
// RFC 2047 encoded words inside quoted values.
func parseMediaHeader(raw []byte) mediaHeader {
	// Convert to UTF-8 first, so that a GBK second byte 0x5C is not taken for
	// a backslash escape inside a quoted filename.
	s := decodeGuess(raw)
	m := mediaHeader{params: map[string]string{}}
	v, rest, _ := strings.Cut(s, ";")
	v = dateComment.ReplaceAllString(v, "")
	m.value = strings.ToLower(strings.Join(strings.Fields(v), ""))

	pieces := map[string][]paramPiece{}
	var order []string
	for rest != "" {
		var key, val string
		key, val, rest = nextParam(rest)
		if key == "" {
			continue
		}
		name, p := splitParamKey(key)
		p.value = val
		if _, seen := pieces[name]; !seen {
			order = append(order, name)
		}
		pieces[name] = append(pieces[name], p)
	}
	for _, name := range order {
		val, problem := assembleParam(pieces[name])
		if problem != "" {
			m.problems = append(m.problems, problem)
		}
		m.params[name] = val
	}
	return m
}

// nextParam reads one parameter from s (after a ';') and returns the remainder.
func nextParam(s string) (key, val, rest string) {
	s = strings.TrimLeft(s, " \t;")
	eq := strings.IndexAny(s, "=;")
	if eq < 0 || s[eq] == ';' {
		if eq < 0 {
			return "", "", ""
		}
		return "", "", s[eq+1:]
	}
	key = strings.ToLower(strings.TrimSpace(s[:eq]))
	s = strings.TrimLeft(s[eq+1:], " \t")
	if strings.HasPrefix(s, "\"") {
		var b strings.Builder
		i := 1
		for ; i < len(s); i++ {
			c := s[i]
			if c == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
				// Only escapes that must be escaped: Windows paths in filenames
				// carry single backslashes.
				b.WriteByte(s[i+1])
				i++
				continue
			}
			if c == '"' {
				break
			}
			b.WriteByte(c)
		}
		rest = ""
		if i < len(s) {
			if j := strings.IndexByte(s[i:], ';'); j >= 0 {
				rest = s[i+j+1:]
			}
		}
		return key, b.String(), rest
	}
	val, rest, _ = strings.Cut(s, ";")
	return key, strings.TrimSpace(val), rest
}

// splitParamKey splits "filename*1*" into "filename" and its section info.
func splitParamKey(key string) (string, paramPiece) {
	p := paramPiece{index: -1}
	name, section, ok := strings.Cut(key, "*")
	if !ok {
		return key, p
	}
	if section == "" {
		p.extended = true // "name*"
		return name, p
	}
	if strings.HasSuffix(section, "*") {
		p.extended = true
		section = strings.TrimSuffix(section, "*")
	}
	if n, err := strconv.Atoi(section); err == nil && n >= 0 && n < 1000 {
		p.index = n
	}
	return name, p
}

// assembleParam builds one parameter value from its pieces following RFC 2231:
// an extended value beats a plain one; sections are joined in order, percent
// decoded where marked, and converted from the charset named in the first.
func assembleParam(ps []paramPiece) (string, string) {
	var single, plain *paramPiece
	var sections []paramPiece
	for i := range ps {
		p := &ps[i]
		switch {
		case p.index >= 0:
			sections = append(sections, *p)
		case p.extended && single == nil:
			single = p
		case !p.extended && plain == nil:
			plain = p
		}
	}
	switch {
	case single != nil:
		return decodeExtended([]paramPiece{*single})
	case len(sections) > 0:
		sort.SliceStable(sections, func(i, j int) bool { return sections[i].index < sections[j].index })
		return decodeExtended(sections)
	case plain != nil:
		s, problems := decodeWords(plain.value)
		return maybePercentDecoded(s), strings.Join(problems, "；")
	}
	return "", ""
}

// decodeExtended joins RFC 2231 sections. Sections without the trailing '*' are
// literal; when no section is extended at all the joined text may still hold
// encoded words (clients fold "=?UTF-8?B?...?=" into filename*0, filename*1).
func decodeExtended(sections []paramPiece) (string, string) {
	var (
		buf      []byte
		charset  string
		extended bool
	)
	for i, p := range sections {
		v := p.value
		if !p.extended {
			buf = append(buf, v...)
			continue
		}
		extended = true
		if i == 0 {
			// charset'language'value; tolerate a missing language part.
			if parts := strings.SplitN(v, "'", 3); len(parts) == 3 {
				charset, v = parts[0], parts[2]
			} else if len(parts) == 2 {
				charset, v = parts[0], parts[1]
			}
		}
		buf = append(buf, percentDecode(v)...)
	}
	if !extended {
		s, problems := decodeWords(string(buf))
		return s, strings.Join(problems, "；")
	}
	if strings.TrimSpace(charset) == "" {
		return decodeGuess(buf), ""
	}
	return decodeCharset(charset, buf)
}

func percentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// maybePercentDecoded undoes URL encoding in a plain parameter value, which some
// web mail writes instead of RFC 2231, but only when the result is clearly
// non-ASCII text.
func maybePercentDecoded(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return s
		}
	}
	b := percentDecode(s)
	if len(b) == len(s) || !utf8.Valid(b) {
		return s
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return string(b)
		}
	}
	return s
}
