package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// CaseEdit holds corrections of a registered case: a nil field is left as
// it is. The applicant is not editable here; the receipt time, kind,
// channel and sponsor type are, through Core (the checklist and the due
// date are recomputed, the history records old → new).
type CaseEdit struct {
	Sponsor  *string
	CertNo   *string
	Provider *string
	Contact  *string
	Phone    *string
	Note     *string
	Filings  []string // nil: unchanged; empty non-nil: cleared
	Domains  []string
	Details  map[string]string // nil: unchanged; merged key by key, "" removes a key
	// Core corrects the receipt time, kind, channel and sponsor type; see
	// CoreEdit for what follows from them.
	Core CoreEdit
}

// UpdateCase validates e against the case's own kind and sponsor type,
// applies it and records which fields changed in the history. Every case can
// be corrected, closed ones too: the history shows what was changed and by whom.
func (db *DB) UpdateCase(ctx context.Context, id int64, e CaseEdit, clerk string) (*Case, error) {
	now := db.Now()
	err := db.withTx(ctx, func(tx *sql.Tx) error {
		c, err := getCase(ctx, tx, id)
		if err != nil {
			return err
		}
		in := NewCase{Kind: string(c.Kind), Channel: string(c.Channel), ReceivedAt: c.ReceivedAt,
			SponsorType: string(c.SponsorType), Applicant: string(c.Applicant), Sponsor: c.Sponsor,
			CertNo: c.CertNo, Provider: c.Provider, Contact: c.Contact, Phone: c.Phone,
			Filings: c.Filings, Domains: c.Domains, Details: c.Details, Note: c.Note}
		set := func(dst *string, src *string) {
			if src != nil {
				*dst = strings.TrimSpace(*src)
			}
		}
		set(&in.Sponsor, e.Sponsor)
		set(&in.CertNo, e.CertNo)
		set(&in.Provider, e.Provider)
		set(&in.Contact, e.Contact)
		set(&in.Phone, e.Phone)
		if e.Note != nil {
			in.Note = *e.Note
		}
		if e.Core.ReceivedAt != nil {
			in.ReceivedAt = *e.Core.ReceivedAt
		}
		if e.Core.Kind != nil {
			in.Kind = *e.Core.Kind
		}
		if e.Core.Channel != nil {
			in.Channel = *e.Core.Channel
		}
		if e.Core.SponsorType != nil {
			in.SponsorType = *e.Core.SponsorType
		}
		if e.Filings != nil {
			in.Filings = e.Filings
		}
		if e.Domains != nil {
			in.Domains = e.Domains
		}
		if e.Details != nil {
			merged := map[string]string{}
			for k, v := range c.Details {
				merged[k] = v
			}
			for k, v := range e.Details {
				if v == "" {
					delete(merged, k)
				} else {
					merged[k] = v
				}
			}
			in.Details = merged
		}
		v, err := in.validate()
		if err != nil {
			return err
		}
		core, err := applyCore(ctx, tx, c, in, v, now)
		if err != nil {
			return err
		}
		var changed []string
		note := func(label string, differs bool) {
			if differs {
				changed = append(changed, label)
			}
		}
		note(msgFieldSponsor, in.Sponsor != c.Sponsor)
		note(msgFieldCertNo, v.certNo != c.CertNo)
		note(msgFieldProvider, in.Provider != c.Provider)
		note(msgFieldContact, in.Contact != c.Contact)
		note(msgFieldPhone, v.phone != c.Phone)
		note(msgFieldNote, in.Note != c.Note)
		note(msgFieldFilings, !slices.Equal(nonNilSlice(v.filings), c.Filings))
		note(msgFieldDomains, !slices.Equal(nonNilSlice(v.domains), c.Domains))
		details, _ := json.Marshal(nonNilMap(in.Details))
		old, _ := json.Marshal(nonNilMap(c.Details))
		note(msgFieldDetails, string(details) != string(old))
		if len(changed) == 0 && len(core) == 0 {
			return nil
		}
		changed = append(core, changed...)
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET sponsor = ?, cert_no = ?, provider = ?, contact = ?,
			phone = ?, note = ?, filings = ?, domains = ?, details = ?, updated_at = ? WHERE id = ?`,
			in.Sponsor, v.certNo, in.Provider, in.Contact, v.phone, in.Note, jsonList(v.filings),
			jsonList(v.domains), string(details), rfc3339(now), id); err != nil {
			return fmt.Errorf("update case: %w", err)
		}
		if err := addEvent(ctx, tx, event{caseID: id, at: now, recorded: now, clerk: clerk, action: "edit",
			note: msgEventEdit + ":" + strings.Join(changed, "、")}); err != nil {
			return err
		}
		return indexCase(ctx, tx, id)
	})
	if err != nil {
		return nil, fmt.Errorf("edit case %d: %w", id, err)
	}
	return db.Case(ctx, id)
}
