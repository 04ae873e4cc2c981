package desk

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynetheme "fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store/ledger"
	"beiandesk/store/safefile"
)

// previewRows is how many ledger rows the preview shows.
const previewRows = 20

// ledgerView is 设置 → 导入台账: pick the old Excel ledger, check how its
// columns map and how many rows are usable, import it with a progress bar,
// and save the rows that were not imported to fix them.
type ledgerView struct {
	d   *Desk
	obj fyne.CanvasObject

	file     *widget.Label
	mapBox   *fyne.Container
	preview  *widget.Table
	counts   *widget.Label
	bar      *widget.ProgressBar
	importB  *widget.Button
	cancelB  *widget.Button
	saveBad  *widget.Button
	result   *widget.Label
	selects  []*widget.Select
	labels   []string // field labels in the order of ledger.Fields()
	table    *ledger.Table
	mapping  ledger.Mapping
	invalid  []ledger.Problem
	cancel   context.CancelFunc
	importMu sync.Mutex // guards cancel
}

func newLedgerView(d *Desk) *ledgerView {
	v := &ledgerView{d: d}
	for _, f := range ledger.Fields() {
		v.labels = append(v.labels, f.Label())
	}
	v.file = wrapLabel(txtLedgerNoFile)
	pick := widget.NewButtonWithIcon(txtLedgerPick, fynetheme.FolderOpenIcon(), func() { d.openFile(v.load) })
	v.mapBox = container.NewGridWrap(fyne.NewSize(170, 70))
	v.preview = widget.NewTable(v.previewSize, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, v.previewCell)
	v.counts = wrapLabel("")
	v.bar = widget.NewProgressBar()
	v.bar.Hide()
	v.importB = widget.NewButtonWithIcon(txtLedgerImport, fynetheme.UploadIcon(), v.runImport)
	v.importB.Importance = widget.HighImportance
	v.importB.Disable()
	v.cancelB = widget.NewButton(txtCancel, v.cancelImport)
	v.cancelB.Hide()
	v.saveBad = widget.NewButtonWithIcon(txtLedgerSaveBad, fynetheme.DocumentSaveIcon(), v.saveInvalid)
	v.saveBad.Hide()
	v.result = wrapLabel("")
	top := container.NewVBox(heading(txtLedgerTitle), caption(txtLedgerHint),
		container.NewBorder(nil, nil, pick, nil, v.file),
		heading(txtLedgerMapping), container.NewHScroll(v.mapBox),
		heading(txtLedgerPreview))
	bottom := container.NewVBox(v.counts, v.bar, container.NewHBox(v.importB, v.cancelB, v.saveBad), v.result)
	v.obj = container.NewBorder(top, bottom, nil, nil, v.preview)
	return v
}

// load reads the file off the UI goroutine and shows its mapping.
func (v *ledgerView) load(path string) {
	v.file.SetText(fmt.Sprintf(txtLedgerReading, filepath.Base(path)))
	v.result.SetText("")
	v.saveBad.Hide()
	v.d.bg(func() func() {
		t, err := ledger.ReadFile(v.d.ctx, path, "")
		return func() {
			if err != nil {
				v.table = nil
				v.file.SetText(filepath.Base(path))
				v.importB.Disable()
				v.d.showError(err)
				return
			}
			v.show(t, ledger.DetectMapping(t.Headers))
		}
	})
}

// show puts a read table on screen with mapping m.
func (v *ledgerView) show(t *ledger.Table, m ledger.Mapping) {
	v.table, v.mapping = t, m
	name := t.File
	if t.Sheet != "" {
		name += " / " + t.Sheet
	}
	v.file.SetText(fmt.Sprintf(txtLedgerFile, name, t.HeaderRow, len(t.Rows)))
	v.selects = nil
	v.mapBox.RemoveAll()
	for i, h := range t.Headers {
		col := i
		sel := newSelect(v.labels, nil)
		if f, ok := m[i]; ok {
			sel.SetSelected(f.Label())
		} else {
			sel.SetSelected(ledger.Ignore.Label())
		}
		sel.OnChanged = func(label string) { v.remap(col, label) }
		title := h
		if strings.TrimSpace(title) == "" {
			title = ledger.ColumnName(i)
		}
		lbl := widget.NewLabel(title)
		lbl.Truncation = fyne.TextTruncateEllipsis
		v.selects = append(v.selects, sel)
		v.mapBox.Add(container.NewVBox(lbl, sel))
	}
	for i := range t.Headers {
		v.preview.SetColumnWidth(i, 140)
	}
	v.preview.Refresh()
	v.recount()
}

