package mail

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// findWordsEachWord is findWords as it was written first, one search of the
// whole text per word: the reference the one-pass search must agree with.
func findWordsEachWord(s string, words []string) []wordHit {
	var hits []wordHit
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			hits = append(hits, wordHit{i + j, i + j + len(w)})
			i += j + len(w)
		}
	}
	// Stable: at equal positions the earlier (longer) word stays first.
	slices.SortStableFunc(hits, func(a, b wordHit) int { return a.start - b.start })
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

// The one-pass search finds exactly what a search per word finds, on
// random text made of the words' own pieces (so that words overlap, nest
// and repeat) and of other characters.
func TestFindWordsOnePassMatchesPerWord(t *testing.T) {
	sets := []*wordSet{contactLabels, providerLabels, personLabels, sponsorLabels, orgSuffixes,
		newWordSet("ab", "aba", "bab", "ba"), newWordSet("ca", "aaa")} // self-overlapping words too
	rng := rand.New(rand.NewPCG(3, 4))
	for _, ws := range sets {
		var pieces []string
		for _, w := range ws.words {
			rs := []rune(w)
			for i := range rs {
				pieces = append(pieces, string(rs[:i+1]), string(rs[i:]))
			}
		}
		pieces = append(pieces, "：", " ", "\n", "郭敏", "x", "有限")
		for range 3000 {
			var b strings.Builder
			for n := rng.IntN(40); n > 0; n-- {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			s := b.String()
			if got, want := findWords(s, ws), findWordsEachWord(s, ws.words); !slices.Equal(got, want) {
				t.Fatalf("%q in %q: one pass %v, per word %v", ws.words, s, got, want)
			}
		}
	}
}
