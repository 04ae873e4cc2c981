package desk

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"beiandesk/mail"
	"beiandesk/store"
	"beiandesk/store/validate"
)

// linkChoice is a case offered by the link picker, with what in the mail
// matched it ("" for a case listed only because it is recent).
type linkChoice struct {
	c     *store.Case
	match string
}

// linkTerms are what the mail proposes that can find its case: filing
// numbers (also without the site suffix), domains, certificate numbers
// and the sponsor, most specific first.
func linkTerms(m *store.Mail) []string {
	p := mail.ProposalOf(m)
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, f := range p.Filings {
		add(f)
		if base, _, ok := strings.Cut(f, "号-"); ok {
			add(base + "号")
		}
	}
	for _, d := range p.Domains {
		add(d)
		if u := validate.DomainUnicode(d); u != d {
			add(u)
		}
	}
	for _, c := range append(append([]string{}, p.USCCs...), p.IDNumbers...) {
		add(c)
	}
	add(p.Sponsor)
	return out
}

// linkChoices finds the cases for the picker: with no query, the cases
// matching the mail's proposal first, then the most recent; with a query,
// the cases it finds.
func (v *inboxView) linkChoices(m *store.Mail, q string) ([]linkChoice, error) {
	ctx := v.d.ctx
	var out []linkChoice
	seen := map[int64]bool{}
	add := func(cases []*store.Case, match string) {
		for _, c := range cases {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, linkChoice{c: c, match: match})
			}
		}
	}
	if q = strings.TrimSpace(q); q != "" {
		cases, err := v.book.Cases(ctx, store.Filter{Query: q, Order: "-received", Limit: 50}, false)
		add(cases, "")
		return out, err
	}
	for _, term := range linkTerms(m) {
		cases, err := v.book.Cases(ctx, store.Filter{Query: term, Order: "-received", Limit: 10}, false)
		if err != nil {
			return nil, err
		}
		add(cases, term)
	}
	recent, err := v.book.Cases(ctx, store.Filter{Order: "-received", Limit: 50}, false)
	add(recent, "")
	return out, err
}

// linkDialog lets the clerk pick an existing case for the mail: the cases
// that match the mail come first, a search finds any other. Linking with
// nothing picked says so and keeps the picker open.
func (v *inboxView) linkDialog(m *store.Mail) *linkPicker {
	p := &linkPicker{}
	search := newEntry(v.d)
	search.SetPlaceHolder(txtLinkSearch)
	p.search = search
	p.status = widget.NewLabel("")
	p.status.Importance = widget.DangerImportance
	p.list = widget.NewList(
		func() int { return len(p.choices) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.choices) {
				o.(*widget.Label).SetText(p.choices[id].label())
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.choices) {
			p.picked = p.choices[id].c
			p.status.SetText("")
		}
	}
	gen := 0
	lookup := func(q string) {
		gen++
		g := gen
		v.d.bg(func() func() {
			choices, err := v.linkChoices(m, q)
			return func() {
				if g != gen || err != nil {
					return
				}
				p.choices, p.picked = choices, nil
				p.list.UnselectAll()
				p.list.Refresh()
			}
		})
	}
	search.OnChanged = lookup
	lookup("")

	var dlg *dialog.CustomDialog
	p.link = widget.NewButton(txtLinkCase, func() {
		if p.picked == nil {
			p.status.SetText(txtLinkPick)
			return
		}
		c := p.picked
		clerk := v.d.clerk()
		dlg.Hide()
		v.d.bg(func() func() {
			err := v.book.LinkMail(v.d.ctx, c.ID, m.ID, clerk)
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				v.d.changed()
				v.show(m.ID)
			}
		})
	})
	p.link.Importance = widget.HighImportance
	cancel := widget.NewButton(txtCancel, func() { dlg.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, p.link), p.status)
	content := container.NewBorder(search, buttons, nil, nil, p.list)
	dlg = dialog.NewCustomWithoutButtons(txtLinkTitle, content, v.d.win)
	v.d.keyed(dlg, func() { p.link.OnTapped() }, dlg.Hide, nil)
	dlg.Resize(fyne.NewSize(640, 460))
	dlg.Show()
	v.d.win.Canvas().Focus(search)
	p.dlg = dlg
	return p
}

// linkPicker is the open link dialog, for tests.
type linkPicker struct {
	dlg     *dialog.CustomDialog
	search  *entry
	list    *widget.List
	status  *widget.Label
	link    *widget.Button
	choices []linkChoice
	picked  *store.Case
}

func (c linkChoice) label() string {
	s := c.c.Number + "  " + orDash(c.c.Sponsor) + "  " + c.c.Status.Label()
	if c.match != "" {
		s += "  " + fmt.Sprintf(txtLinkMatch, c.match)
	}
	return s
}
