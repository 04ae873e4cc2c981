package main

import (
	"encoding/json"
	"io"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// caseJSON is the contract's case shape; fields after mail_ids are additions.
type caseJSON struct {
	ID          int64          `json:"id"`
	Number      string         `json:"number"`
	Kind        string         `json:"kind"`
	Channel     string         `json:"channel"`
	Status      string         `json:"status"`
	ReceivedAt  string         `json:"received_at"`
	Due         *string        `json:"due"`
	SponsorType string         `json:"sponsor_type"`
	Sponsor     string         `json:"sponsor"`
	Filings     []string       `json:"filings"`
	Domains     []string       `json:"domains"`
	Provider    string         `json:"provider"`
	Materials   []materialJSON `json:"materials"`
	MailIDs     []int64        `json:"mail_ids"`

	Applicant       string            `json:"applicant"`
	CertNo          string            `json:"cert_no"`
	Contact         string            `json:"contact"`
	Phone           string            `json:"phone"`
	DomainsPunycode []string          `json:"domains_punycode"`
	ClockStart      string            `json:"clock_start"`
	ClosedAt        *string           `json:"closed_at"`
	Complete        bool              `json:"complete"`
	OnTime          *bool             `json:"on_time"`
	WorkdaysLeft    *int              `json:"workdays_left"`
	Details         map[string]string `json:"details"`
	Warnings        []string          `json:"warnings,omitempty"`
	Version         int64             `json:"version"`
}

type materialJSON struct {
	Item  string `json:"item"`
	State string `json:"state"`
	Note  string `json:"note,omitempty"`
}

func toCaseJSON(c *store.Case, cal *workday.Calendar, today time.Time) caseJSON {
	j := caseJSON{
		ID: c.ID, Number: c.Number, Kind: string(c.Kind), Channel: string(c.Channel),
		Status: string(c.Status), ReceivedAt: c.ReceivedAt.Format(time.RFC3339),
		SponsorType: string(c.SponsorType), Sponsor: c.Sponsor, Filings: c.Filings,
		Provider: c.Provider, MailIDs: c.MailIDs, Applicant: string(c.Applicant), CertNo: c.CertNo,
		Contact: c.Contact, Phone: c.Phone, DomainsPunycode: c.Domains, ClockStart: c.ClockDay,
		Complete: c.Complete(), Details: c.Details, Warnings: c.Warnings, Version: c.Version,
		Domains: make([]string, len(c.Domains)), Materials: make([]materialJSON, len(c.Materials)),
	}
	for i, d := range c.Domains {
		j.Domains[i] = validate.DomainUnicode(d)
	}
	for i, m := range c.Materials {
		j.Materials[i] = materialJSON{Item: m.Item, State: string(m.State), Note: m.Note}
	}
	if c.Due != "" {
		due := c.Due
		j.Due = &due
	}
	if c.ClosedAt != nil {
		s := c.ClosedAt.Format(time.RFC3339)
		j.ClosedAt = &s
		if c.Due != "" && (c.Status == rules.StatusDone || c.Status == rules.StatusRejected) {
			ok := c.ClosedDay <= c.Due
			j.OnTime = &ok
		}
	}
	if left, ok := c.WorkdaysLeft(cal, today); ok {
		j.WorkdaysLeft = &left
	}
	if j.MailIDs == nil {
		j.MailIDs = []int64{}
	}
	if j.Details == nil {
		j.Details = map[string]string{}
	}
	return j
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
