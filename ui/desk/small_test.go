package desk

import (
	"testing"

	"fyne.io/fyne/v2"

	"beiandesk/store"
)

// Item 11: every screen fits a 1024×640 window; the case table gives the
// deadline its full width and the sponsor what is left; the dashboard's
// labels wrap rather than being cut.
func TestSmallWindow(t *testing.T) {
	d, w := newTestDesk(t)
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "counter", ReceivedAt: cst("2026-09-01 09:00"),
		SponsorType: "org", Applicant: "agent", Sponsor: "山西省太原市某某非常长名称的网络科技有限公司"})
	w.Resize(MinWindow)
	for _, name := range tabOrder {
		d.SelectTab(name)
		d.wait()
		if m := d.tabs.MinSize(); m.Width > MinWindow.Width || m.Height > MinWindow.Height {
			t.Errorf("%s needs %v, more than %v", name, m, MinWindow)
		}
	}
	d.OpenCase(c.ID)
	d.wait()
	if m := d.tabs.MinSize(); m.Width > MinWindow.Width || m.Height > MinWindow.Height {
		t.Errorf("case detail needs %v", m)
	}

	// The deadline column holds the longest deadline text whole at 1024.
	d.cases.backToList()
	w.Content().Refresh()
	tw := d.cases.table.Size().Width
	widths := caseColumns(tw)
	var sum float32
	for _, x := range widths {
		sum += x
	}
	sum += float32(len(widths)) * 4 // the table's gap after each column
	if sum > tw {
		t.Errorf("columns %v need %v of %v", widths, sum, tw)
	}
	due := fyne.MeasureText("2026-11-24  逾期13个工作日", 15, fyne.TextStyle{Bold: true}).Width
	if widths[6] < due+8 {
		t.Errorf("期限 column %v narrower than its text %v", widths[6], due)
	}
	if wide := caseColumns(1900); wide[sponsorColumn] <= widths[sponsorColumn] || wide[6] != widths[6] {
		t.Errorf("a wider window should widen 主办者 only: %v vs %v", wide, widths)
	}

	// The dashboard's stat names are whole.
	d.SelectTab(TabDashboard)
	d.wait()
	for name, card := range d.dashboard.stats {
		if card.name.Truncation != fyne.TextTruncateOff {
			t.Errorf("%s is truncated", name)
		}
		if card.name.Size().Height < card.name.MinSize().Height-0.5 {
			t.Errorf("%s clipped: %v < %v", name, card.name.Size(), card.name.MinSize())
		}
	}
}
