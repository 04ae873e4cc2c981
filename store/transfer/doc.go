// Package transfer decodes the MIME transfer encodings in which a stored
// blob may be kept as a slice of a raw message (an attachment is not
// stored a second time, decoded, beside the mail it came in). The mail
// parser decodes with the same code, so a slice reopens to exactly the
// bytes that were hashed when it was stored.
//
// Decoding is tolerant, as mail needs: damage is counted and described by
// Problems instead of stopping the read.
package transfer
