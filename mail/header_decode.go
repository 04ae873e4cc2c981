package mail

import (
	"strings"

	"beiandesk/store/transfer"
)

// DecodeHeader decodes a raw header value: RFC 2047 encoded words (also those split
// in the middle of a character), and raw 8-bit bytes as UTF-8 when valid, else
// GB18030. Use it for header values that did not come through Parse.
func DecodeHeader(raw string) string {
	s, _ := decodeHeaderText([]byte(raw))
	return s
}

// decodeHeaderText decodes an unstructured header value such as Subject and
// collapses the white space that folding leaves behind.
func decodeHeaderText(raw []byte) (string, []string) {
	return decodeHeaderTextHint(raw, "")
}

// decodeHeaderTextHint is decodeHeaderText with the message's text charset as a
// hint for raw 8-bit bytes (see decodeHinted).
func decodeHeaderTextHint(raw []byte, hint string) (string, []string) {
	s, problems := decodeWords(decodeHinted(raw, hint))
	return collapseSpace(s), problems
}

// encodedWord is one RFC 2047 "=?charset?encoding?text?=" token.
type encodedWord struct {
	charset string
	b       bool // B (base64) rather than Q encoding
	text    string
}

// maxWordText bounds the text of one encoded word; real words are at most 75
// characters, folded ones a few hundred.
const maxWordText = 1000

// parseEncodedWord parses an encoded word at the start of s and returns its length.
func parseEncodedWord(s string) (encodedWord, int, bool) {
	if !strings.HasPrefix(s, "=?") {
		return encodedWord{}, 0, false
	}
	i := strings.IndexByte(s[2:], '?')
	if i <= 0 || i > 64 {
		return encodedWord{}, 0, false
	}
	charset := s[2 : 2+i]
	if strings.ContainsAny(charset, " \t\"") {
		return encodedWord{}, 0, false
	}
	rest := s[2+i+1:]
	if len(rest) < 2 || rest[1] != '?' {
		return encodedWord{}, 0, false
	}
	var b bool
	switch rest[0] {
	case 'B', 'b':
		b = true
	case 'Q', 'q':
	default:
		return encodedWord{}, 0, false
	}
	end := strings.Index(rest[2:], "?=")
	if end < 0 {
		return encodedWord{}, 0, false
	}
	text := rest[2 : 2+end]
	// RFC 2047 forbids white space inside a word, but Mailman writes
	// "=?UTF-8?Q? Jan_Pol=C3=A1=C5=A1ek ?=": accept spaces (not line breaks,
	// nor the start of another word) as Python and mailparser do.
	if strings.ContainsAny(text, "\r\n") || strings.Contains(text, "=?") || len(text) > maxWordText {
		return encodedWord{}, 0, false
	}
	if b {
		text = strings.Join(strings.Fields(text), "")
	}
	n := 2 + i + 1 + 2 + end + 2
	return encodedWord{charset: charset, b: b, text: text}, n, true
}

// headerToken is either literal text or an encoded word.
type headerToken struct {
	literal string
	word    encodedWord
	isWord  bool
}

func tokenizeWords(s string) []headerToken {
	var toks []headerToken
	start := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "=?")
		if j < 0 {
			break
		}
		i += j
		w, n, ok := parseEncodedWord(s[i:])
		if !ok {
			i += 2
			continue
		}
		if start < i {
			toks = append(toks, headerToken{literal: s[start:i]})
		}
		toks = append(toks, headerToken{word: w, isWord: true})
		i += n
		start = i
	}
	if start < len(s) {
		toks = append(toks, headerToken{literal: s[start:]})
	}
	return toks
}

// decodeWords replaces the encoded words in s, which is already UTF-8. Words need
// not be separated from surrounding text: clients put them inside quotes and next
// to raw text. Adjacent words in the same charset are joined as bytes before
// charset conversion, because senders split words in the middle of a multi-byte
// character, and sometimes even in the middle of a base64 group.
func decodeWords(s string) (string, []string) {
	if !strings.Contains(s, "=?") {
		return s, nil
	}
	toks := tokenizeWords(s)
	var (
		out      strings.Builder
		problems []string
		run      []encodedWord // adjacent words in one charset
	)
	flush := func() {
		if len(run) == 0 {
			return
		}
		text, problem := decodeCharset(run[0].charset, joinWordBytes(run))
		out.WriteString(text)
		if problem != "" {
			problems = append(problems, problem)
		}
		run = run[:0]
	}
	for i, t := range toks {
		if !t.isWord {
			// White space between two encoded words is not part of the text
			// (RFC 2047 section 6.2).
			between := i > 0 && toks[i-1].isWord && i+1 < len(toks) && toks[i+1].isWord
			if between && strings.TrimSpace(t.literal) == "" {
				continue
			}
			flush()
			out.WriteString(t.literal)
			continue
		}
		if len(run) > 0 && normalizeCharset(run[0].charset) != normalizeCharset(t.word.charset) {
			flush()
		}
		run = append(run, t.word)
	}
	flush()
	return out.String(), problems
}

// joinWordBytes decodes a run of words and concatenates the bytes. A B word whose
// text is not a whole number of base64 groups and carries no padding is continued
// by the next B word, so a group split across words is decoded whole.
func joinWordBytes(run []encodedWord) []byte {
	var (
		out     []byte
		pending string
	)
	for i, w := range run {
		if !w.b {
			if pending != "" {
				out = append(out, transfer.DecodeBase64(pending)...)
				pending = ""
			}
			out = append(out, decodeQWord(w.text)...)
			continue
		}
		pending += w.text
		cut := len(pending)%4 != 0 && !strings.Contains(pending, "=")
		if cut && i+1 < len(run) && run[i+1].b {
			continue
		}
		out = append(out, transfer.DecodeBase64(pending)...)
		pending = ""
	}
	return out
}

// collapseSpace turns runs of white space, including folding leftovers, into one
// space and trims the ends.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
