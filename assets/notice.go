package assets

// NoticeFonts returns the TrueType data of the bundled fonts for documents
// (PDF notices), which embed subsets of them.
func NoticeFonts() (regular, bold []byte) { return fontRegular, fontBold }
