package mail

import (
	"strings"
	"time"
)

// mimeEnvelope holds the decoded header fields of a message.
type mimeEnvelope struct {
	messageID          string
	date               time.Time
	fromName, fromAddr string
	to                 []string
	subject            string
}

func (p *mimeParser) envelope(h mimeHeader) mimeEnvelope {
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
	subject, problems := decodeHeaderText(h.get("subject"))
	env.subject = subject
	p.problem(problems...)

	from := h.get("from")
	if len(from) == 0 {
		from = h.get("sender")
	}
	if list := parseAddressList(from); len(list) > 0 {
		env.fromName, env.fromAddr = list[0].name, list[0].addr
	}
	for _, raw := range h.getAll("to") {
		for _, a := range parseAddressList(raw) {
			if strings.Contains(a.addr, "@") {
				env.to = append(env.to, a.addr)
			}
		}
	}
	return env
}
