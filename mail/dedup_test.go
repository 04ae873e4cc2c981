package mail

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"testing"
)

// canonReference is canonHash's rule spelled out on the whole input: CRLF
// becomes LF, and the trailing line ends (LFs, then a lone CR still waiting
// for its LF) are dropped.
func canonReference(p []byte) string {
	var out []byte
	for i := 0; i < len(p); i++ {
		if p[i] == '\r' && i+1 < len(p) && p[i+1] == '\n' {
			continue // the LF that follows is kept
		}
		out = append(out, p[i])
	}
	if len(out) > 0 && out[len(out)-1] == '\r' {
		out = out[:len(out)-1]
	}
	for len(out) > 0 && out[len(out)-1] == '\n' {
		out = out[:len(out)-1]
	}
	sum := sha256.Sum256(out)
	return hex.EncodeToString(sum[:])
}

// TestCanonHashChunks feeds random text of CR, LF and other bytes (long runs
// too) in random pieces: the hash must not depend on where writes split.
func TestCanonHashChunks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab\r\n")
	for round := range 300 {
		n := rng.IntN(3000)
		if round%10 == 0 {
			n = 100 << 10 // runs longer than the 32 KiB flush
		}
		p := make([]byte, n)
		for i := range p {
			if round%10 == 0 && rng.IntN(50000) != 0 {
				p[i] = 'x'
				continue
			}
			p[i] = alphabet[rng.IntN(len(alphabet))]
		}
		c := canonHash{h: sha256.New()}
		for rest := p; len(rest) > 0; {
			k := min(len(rest), 1+rng.IntN(200))
			if rng.IntN(4) == 0 {
				k = len(rest)
			}
			c.write(rest[:k])
			rest = rest[k:]
		}
		if got, want := c.sum(), canonReference(p); got != want {
			t.Fatalf("round %d (%d bytes): %s, want %s", round, n, got, want)
		}
	}
}