// remap changes the field of one column; another column holding the same
// field (filings and domains excepted) lets go of it.
func (v *ledgerView) remap(col int, label string) {
	if v.table == nil {
		return
	}
	var field ledger.Field
	for _, f := range ledger.Fields() {
		if f.Label() == label {
			field = f
		}
	}
	if field == "" || field == ledger.Ignore {
		delete(v.mapping, col)
	} else {
		if field != ledger.FieldFiling && field != ledger.FieldDomain {
			for i, f := range v.mapping {
				if f == field && i != col {
					delete(v.mapping, i)
					if i < len(v.selects) {
						v.selects[i].SetSelected(ledger.Ignore.Label())
					}
				}
			}
		}
		v.mapping[col] = field
	}
	v.preview.Refresh()
	v.recount()
}

// recount checks every row under the current mapping (no database: the
// duplicates are found when importing).
func (v *ledgerView) recount() {
	if err := ledger.CheckMapping(v.mapping); err != nil {
		v.counts.SetText(err.Error())
		v.importB.Disable()
		return
	}
	ok, bad := ledger.Convert(v.table, v.mapping)
	v.counts.SetText(fmt.Sprintf(txtLedgerCounts, len(ok), len(bad)))
	if len(ok) > 0 {
		v.importB.Enable()
	} else {
		v.importB.Disable()
	}
}

func (v *ledgerView) previewSize() (int, int) {
	if v.table == nil {
		return 0, 0
	}
	return min(len(v.table.Rows), previewRows) + 1, len(v.table.Headers) + 1
}

// previewCell fills the preview: the first column is the row number, the
// first row the header with its mapped field.
func (v *ledgerView) previewCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
	switch {
	case id.Row == 0 && id.Col == 0:
		l.SetText(txtLedgerRowNo)
	case id.Row == 0:
		h := v.table.Headers[id.Col-1]
		if f, ok := v.mapping[id.Col-1]; ok {
			h += "→" + f.Label()
		}
		l.SetText(h)
	case id.Col == 0:
		l.SetText(fmt.Sprint(v.table.Rows[id.Row-1].Num))
	default:
		l.SetText(strings.ReplaceAll(v.table.Rows[id.Row-1].Cell(id.Col-1), "\n", " "))
	}
}

// runImport imports off the UI goroutine; the progress bar follows the
// rows, 取消 rolls everything back.
func (v *ledgerView) runImport() {
	if v.table == nil {
		return
	}
	t, m := v.table, cloneMapping(v.mapping)
	ctx, cancel := context.WithCancel(v.d.ctx)
	v.importMu.Lock()
	v.cancel = cancel
	v.importMu.Unlock()
	v.importB.Disable()
	v.saveBad.Hide()
	v.bar.SetValue(0)
	v.bar.Show()
	v.cancelB.Show()
	v.result.SetText(txtLedgerImporting)
	clerk := v.d.clerk()
	v.d.bg(func() func() {
		var last time.Time
		rep, err := ledger.Import(ctx, v.d.db, t, m, ledger.Options{Clerk: clerk, Progress: func(done, total int) {
			if time.Since(last) < 50*time.Millisecond && done < total {
				return
			}
			last = time.Now()
			v.d.do(func() { v.bar.SetValue(float64(done) / float64(total)) })
		}})
		cancel()
		return func() {
			v.importMu.Lock()
			v.cancel = nil
			v.importMu.Unlock()
			v.bar.Hide()
			v.cancelB.Hide()
			v.importB.Enable()
			if err != nil {
				if ctx.Err() != nil {
					v.result.SetText(txtLedgerCancelled)
					return
				}
				v.result.SetText("")
				v.d.showError(err)
				return
			}
			v.invalid = rep.Invalid
			v.result.SetText(fmt.Sprintf(txtLedgerDone, rep.Imported, rep.Duplicates, len(rep.Invalid)))
			if len(rep.Invalid) > 0 {
				v.saveBad.Show()
			}
			v.d.changed()
		}
	})
}

func (v *ledgerView) cancelImport() {
	v.importMu.Lock()
	defer v.importMu.Unlock()
	if v.cancel != nil {
		v.cancel()
	}
}

// saveInvalid writes the rows that were not imported to an .xlsx.
func (v *ledgerView) saveInvalid() {
	t, probs := v.table, v.invalid
	if t == nil || len(probs) == 0 {
		return
	}
	name := strings.TrimSuffix(t.File, filepath.Ext(t.File)) + txtLedgerBadSuffix + ".xlsx"
	v.d.saveFile(name, func(path string, replace bool) {
		v.d.bg(func() func() {
			err := safefile.Write(v.d.ctx, path, safefile.Options{Replace: replace, Protect: []string{v.d.db.Location()}, Perm: 0o600},
				func(tmp string) error { return ledger.WriteInvalid(tmp, t, probs) })
			return func() {
				if err != nil {
					v.d.showError(err)
					return
				}
				v.result.SetText(fmt.Sprintf(txtLedgerSaved, len(probs), path))
			}
		})
	})
}

func cloneMapping(m ledger.Mapping) ledger.Mapping {
	out := make(ledger.Mapping, len(m))
	for k, f := range m {
		out[k] = f
	}
	return out
}
