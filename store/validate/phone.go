package validate

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// LocalArea is the area code assumed for a number given without one: the
// desk is in Taiyuan.
const LocalArea = "0351"

var (
	mobileRE = regexp.MustCompile(`^(?:\+?86|0086)?(1[3-9]\d{9})$`)
	// A landline is an area code (010, 02X or a four-digit 0XXX) and a
	// local number of 7 or 8 digits that starts with 2–9.
	landlineRE = regexp.MustCompile(`^(010|02\d|0[3-9]\d{2})([2-9]\d{6,7})$`)
	localRE    = regexp.MustCompile(`^[2-9]\d{6,7}$`)
	serviceRE  = regexp.MustCompile(`^([48]00)(\d{3})(\d{4})$`)
	// separators people put between digit groups.
	phoneSeps = strings.NewReplacer("-", "", " ", "", "(", "", ")", "", "—", "", "–", "", ".", "")
)

// Phone checks a mainland phone number and returns its normal form: a
// mobile number as 11 digits ("13812345678"), a landline as
// "area-local" ("0351-8788032"), a 400/800 service number as
// "400-123-4567". A bare 7–8 digit local number is taken as a Taiyuan
// number; "+86"/"0086" prefixes are dropped.
func Phone(s string) (string, error) {
	t := fold(s)
	if t == "" {
		return "", errors.New(errPhoneEmpty)
	}
	d := phoneSeps.Replace(t)
	if m := mobileRE.FindStringSubmatch(d); m != nil {
		return m[1], nil
	}
	// International form of a landline: +86 351 8788032.
	if rest, ok := cutPrefix(d, "+86", "0086"); ok && !strings.HasPrefix(rest, "0") {
		d = "0" + rest
	}
	if strings.TrimLeft(d, "0123456789") != "" {
		return "", fmt.Errorf(errPhoneChars, s)
	}
	if m := landlineRE.FindStringSubmatch(d); m != nil {
		return m[1] + "-" + m[2], nil
	}
	if localRE.MatchString(d) {
		return LocalArea + "-" + d, nil
	}
	if m := serviceRE.FindStringSubmatch(d); m != nil {
		return m[1] + "-" + m[2] + "-" + m[3], nil
	}
	if strings.HasPrefix(d, "1") && len(d) >= 10 && len(d) <= 12 {
		return "", fmt.Errorf(errPhoneMobile, s)
	}
	return "", fmt.Errorf(errPhoneShape, s)
}

func cutPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest, true
		}
	}
	return s, false
}
