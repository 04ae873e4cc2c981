package desk

import (
	"context"
	"testing"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// TestEditCoreInWindow: 修改信息 corrects the receipt time and the kind;
// a receipt in the future is shown under its field and saves nothing
// (issue 9, item 6).
func TestEditCoreInWindow(t *testing.T) {
	d, _ := newTestDesk(t)
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", Provider: "中国电信山西分公司", ReceivedAt: cst("2026-10-09 09:00"),
		Sponsor: "晋城市宇浩信息技术有限公司"})
	d.OpenCase(c.ID)
	d.wait()
	v := d.cases.detail
	v.openEditor()
	ed := v.editor
	ed.inputs["received"].SetText("2027-01-01 09:00") // after testNow
	ed.save()
	if ed.fields["received"].errorText() == "" {
		t.Fatal("future receipt not shown under its field")
	}
	if got, _ := d.db.Case(context.Background(), c.ID); !got.ReceivedAt.Equal(c.ReceivedAt) {
		t.Fatal("a refused edit was saved")
	}
	ed.inputs["received"].SetText("2026-10-08 09:00")
	for i, k := range rules.Kinds() {
		if k == rules.KindPassword {
			ed.kind.SetSelectedIndex(i)
		}
	}
	ed.save()
	d.wait()
	got, _ := d.db.Case(context.Background(), c.ID)
	if got.Kind != rules.KindPassword || got.ReceivedDay != "2026-10-08" || got.Due == c.Due {
		t.Fatalf("after edit: kind %s, day %s, due %s (was %s)", got.Kind, got.ReceivedDay, got.Due, c.Due)
	}
}
