package desk

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// afterHoursBox switches the after-hours receipt rule (store.DB.AfterHours).
func (v *settingsView) afterHoursBox() fyne.CanvasObject {
	check := widget.NewCheck(txtAfterHours, nil)
	on, err := v.d.db.AfterHours(v.d.ctx)
	if err == nil {
		check.SetChecked(on)
	}
	check.OnChanged = func(b bool) {
		if err := v.d.db.SetAfterHours(v.d.ctx, b); err != nil {
			v.d.showError(err)
		}
	}
	v.afterHours = check
	return container.NewVBox(check, caption(txtAfterHoursHint))
}
