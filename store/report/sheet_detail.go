package report

import (
	"strings"

	"beiandesk/store/rules"
)

// detail writes 明细: one row per case received or closed in the period.
func (w *writer) detail() error {
	st := w.st
	fixed := fixedCol[*Row]
	cols := []column[*Row]{
		textCol(detailHeaders[0], 12, 16, func(c *Row) string { return c.Number }),
		textCol(detailHeaders[1], 6, 10, func(c *Row) string { return c.Kind.Label() }),
		textCol(detailHeaders[2], 6, 10, func(c *Row) string { return c.Channel.Label() }),
		textCol(detailHeaders[3], 6, 10, func(c *Row) string { return c.Status.Label() }),
		fixed(detailHeaders[4], 16, func(c *Row) cellVal {
			return cellVal{style: st.dateTime, kind: cellFloat, f: serialTime(c.ReceivedAt)}
		}),
		fixed(detailHeaders[5], 11, func(c *Row) cellVal { return st.dateCell(c.ReceivedDay) }),
		fixed(detailHeaders[6], 11, func(c *Row) cellVal { return st.dateCell(c.Due) }),
		fixed(detailHeaders[7], 11, func(c *Row) cellVal { return st.dateCell(c.ClosedDay) }),
		fixed(detailHeaders[8], 7, func(c *Row) cellVal { return st.intCell(c.Used, c.HasUsed) }),
		fixed(detailHeaders[9], 7, func(c *Row) cellVal { return st.intCell(c.Late, c.late) }),
		textCol(detailHeaders[10], 6, 10, func(c *Row) string { return c.Outcome.Label() }),
		textCol(detailHeaders[11], 5, 6, func(c *Row) string { return c.SponsorType.Label() }),
		textCol(detailHeaders[12], 10, 36, func(c *Row) string { return c.Sponsor }),
		textCol(detailHeaders[13], 10, 20, func(c *Row) string { return c.CertNo }),
		textCol(detailHeaders[14], 10, 44, func(c *Row) string { return strings.Join(c.Filings, listJoin) }),
		textCol(detailHeaders[15], 8, 36, func(c *Row) string { return strings.Join(c.Domains, listJoin) }),
		textCol(detailHeaders[16], 8, 30, func(c *Row) string { return c.Provider }),
		textCol(detailHeaders[17], 6, 12, func(c *Row) string { return c.Contact }),
		textCol(detailHeaders[18], 8, 15, func(c *Row) string { return c.Phone }),
		textCol(detailHeaders[19], 5, 5, func(c *Row) string { return yesNo(c.Complete) }),
		fixed(detailHeaders[20], 6, func(c *Row) cellVal { return st.intCell(c.Mails, true) }),
		textCol(detailHeaders[21], 6, 40, func(c *Row) string { return c.Note }),
		fixed(detailHeaders[22], 11, func(c *Row) cellVal { return st.dateCell(c.AcceptedDay) }),
		textCol(detailHeaders[23], 8, 30, func(c *Row) string { return c.Clerks }),
		textCol(detailHeaders[24], 10, 30, func(c *Row) string { return c.Reason }),
		fixed(detailHeaders[25], 7, func(c *Row) cellVal { return st.intCell(c.Returns, true) }),
		fixed(detailHeaders[26], 11, func(c *Row) cellVal { return st.dateCell(c.FirstReturn) }),
		fixed(detailHeaders[27], 11, func(c *Row) cellVal { return st.dateCell(c.LastReturn) }),
		textCol(detailHeaders[28], 10, 44, func(c *Row) string { return c.National }),
		textCol(detailHeaders[29], 5, 6, func(c *Row) string { return c.City }),
		textCol(detailHeaders[30], 6, 10, func(c *Row) string { return applicantLabel(c) }),
		textCol(detailHeaders[31], 6, 8, func(c *Row) string {
			if c.DueUnverified {
				return dueUnverified
			}
			return ""
		}),
		// 告知: the days notices were mailed, from the outbox (the one
		// source of notice days).
		textCol(detailHeaders[32], 6, 24, func(c *Row) string { return c.Notified }),
	}
	return writeList(w, sheetDetail, cols, w.r.Cases)
}

func yesNo(b bool) string {
	if b {
		return yes
	}
	return no
}

// applicantLabel is 法人本人 or 委托代理人 for an organisation; a person
// applies in person.
func applicantLabel(c *Row) string {
	if c.SponsorType == rules.SponsorPerson {
		return personApplicant
	}
	if c.Applicant == "" {
		return rules.ApplicantLegal.Label()
	}
	return c.Applicant.Label()
}
