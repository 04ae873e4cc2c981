// Package notice builds the documents the desk gives the applicant — 收件回执,
// 受理通知书, 退回补正通知书, 不予受理通知书 and 办结告知书 — as one structured
// value, and renders that value as plain text (mail body, clipboard) and as
// an A4 PDF in the layout of official documents (GB/T 9704-2012). The window
// draws its preview from the same value.
//
// The wording follows the bureau's FAQ only: a password-recovery notice
// offers no way of submitting and promises no period that the FAQ does not
// give for password recovery.
package notice

import (
	"fmt"
	"strings"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/validate"
	"beiandesk/store/workday"
)

// Kind is the kind of notice.
type Kind string

const (
	KindReceipt Kind = "receipt" // 收件回执
	KindAccept  Kind = "accept"  // 受理通知书
	KindReturn  Kind = "return"  // 退回补正通知书 (一次性告知)
	KindReject  Kind = "reject"  // 不予受理通知书
	KindDone    Kind = "done"    // 办结告知书
)

// Kinds lists every kind in the order of a case's life.
func Kinds() []Kind { return []Kind{KindReceipt, KindAccept, KindReturn, KindReject, KindDone} }

// ParseKind accepts a code or a Chinese title.
func ParseKind(s string) (Kind, error) {
	s = strings.TrimSpace(s)
	for _, k := range Kinds() {
		if strings.EqualFold(s, string(k)) || s == k.Title() {
			return k, nil
		}
	}
	return "", fmt.Errorf(errUnknownKind, s)
}

// Title is the Chinese title printed on the notice.
func (k Kind) Title() string { return kindTitles[k] }

// ListStyle says how the items of a paragraph are numbered.
type ListStyle int

const (
	ListDecimal ListStyle = iota // 1. 2. 3.
	ListChinese                  // （一）（二）（三）
)

// Paragraph is one paragraph of the body, optionally followed by a list.
type Paragraph struct {
	Text  string
	Items []string
	Style ListStyle
}

// Notice is one document for the applicant, independent of how it is shown.
type Notice struct {
	Kind        Kind
	Title       string
	NumberLabel string // 收件编号 until the case is accepted, then 受理编号
	CaseNumber  string
	Addressee   string
	Paragraphs  []Paragraph
	Contact     []string // the contact block, one line each
	Signature   string   // the bureau's name
	Clerk       string   // 经办人; may be empty
	Date        time.Time
}

// Input is what Build needs besides the case.
type Input struct {
	Case    *store.Case
	History []store.Event // the case's history, for the rejection reason and whether it was accepted
	Bureau  Bureau
	Date    time.Time // the date of the notice
	Clerk   string
	// Days is the period in working days configured for the case's kind;
	// 0 takes rules.DefaultDeadlineDays. It is printed only where the FAQ
	// gives a period (deregistration).
	Days int
}

// Build makes the notice of kind k for a case, or refuses with a Chinese
// message when the notice does not fit the case's state (no 受理通知书 for
// a case not accepted).
func Build(k Kind, in Input) (*Notice, error) {
	c := in.Case
	if c == nil {
		return nil, fmt.Errorf("build notice: no case")
	}
	if _, err := ParseKind(string(k)); err != nil {
		return nil, err
	}
	b := &builder{in: in, c: c}
	if err := b.check(k); err != nil {
		return nil, err
	}
	n := &Notice{
		Kind: k, Title: k.Title(), CaseNumber: c.Number, NumberLabel: b.numberLabel(),
		Addressee: addressee(c), Signature: in.Bureau.Name, Clerk: strings.TrimSpace(in.Clerk),
		Date: workday.Civil(in.Date),
	}
	switch k {
	case KindReceipt:
		n.Paragraphs = b.receipt(n.NumberLabel)
	case KindAccept:
		n.Paragraphs = b.accept(n.NumberLabel)
	case KindReturn:
		n.Paragraphs = b.returned(n.NumberLabel)
	case KindReject:
		n.Paragraphs = b.reject(n.NumberLabel)
	case KindDone:
		n.Paragraphs = b.done(n.NumberLabel)
	}
	n.Contact = b.contact()
	return n, nil
}

type builder struct {
	in Input
	c  *store.Case
}

// offersFAQWays reports whether the FAQ publishes ways of submitting and a
// period for the case's kind: it does for deregistration (§三) only. Its
// password section (§二) lists materials and nothing else.
func (b *builder) offersFAQWays() bool { return b.c.Kind == rules.KindDeregister }

