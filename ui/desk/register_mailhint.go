package desk

import (
	"fmt"
	"strings"

	"beiandesk/mail"
)

// mailFieldLabels names the proposal's fields as the form labels them.
var mailFieldLabels = map[string]string{
	mail.FieldKind:        txtFieldKind,
	mail.FieldSponsorType: txtFieldSponsorT,
	mail.FieldSponsor:     txtFieldSponsor,
	mail.FieldCertNo:      txtFieldCertOrg,
	mail.FieldContact:     txtFieldContact,
	mail.FieldPhone:       txtFieldPhone,
	mail.FieldProvider:    txtFieldProvider,
	mail.FieldFilings:     txtFieldFilings,
	mail.FieldDomains:     txtFieldDomains,
}

// fromMailTitle is the form title for a case begun from a mail: it lists the
// fields that were filled from the mail, so the clerk knows what to check.
func fromMailTitle(p mail.Proposal) string {
	var names []string
	for _, f := range p.Fields {
		if l, ok := mailFieldLabels[f]; ok {
			names = append(names, l)
		}
	}
	if len(names) == 0 {
		return txtRegFromMail
	}
	return fmt.Sprintf(txtFromMailHint, txtRegFromMail, strings.Join(names, txtFromMailSep))
}
