package ledger

import (
	"errors"
	"fmt"
	"strings"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// Problem is a ledger row that is not imported: its row number, the column
// at fault (its header text) and the reason in Chinese.
type Problem struct {
	Row    int    `json:"row"`
	Column string `json:"column"`
	Reason string `json:"reason"`
}

// required are the fields without which no row can become a case.
var required = []Field{FieldReceived, FieldSponsor, FieldChannel}

// CheckMapping reports a required field no column maps to.
func CheckMapping(m Mapping) error {
	for _, f := range required {
		if len(m.columns(f)) == 0 {
			return fmt.Errorf(errFieldUnmapped, f.Label(), f)
		}
	}
	return nil
}

// Convert turns the table's rows into historic cases under mapping m. Rows
// that fail a check of their own (dates, words, and the checks 登记 makes)
// come back as problems; a row mapped nowhere but its number is skipped as
// empty (ledgers are often numbered ahead).
func Convert(t *Table, m Mapping) ([]store.LegacyCase, []Problem) {
	var out []store.LegacyCase
	var probs []Problem
	for _, row := range t.Rows {
		lc, p, empty := convertRow(t, m, row)
		switch {
		case empty:
		case p != nil:
			probs = append(probs, *p)
		default:
			out = append(out, lc)
		}
	}
	return out, probs
}

func convertRow(t *Table, m Mapping, row Row) (lc store.LegacyCase, p *Problem, empty bool) {
	lc.Row = row.Num
	empty = true
	for col, f := range m {
		if f != FieldLegacyNo && f != Ignore && row.Cell(col) != "" {
			empty = false
		}
	}
	if empty {
		return lc, nil, true
	}
	bad := func(f Field, err error) (store.LegacyCase, *Problem, bool) {
		return lc, &Problem{Row: row.Num, Column: t.column(m, f), Reason: err.Error()}, false
	}
	one := func(f Field) (string, int) {
		for _, c := range m.columns(f) {
			if v := row.Cell(c); v != "" {
				return v, c
			}
		}
		cols := m.columns(f)
		if len(cols) == 0 {
			return "", -1
		}
		return "", cols[0]
	}
	in := &lc.Case
	var err error
	v, c := one(FieldReceived)
	if in.ReceivedAt, err = parseDate(v, row.serial(c), t.Year); err != nil {
		return bad(FieldReceived, err)
	}
	v, _ = one(FieldChannel)
	ch, err := parseChannel(v)
	if err != nil {
		return bad(FieldChannel, err)
	}
	in.Channel = string(ch)
	v, _ = one(FieldKind)
	k, err := parseKind(v)
	if err != nil {
		return bad(FieldKind, err)
	}
	in.Kind = string(k)
	v, _ = one(FieldSponsorType)
	if in.SponsorType, err = parseSponsorType(v); err != nil {
		return bad(FieldSponsorType, err)
	}
	in.Sponsor, _ = one(FieldSponsor)
	if in.Sponsor == "" {
		return bad(FieldSponsor, errors.New(errSponsorEmpty))
	}
	in.CertNo, _ = one(FieldCertNo)
	in.Provider, _ = one(FieldProvider)
	in.Contact, _ = one(FieldContact)
	in.Phone, _ = one(FieldPhone)
	in.Note, _ = one(FieldNote)
	for _, c := range m.columns(FieldFiling) {
		in.Filings = append(in.Filings, splitList(row.Cell(c))...)
	}
	for _, c := range m.columns(FieldDomain) {
		in.Domains = append(in.Domains, splitList(row.Cell(c))...)
	}
	lc.LegacyNo, _ = one(FieldLegacyNo)
	lc.Clerk, _ = one(FieldClerk)
	v, _ = one(FieldStatus)
	if lc.Status, err = parseStatus(v); err != nil {
		return bad(FieldStatus, err)
	}
	v, c = one(FieldClosed)
	if v != "" {
		if lc.ClosedAt, err = parseDate(v, row.serial(c), t.Year); err != nil {
			return bad(FieldClosed, err)
		}
		if lc.Status == "" {
			lc.Status = rules.StatusDone // a closing date and no word: it was done
		}
	}
	// The same checks as 登记 (less the provider a historic record may
	// lack: NormalizeRecord), before the database is touched, so the
	// preview counts them; the store checks again on import.
	if _, err := in.NormalizeRecord(); err != nil {
		var fe *store.FieldError
		if errors.As(err, &fe) {
			return bad(storeField(fe.Field), fe.Err)
		}
		return bad("", err)
	}
	return lc, nil, false
}

// storeField maps the store's field names (the command line's flags) to
// ledger fields.
func storeField(s string) Field {
	switch s {
	case "cert-no":
		return FieldCertNo
	case "sponsor-type":
		return FieldSponsorType
	case "applicant":
		return FieldSponsorType
	case "filing":
		return FieldFiling
	case "domain":
		return FieldDomain
	case "received":
		return FieldReceived
	case "at", "closed", "to":
		return FieldClosed
	}
	return Field(s) // kind, channel, phone, sponsor, status are the same
}

// column names the header of the column holding f (the first, when several
// do), or f's label when no column does.
func (t *Table) column(m Mapping, f Field) string {
	if f == "" {
		return ""
	}
	cols := m.columns(f)
	if len(cols) == 0 {
		return f.Label()
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = headerName(t.Headers, c)
	}
	return strings.Join(names, "、")
}