func (b *builder) days() int {
	if b.in.Days > 0 {
		return b.in.Days
	}
	return rules.DefaultDeadlineDays(b.c.Kind)
}

// wasAccepted reports whether the case is or ever was accepted: only then
// does its number count as a 受理编号.
func (b *builder) wasAccepted() bool {
	switch b.c.Status {
	case rules.StatusAccepted, rules.StatusDone:
		return true
	}
	for _, e := range b.in.History {
		if e.Action == "status" && e.To == rules.StatusAccepted {
			return true
		}
	}
	return false
}

func (b *builder) numberLabel() string {
	if b.wasAccepted() {
		return labelAcceptNo
	}
	return labelReceiptNo
}

func (b *builder) check(k Kind) error {
	c := b.c
	if c.Status == rules.StatusWithdrawn {
		return fmt.Errorf(errWithdrawn, c.Number, k.Title())
	}
	switch k {
	case KindAccept:
		if !b.wasAccepted() || c.Status == rules.StatusReturned || c.Status == rules.StatusReceived {
			return fmt.Errorf(errNotAccepted, c.Number, c.Status.Label())
		}
	case KindReturn:
		// Before the move to 退回补正 the clerk may preview what it will say.
		ok := c.Status == rules.StatusReturned ||
			(c.Status == rules.StatusReceived && len(c.Materials) > 0 && !c.Complete())
		if !ok || len(problemItems(c.Materials)) == 0 {
			return fmt.Errorf(errNoReturn, c.Number, c.Status.Label())
		}
	case KindReject:
		if c.Status != rules.StatusRejected {
			return fmt.Errorf(errNotRejected, c.Number, c.Status.Label())
		}
		if b.rejectReason() == "" {
			return fmt.Errorf(errNoReason, c.Number)
		}
	case KindDone:
		if c.Status != rules.StatusDone {
			return fmt.Errorf(errNotDone, c.Number, c.Status.Label())
		}
	}
	return nil
}

// rejectReason is the note of the last move to 不予受理.
func (b *builder) rejectReason() string {
	for i := len(b.in.History) - 1; i >= 0; i-- {
		e := b.in.History[i]
		if e.Action == "status" && e.To == rules.StatusRejected {
			return strings.TrimSpace(e.Note)
		}
	}
	return ""
}

func addressee(c *store.Case) string {
	if s := strings.TrimSpace(c.Sponsor); s != "" {
		return s
	}
	// A contact that is only a mail address reads badly as a salutation.
	if s := strings.TrimSpace(c.Contact); s != "" && !strings.Contains(s, "@") {
		return s
	}
	return noAddressee
}

func civilDate(t time.Time) string { return workday.Civil(t).Format(dateLayout) }

func (b *builder) receipt(label string) []Paragraph {
	c := b.c
	extra := ""
	if p := strings.TrimSpace(c.Details["fax_pages"]); p != "" {
		extra += fmt.Sprintf(receiptPages, p)
	}
	extra += fmt.Sprintf(receiptVia, c.Channel.Label())
	at := c.ReceivedAt.In(workday.China()).Format(dateTimeLayout)
	ps := []Paragraph{{Text: fmt.Sprintf(receiptOpening, at, c.Kind.Label(), extra, label, c.Number)}}
	var got []string
	for _, it := range c.Materials {
		if it.State != rules.ItemMissing {
			got = append(got, it.Item)
		}
	}
	switch {
	case len(got) > 0:
		ps = append(ps, Paragraph{Text: receiptItems, Items: got})
	case len(c.Materials) > 0:
		ps = append(ps, Paragraph{Text: receiptUnchecked})
	}
	if b.offersFAQWays() && c.Due != "" && !c.Status.Final() {
		if due, err := workday.ParseDate(c.Due); err == nil {
			ps = append(ps, Paragraph{Text: fmt.Sprintf(receiptPeriod, b.days(), due.Format(dateLayout))})
		}
	}
	if !b.wasAccepted() {
		ps = append(ps, Paragraph{Text: receiptNotAccept})
	}
	return ps
}

