package validate

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

var (
	schemeRE = regexp.MustCompile(`(?i)^[a-z][a-z0-9+.-]*://`)
	portRE   = regexp.MustCompile(`:\d*$`)
)

// Domain checks a domain name and returns it in lower-case ASCII, with
// internationalised labels in punycode (xn--…), as the national filing
// system stores them. A pasted URL is reduced to its host: the scheme, port,
// path, query and fragment are dropped; "www." is kept because it is part of
// what was filed.
func Domain(s string) (string, error) {
	host := fold(s)
	if host == "" {
		return "", errors.New(errDomainEmpty)
	}
	host = schemeRE.ReplaceAllString(host, "")
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if strings.Contains(host, "@") {
		return "", fmt.Errorf(errDomainAt, s)
	}
	host = portRE.ReplaceAllString(host, "")
	host = strings.TrimSuffix(host, ".")
	if _, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return "", fmt.Errorf(errDomainIP, host)
	}
	ascii, err := idna.Lookup.ToASCII(host)
	if err != nil || ascii == "" {
		return "", fmt.Errorf(errDomainChars, s)
	}
	ascii = strings.ToLower(ascii)
	labels := strings.Split(ascii, ".")
	if len(labels) < 2 {
		return "", fmt.Errorf(errDomainNoDot, s)
	}
	if len(ascii) > 253 {
		return "", fmt.Errorf(errDomainLong, len(ascii))
	}
	for _, l := range labels {
		if l == "" {
			// Quote the whole input: the empty label itself says nothing.
			return "", fmt.Errorf(errDomainEmptyLabel, s)
		}
		if len(l) > 63 {
			return "", fmt.Errorf(errDomainLabel, l)
		}
	}
	// A TLD must be one ICANN delegates; this also rejects typos such as
	// "example.con" and file names such as "申请表.doc".
	tld := labels[len(labels)-1]
	if suffix, icann := publicsuffix.PublicSuffix(tld); !icann || suffix != tld {
		return "", fmt.Errorf(errDomainTLD, DomainUnicode(tld))
	}
	// A bare public suffix (com.cn, gov.cn, sx.cn) is a registry's zone,
	// never a name someone filed: EffectiveTLDPlusOne refuses exactly those.
	if _, err := publicsuffix.EffectiveTLDPlusOne(ascii); err != nil {
		return "", fmt.Errorf(errDomainSuffix, DomainUnicode(ascii))
	}
	return ascii, nil
}

// SearchTerm prepares text typed into a search box so that a domain is
// found with and without its "www.": "www.example.com" and
// "http://www.example.com/" both become "example.com", which the substring
// search then finds in "example.com" and in "www.example.com". Any other
// text is returned trimmed.
func SearchTerm(q string) string {
	q = strings.TrimSpace(q)
	host := schemeRE.ReplaceAllString(q, "")
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if rest, ok := strings.CutPrefix(strings.ToLower(host), "www."); ok && strings.Contains(rest, ".") && !strings.ContainsAny(rest, " \t") {
		return rest
	}
	if host != q && strings.Contains(host, ".") && !strings.ContainsAny(host, " \t") {
		return strings.ToLower(host)
	}
	return q
}

// DomainUnicode returns the Unicode form of a punycode domain for display;
// a value that cannot be decoded is returned unchanged.
func DomainUnicode(ascii string) string {
	u, err := idna.Lookup.ToUnicode(ascii)
	if err != nil {
		return ascii
	}
	return u
}
