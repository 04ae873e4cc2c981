package desk

import (
	"strings"
	"testing"

	"beiandesk/mail"
)

func TestFromMailTitleListsMailFields(t *testing.T) {
	got := fromMailTitle(mail.Proposal{Fields: []string{mail.FieldSponsor, mail.FieldContact, mail.FieldProvider, mail.FieldDomains}})
	for _, want := range []string{txtRegFromMail, "来自邮件", txtFieldSponsor, txtFieldContact, txtFieldProvider, txtFieldDomains} {
		if !strings.Contains(got, want) {
			t.Errorf("title %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, txtFieldFilings) {
		t.Errorf("title %q names filings, which the mail did not fill", got)
	}
	if got := fromMailTitle(mail.Proposal{}); got != txtRegFromMail {
		t.Errorf("title without fields = %q, want %q", got, txtRegFromMail)
	}
}