func (b *builder) accept(label string) []Paragraph {
	c := b.c
	ps := []Paragraph{{Text: fmt.Sprintf(acceptOpening, civilDate(c.ReceivedAt), c.Kind.Label(), label, c.Number)}}
	if b.offersFAQWays() {
		if due, err := workday.ParseDate(c.Due); err == nil && c.Due != "" {
			ps = append(ps, Paragraph{Text: fmt.Sprintf(acceptPeriod, b.days(), due.Format(dateLayout))})
		}
		if items := b.filingItems(); len(items) > 0 {
			ps = append(ps, Paragraph{Text: acceptFilings, Items: items})
		}
	}
	return ps
}

func (b *builder) returned(label string) []Paragraph {
	c := b.c
	ps := []Paragraph{
		{Text: fmt.Sprintf(returnOpening, civilDate(c.ReceivedAt), c.Kind.Label(), label, c.Number, defectPhrase(c.Materials)),
			Items: problemItems(c.Materials)},
		{Text: returnFormRule},
	}
	if !b.offersFAQWays() {
		return append(ps, Paragraph{Text: returnHowToPw})
	}
	bu := b.in.Bureau
	var ways []string
	if bu.Fax != "" {
		ways = append(ways, fmt.Sprintf(wayProvider, bu.Fax))
	}
	if bu.Mailbox != "" {
		ways = append(ways, fmt.Sprintf(wayMail, bu.Mailbox))
	}
	ways = append(ways, fmt.Sprintf(wayPost, bu.Address))
	if bu.Hours != "" {
		ways = append(ways, fmt.Sprintf(wayCounter, bu.Hours, bu.Address))
	}
	ps = append(ps, Paragraph{Text: returnHowTo, Items: ways, Style: ListChinese})
	if d := b.days(); d > 0 {
		ps = append(ps, Paragraph{Text: fmt.Sprintf(returnRestart, d)})
	}
	return ps
}

func (b *builder) reject(label string) []Paragraph {
	c := b.c
	return []Paragraph{{Text: fmt.Sprintf(rejectOpening, civilDate(c.ReceivedAt), c.Kind.Label(), label, c.Number),
		Items: []string{b.rejectReason()}}}
}

func (b *builder) done(label string) []Paragraph {
	c := b.c
	closed := b.in.Date
	if c.ClosedAt != nil {
		closed = *c.ClosedAt
	}
	ps := []Paragraph{{Text: fmt.Sprintf(doneOpening, civilDate(c.ReceivedAt), c.Kind.Label(), label, c.Number, civilDate(closed))}}
	if c.Kind == rules.KindDeregister {
		if items := b.filingItems(); len(items) > 0 {
			ps = append(ps, Paragraph{Text: doneDeregistered, Items: items})
		}
	}
	return ps
}

// filingItems lists the filings and the domains of the case.
func (b *builder) filingItems() []string {
	var items []string
	for _, f := range b.c.Filings {
		items = append(items, fmt.Sprintf(doneFiling, f))
	}
	for _, d := range b.c.Domains {
		items = append(items, fmt.Sprintf(doneDomain, validate.DomainUnicode(d)))
	}
	return items
}

// contact is the block under the body. For password recovery it names only
// what the FAQ's heading gives for every request (place, hours, phones), not
// the fax and mailbox that §三 offers for deregistration.
func (b *builder) contact() []string {
	bu := b.in.Bureau
	var out []string
	add := func(format, v string) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, fmt.Sprintf(format, v))
		}
	}
	add(contactAddress, bu.Address)
	add(contactHours, bu.Hours)
	add(contactPhones, bu.Phones)
	if b.offersFAQWays() {
		add(contactFax, bu.Fax)
		add(contactMailbox, bu.Mailbox)
	}
	return out
}

func problemItems(items []rules.Item) []string {
	var out []string
	for _, it := range items {
		switch it.State {
		case rules.ItemPresent:
		case rules.ItemMissing:
			if it.Note != "" {
				out = append(out, fmt.Sprintf(itemMissNote, it.Item, it.Note))
			} else {
				out = append(out, fmt.Sprintf(itemMissing, it.Item))
			}
		default:
			note := it.Note
			if note == "" {
				note = itemNoReason
			}
			out = append(out, fmt.Sprintf(itemDefective, it.Item, note))
		}
	}
	return out
}

func defectPhrase(items []rules.Item) string {
	var missing, defective bool
	for _, it := range items {
		switch it.State {
		case rules.ItemPresent:
		case rules.ItemMissing:
			missing = true
		default:
			defective = true
		}
	}
	switch {
	case missing && defective:
		return phraseBoth
	case missing:
		return phraseMissing
	}
	return phraseDefect
}
