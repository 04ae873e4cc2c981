package desk

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/workday"
)

// guideState is what the 开始使用 guide needs to know about the book.
type guideState struct {
	empty      bool // no case and no mail yet
	mailbox    bool // a mailbox account is set
	clerk      string
	year       int
	hasHoliday bool // the State Council schedule of year is in the calendar
}

func loadGuideState(ctx context.Context, book dashboardBook, today time.Time) (guideState, error) {
	st := guideState{year: workday.DayOf(today).Year()}
	cases, err := book.CountCases(ctx, store.Filter{})
	if err != nil {
		return st, err
	}
	mails, err := book.CountMails(ctx, "")
	if err != nil {
		return st, err
	}
	st.empty = cases == 0 && mails == 0
	if !st.empty {
		return st, nil
	}
	user, _ := book.Setting(ctx, store.SettingIMAPUser, "")
	st.mailbox = strings.TrimSpace(user) != ""
	st.clerk, _ = book.Setting(ctx, store.SettingClerk, "")
	if cal, err := book.Calendar(ctx); err == nil {
		st.hasHoliday = len(cal.Year(st.year).Off) > 0
	}
	return st, nil
}

// guide is 工作台's 开始使用 panel on an empty book: four steps, each with a
// button that goes where it is done, and a tick once it is.
type guide struct {
	obj   fyne.CanvasObject
	steps [4]*widget.Label
	hints [4]*widget.Label
	btns  [4]*widget.Button
}

func newGuide(d *Desk) *guide {
	g := &guide{}
	targets := [4]struct {
		label string
		open  func()
	}{
		{txtGuideGoMail, func() { d.SelectTab(TabSettings + ".mailbox") }},
		{txtGuideGoClerk, func() { d.SelectTab(TabSettings + ".general") }},
		{txtGuideGoHol, func() { d.SelectTab(TabSettings + ".calendar") }},
		{txtGuideGoFirst, d.NewCase},
	}
	rows := container.NewVBox(heading(txtGuideTitle), wrapLabel(txtGuideIntro))
	for i, t := range targets {
		g.steps[i] = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		g.hints[i] = caption("")
		g.btns[i] = widget.NewButton(t.label, t.open)
		// Centred, so the button keeps its own height beside a long hint.
		rows.Add(container.NewBorder(nil, nil, nil, container.NewCenter(g.btns[i]), container.NewVBox(g.steps[i], g.hints[i])))
		rows.Add(widget.NewSeparator())
	}
	g.obj = container.NewVScroll(container.NewPadded(rows))
	return g
}

// set shows which steps are done.
func (g *guide) set(st guideState) {
	step := func(i int, done bool, text, hint string) {
		if done {
			text = txtGuideDone + text
			g.btns[i].Importance = widget.LowImportance
		} else {
			g.btns[i].Importance = widget.HighImportance
		}
		g.steps[i].SetText(text)
		g.hints[i].SetText(hint)
		g.btns[i].Refresh()
	}
	step(0, st.mailbox, txtGuideMail, txtGuideMailHint)
	if st.clerk != "" {
		step(1, true, fmt.Sprintf(txtGuideClerkOK, st.clerk), txtGuideClerkHnt)
	} else {
		step(1, false, txtGuideClerk, txtGuideClerkHnt)
	}
	if st.hasHoliday {
		step(2, true, fmt.Sprintf(txtGuideHolOK, st.year), "")
	} else {
		step(2, false, fmt.Sprintf(txtGuideHoliday, st.year), txtGuideHolHint)
	}
	step(3, false, txtGuideFirst, txtGuideFirstHnt)
}
