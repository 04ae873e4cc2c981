package notice

import "testing"

// BenchmarkPDF renders a 退回补正 notice; most of the time goes into
// reading the 7.7 MB font and cutting the subset.
func BenchmarkPDF(b *testing.B) {
	bk := newBook(b)
	n, err := bk.build(b, "received", KindReturn)
	if err != nil {
		b.Fatal(err)
	}
	fonts := testFonts(b)
	for b.Loop() {
		if _, err := n.PDF(fonts); err != nil {
			b.Fatal(err)
		}
	}
}
