package mail

import (
	"strings"
)

// mailbox is one mailbox from an address header.
type mailbox struct {
	name string // decoded display name, may be empty
	addr string // lower case; may lack "@" when the header was garbage
}

// parseAddressList parses an address header leniently. net/mail rejects raw 8-bit
// display names and unquoted specials that Chinese clients produce, so this splits
// on top-level commas (and semicolons, which people type) itself. The raw bytes are
// converted to UTF-8 first: a GBK display name may contain bytes such as '@' or '\'
// as the second byte of a character, which must not be read as syntax.
func parseAddressList(raw []byte) []mailbox {
	var list []mailbox
	for _, seg := range splitAddressList(decodeGuess(raw)) {
		if a, ok := parseMailbox(seg); ok {
			list = append(list, a)
		}
	}
	return list
}

// splitAddressList splits at commas and semicolons outside quotes, angle brackets
// and comments.
func splitAddressList(s string) []string {
	var (
		segs          []string
		start         int
		quoted        bool
		angle, paren  int
		escapePending bool
	)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if escapePending {
			escapePending = false
			continue
		}
		switch {
		case c == '\\' && (quoted || paren > 0):
			escapePending = true
		case c == '"' && paren == 0:
			quoted = !quoted
		case quoted:
		case c == '(':
			paren++
		case c == ')' && paren > 0:
			paren--
		case paren > 0:
		case c == '<':
			angle++
		case c == '>' && angle > 0:
			angle--
		case (c == ',' || c == ';') && angle == 0:
			segs = append(segs, s[start:i])
			start = i + 1
		}
	}
	return append(segs, s[start:])
}

// parseMailbox parses "Name <addr>", "addr (Name)" or a bare address.
func parseMailbox(seg string) (mailbox, bool) {
	seg = strings.TrimSpace(seg)
	seg = stripGroupName(seg)
	if seg == "" {
		return mailbox{}, false
	}
	var name, addr string
	if lt := strings.LastIndexByte(seg, '<'); lt >= 0 {
		gt := strings.IndexByte(seg[lt:], '>')
		if gt < 0 {
			gt = len(seg) - lt
			addr = seg[lt+1:]
		} else {
			addr = seg[lt+1 : lt+gt]
		}
		name = seg[:lt] + " " + seg[min(lt+gt+1, len(seg)):]
	} else {
		addr, name = splitComment(seg)
	}
	addr = cleanAddr(addr)
	name = cleanDisplayName(name)
	if addr == "" && name == "" {
		return mailbox{}, false
	}
	if strings.EqualFold(name, addr) {
		name = ""
	}
	return mailbox{name: name, addr: addr}, true
}

// stripGroupName removes an RFC 5322 group prefix "name:" (as in
// "undisclosed-recipients:;"). A colon inside quotes or after '<' is left alone.
func stripGroupName(seg string) string {
	quoted := false
	for i := 0; i < len(seg); i++ {
		switch seg[i] {
		case '"':
			quoted = !quoted
		case '<', '@':
			if !quoted {
				return seg
			}
		case ':':
			if !quoted {
				return strings.TrimSpace(seg[i+1:])
			}
		}
	}
	return seg
}

// splitComment splits "addr (comment)" into the address and the comment text.
func splitComment(seg string) (addr, comment string) {
	open := strings.IndexByte(seg, '(')
	if open < 0 {
		return seg, ""
	}
	end := strings.LastIndexByte(seg, ')')
	if end < open {
		end = len(seg)
	}
	return seg[:open] + seg[min(end+1, len(seg)):], seg[open+1 : end]
}

func cleanAddr(a string) string {
	a = strings.TrimSpace(a)
	a = strings.TrimPrefix(strings.TrimPrefix(a, "mailto:"), "MAILTO:")
	a = strings.Trim(a, "\"' \t<>")
	a = strings.Join(strings.Fields(a), "")
	return strings.ToLower(a)
}

// cleanDisplayName unquotes a display name and decodes encoded words, which
// Chinese clients also put inside quotes.
func cleanDisplayName(n string) string {
	n = strings.TrimSpace(n)
	var b strings.Builder
	for i := 0; i < len(n); i++ {
		c := n[i]
		switch {
		case c == '\\' && i+1 < len(n) && (n[i+1] == '"' || n[i+1] == '\\'):
			b.WriteByte(n[i+1])
			i++
		case c == '"':
		default:
			b.WriteByte(c)
		}
	}
	s, _ := decodeWords(b.String())
	s = collapseSpace(s)
	return strings.Trim(s, "'\" ")
}
