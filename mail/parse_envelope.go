package mail

import (
	"strings"
	"time"
	"unicode/utf8"
)

// mimeEnvelope holds the decoded header fields of a message.
type mimeEnvelope struct {
	messageID          string
	date               time.Time
	fromName, fromAddr string
	to                 []string
	subject            string
}

// envelope decodes the header fields of a message. hint is a charset the message
// declares for its text, used for raw 8-bit subjects and names.
func (p *mimeParser) envelope(h mimeHeader, hint string) mimeEnvelope {
	var env mimeEnvelope
	env.messageID = cleanMessageID(decodeGuess(h.get("message-id")))
	if raw := h.get("date"); len(raw) > 0 {
		v := decodeGuess(raw)
		if t, ok := parseDate(v); ok {
			env.date = t
		} else {
			p.problemf("无法解析日期 %q", v)
		}
	}
	subject, problems := decodeHeaderTextHint(h.get("subject"), hint)
	env.subject = subject
	p.problem(problems...)

	from := h.get("from")
	if len(from) == 0 {
		from = h.get("sender")
	}
	if list := parseAddressListHint(from, hint); len(list) > 0 {
		env.fromName, env.fromAddr = list[0].name, list[0].addr
	}
	for _, raw := range h.getAll("to") {
		for _, a := range parseAddressListHint(raw, hint) {
			if strings.Contains(a.addr, "@") {
				env.to = append(env.to, a.addr)
			}
		}
	}
	return env
}

// has8bit reports whether a header field the envelope decodes holds raw bytes
// that are not UTF-8, so that a charset hint found later could change it.
func has8bit(h mimeHeader) bool {
	for _, k := range []string{"subject", "from", "sender"} {
		if v := h.get(k); v != nil && !utf8.Valid(v) {
			return true
		}
	}
	return false
}
