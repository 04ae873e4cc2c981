// Package validate checks and normalises the identifiers a clerk types or
// copies from mail: resident ID numbers, unified social credit codes, ICP
// filing numbers, domain names and phone numbers.
//
// Every function either returns the canonical form or an error whose
// message, in Chinese, names the field and what is wrong; input is never
// accepted silently. Full-width characters (１２３, ＩＣＰ, －) are folded
// to their ASCII forms first, because Chinese input methods produce them.
package validate
