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
	return parseAddressListHint(raw, "")
}

// parseAddressListHint is parseAddressList with the message's text charset as a
// hint for raw 8-bit bytes (see decodeHinted).
func parseAddressListHint(raw []byte, hint string) []mailbox {
	var list []mailbox
	for _, seg := range splitAddressList(decodeHinted(raw, hint)) {
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
	// The first bracket outside quotes: "A <a@x> B <b@x>" (a missing comma)
	// is A, as Python reads it.
	if lt := indexUnquoted(seg, '<'); lt >= 0 {
		gt := strings.IndexByte(seg[lt:], '>')
		if gt < 0 {
			gt = len(seg) - lt
			addr = seg[lt+1:]
		} else {
			addr = seg[lt+1 : lt+gt]
		}
		name = seg[:lt]
		if tail := seg[min(lt+gt+1, len(seg)):]; indexUnquoted(tail, '<') < 0 {
			name += " " + tail // "<addr> Name" and "<addr> (Name)"
		}
	} else {
		addr, name = splitComment(seg)
		addr, name = splitBareName(addr, name)
	}
	addr = cleanAddr(decodeAddrWords(addr))
	name = cleanDisplayName(name)
	if addr == "" && name == "" {
		return mailbox{}, false
	}
	return mailbox{name: name, addr: addr}, true
}

// splitBareName splits an unbracketed "Name addr@x" (written by some web forms
// and scripts) into name and address instead of gluing them into one address.
func splitBareName(addr, comment string) (string, string) {
	f := strings.Fields(addr)
	if len(f) < 2 || !strings.Contains(f[len(f)-1], "@") || strings.Contains(strings.Join(f[:len(f)-1], ""), "@") {
		return addr, comment
	}
	name := strings.Join(f[:len(f)-1], " ")
	if comment != "" {
		name += " " + comment
	}
	return f[len(f)-1], name
}

// decodeAddrWords decodes encoded words that spam and old Japanese clients put
// in the local part of an address; a local part that then needs quoting is quoted.
func decodeAddrWords(addr string) string {
	if !strings.Contains(addr, "=?") {
		return addr
	}
	at := strings.LastIndexByte(addr, '@')
	if at < 0 {
		return addr
	}
	local, _ := decodeWords(addr[:at])
	if strings.ContainsAny(local, "@ \"(),:;<>[]\\") {
		local = `"` + strings.ReplaceAll(local, `"`, "") + `"`
	}
	return local + addr[at:]
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

// indexUnquoted finds c outside double quotes.
func indexUnquoted(s string, c byte) int {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && quoted:
			i++
		case s[i] == '"':
			quoted = !quoted
		case s[i] == c && !quoted:
			return i
		}
	}
	return -1
}

func cleanAddr(a string) string {
	a = strings.TrimSpace(a)
	a = strings.TrimPrefix(strings.TrimPrefix(a, "mailto:"), "MAILTO:")
	a = strings.Trim(a, " \t<>")
	// Quotes around the whole address are noise; a quoted local part
	// ("a b"@x) is part of the address.
	if at := strings.LastIndexByte(a, '@'); at <= 0 || a[0] != '"' || a[at-1] != '"' {
		a = strings.Trim(a, "\"'")
	}
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
	s = strings.Trim(collapseSpace(s), "\" ")
	// 'Name' in single quotes is a quoted name; a lone apostrophe at one end
	// ("Chris Jones'", "O'") is part of it.
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}
