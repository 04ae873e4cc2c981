package mail

import "strings"

// wordHit is an occurrence of one of a set of words.
type wordHit struct{ start, end int }

// wordSet is a list of words (labels, organisation suffixes) searched for
// together: one pass over the text finds them all, where a search per
// word read the text once per word (a quarter of the proposal's time,
// pprof, issue 11).
type wordSet struct {
	words []string // in order of preference
	// lead has a bit for the first two bytes of each word: most places in
	// a text start none, and are passed over after one lookup.
	lead [1 << 16 / 64]uint64
}

// newWordSet returns the set of words, the first listed preferred where
// two start at one place. Each word has at least two bytes, as every CJK
// character has.
func newWordSet(words ...string) *wordSet {
	ws := &wordSet{words: words}
	for _, w := range words {
		if len(w) < 2 {
			panic("mail: word set: a word of fewer than two bytes: " + w)
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		ws.lead[k>>6] |= 1 << (k & 63)
	}
	return ws
}

// findWords returns the non-overlapping occurrences of the set's words in
// s, in order; at one position the word listed first wins. Each word's
// own occurrences are searched for one after another from the end of the
// last, as a search per word would.
func findWords(s string, ws *wordSet) []wordHit {
	var hits []wordHit
	var next [32]int // per word: where its next occurrence may start
	var nextAt []int
	if len(ws.words) > len(next) {
		nextAt = make([]int, len(ws.words))
	} else {
		nextAt = next[:len(ws.words)]
	}
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if ws.lead[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for wi, w := range ws.words {
			if i >= nextAt[wi] && strings.HasPrefix(s[i:], w) {
				hits = append(hits, wordHit{i, i + len(w)})
				nextAt[wi] = i + len(w)
			}
		}
	}
	out := hits[:0]
	end := 0
	for _, h := range hits {
		if h.start >= end {
			out = append(out, h)
			end = h.end
		}
	}
	return out
}
