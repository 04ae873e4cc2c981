package desk

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/sqlite"
)

// overlayText is the text of every label in the window's top overlay.
func overlayText(d *Desk) string {
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		}
	}
	return b.String()
}

// A case changed at another window after this one showed it: the edit
// based on what this window shows is refused with who changed it and when,
// and nothing is overwritten.
func TestEditOfStaleCaseRefused(t *testing.T) {
	d, _ := newTestDesk(t)
	ctx := context.Background()
	c := mustCreate(t, d, store.NewCase{Kind: "deregister", Channel: "fax", ReceivedAt: cst("2026-10-09 09:00"),
		Sponsor: "晋城市宇浩信息技术有限公司"})
	d.OpenCase(c.ID)
	d.wait()
	v := d.cases.detail

	other, err := sqlite.Open(ctx, d.db.Location())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = func() time.Time { return cst("2026-10-12 09:41") }
	if _, err := other.MoveCase(ctx, c.ID, c.Version, rules.StatusReturned, time.Time{}, "缺公章", "王芳"); err != nil {
		t.Fatal(err)
	}

	v.openEditor()
	v.editor.inputs["sponsor"].SetText("晋城市另一家有限公司")
	v.editor.save()
	d.wait()
	if got := overlayText(d); !strings.Contains(got, "该案件已被 王芳 于 09:41 修改,请刷新后再试") {
		t.Fatalf("dialog text %q", got)
	}
	got, _ := d.db.Case(ctx, c.ID)
	if got.Sponsor != c.Sponsor || got.Status != rules.StatusReturned {
		t.Fatalf("after the refused edit: %+v", got)
	}
}
