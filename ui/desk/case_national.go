package desk

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// nationalSection shows what was done in the national filing system and,
// while an accepted case still needs it, a form to record it; nil for a
// kind that has no such record.
func (v *caseDetail) nationalSection() fyne.CanvasObject {
	c := v.c
	if !rules.NeedsNationalRecord(c.Kind) {
		return nil
	}
	box := container.NewVBox()
	for _, a := range c.National {
		box.Add(widget.NewLabel(fmt.Sprintf(txtNationalLine, a.Day, a.Scope.Label(), a.Filing, orDash(a.Clerk))))
	}
	if len(c.National) == 0 {
		box.Add(caption(txtNationalNone))
	}
	if c.Status != rules.StatusAccepted {
		return box
	}
	day := newEntry(v.d)
	day.SetText(v.d.now().In(chinaZone()).Format(txtDateFmt))
	scopes := make([]string, len(rules.Scopes()))
	for i, s := range rules.Scopes() {
		scopes[i] = s.Label()
	}
	scope := newSelect(scopes, nil)
	scope.SetSelectedIndex(1)
	filings := newEntry(v.d)
	filings.SetText(strings.Join(c.Filings, " "))
	filings.SetPlaceHolder(txtNationalFilingsHint)
	record := widget.NewButton(txtNationalRecord, func() {
		in := store.NationalRecord{Day: day.Text, Scope: string(rules.Scopes()[max(0, scope.SelectedIndex())]),
			Filings: strings.Fields(filings.Text)}
		clerk := v.d.clerk()
		v.d.bg(func() func() {
			_, err := v.d.db.RecordNational(v.d.ctx, c.ID, c.Version, in, clerk)
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				v.d.changed()
				v.reload()
			}
		})
	})
	box.Add(formGrid(newField(txtNationalDate, day, ""), newField(txtNationalScope, scope, ""),
		newField(txtNationalFilings, filings, "")))
	box.Add(container.NewHBox(record))
	return box
}

// addItemRow lets the clerk add a material beyond the FAQ's list (its
// "等"); the store records it in the history.
func (v *caseDetail) addItemRow() fyne.CanvasObject {
	e := newEntry(v.d)
	e.SetPlaceHolder(txtAddItemHint)
	id, version := v.c.ID, v.c.Version
	add := func() {
		text := e.Text
		clerk := v.d.clerk()
		v.d.bg(func() func() {
			_, err := v.d.db.AddItem(v.d.ctx, id, version, text, clerk)
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				v.d.changed()
				v.reload()
			}
		})
	}
	e.OnSubmitted = func(string) { add() }
	return container.NewBorder(nil, nil, nil, widget.NewButton(txtAddItem, add), e)
}
