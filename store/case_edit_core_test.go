package store

import (
	"slices"
	"testing"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

func TestRebuildMaterials(t *testing.T) {
	old := []rules.Item{
		{Item: "A", State: rules.ItemPresent, Note: "原件"},
		{Item: "B", State: rules.ItemDefective, Note: "缺页"},
		{Item: "C", State: rules.ItemPresent},
	}
	tests := []struct {
		name  string
		items []string
		want  []rules.Item
	}{
		{"same list", []string{"A", "B", "C"}, old},
		{"item dropped, new one missing", []string{"B", "D"}, []rules.Item{old[1], {Item: "D", State: rules.ItemMissing}}},
		{"empty", nil, []rules.Item{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RebuildMaterials(old, tt.items); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestApplyCore: the pure part of a core correction, as every back end
// receives it from CaseEdit.Apply.
func TestApplyCore(t *testing.T) {
	cn := workday.China()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, cn)
	recv := time.Date(2026, 9, 30, 10, 0, 0, 0, cn)
	base := func(status rules.Status, clock string) *Case {
		items := rules.Materials(rules.KindDeregister, rules.SponsorOrg, rules.ApplicantLegal)
		c := &Case{Kind: rules.KindDeregister, Channel: rules.ChannelEmail, Status: status, ReceivedAt: recv,
			ReceivedDay: "2026-09-30", ClockDay: clock, Due: "2026-10-13", SponsorType: rules.SponsorOrg,
			Applicant: rules.ApplicantLegal, Sponsor: "某公司"}
		for _, it := range items {
			c.Materials = append(c.Materials, rules.Item{Item: it, State: rules.ItemPresent})
		}
		return c
	}
	newRecv := time.Date(2026, 10, 9, 9, 0, 0, 0, cn)
	future := now.Add(time.Hour)
	person, post := "person", "post"
	tests := []struct {
		name      string
		c         *Case
		e         CaseEdit
		wantErr   string // field
		wantCore  bool
		wantClock string
		rebuilt   bool
	}{
		{"nothing", base(rules.StatusReceived, "2026-09-30"), CaseEdit{Note: ptrTo("x")}, "", false, "", false},
		{"receipt moves the clock", base(rules.StatusReceived, "2026-09-30"), CaseEdit{Core: CoreEdit{ReceivedAt: &newRecv}}, "", true, "2026-10-09", false},
		{"restarted clock stays", base(rules.StatusReceived, "2026-10-20"), CaseEdit{Core: CoreEdit{ReceivedAt: &newRecv}}, "", true, "2026-10-20", false},
		{"channel only", base(rules.StatusAccepted, "2026-09-30"), CaseEdit{Core: CoreEdit{Channel: &post}}, "", true, "2026-09-30", false},
		{"sponsor type rebuilds", base(rules.StatusReturned, "2026-09-30"), CaseEdit{Core: CoreEdit{SponsorType: &person}}, "", true, "2026-09-30", true},
		{"sponsor type after acceptance", base(rules.StatusAccepted, "2026-09-30"), CaseEdit{Core: CoreEdit{SponsorType: &person}}, "kind", false, "", false},
		{"future receipt", base(rules.StatusReceived, "2026-09-30"), CaseEdit{Core: CoreEdit{ReceivedAt: &future}}, "received", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed, err := tt.e.Apply(tt.c, now)
			if tt.wantErr != "" {
				fe, ok := err.(*FieldError)
				if !ok || fe.Field != tt.wantErr {
					t.Fatalf("err %v, want field %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (ed.Core != nil) != tt.wantCore {
				t.Fatalf("core %+v", ed.Core)
			}
			if ed.Core == nil {
				return
			}
			if ed.Core.ClockDay != tt.wantClock || len(ed.Core.Notes) == 0 || (ed.Core.Materials != nil) != tt.rebuilt {
				t.Errorf("core %+v", ed.Core)
			}
			if tt.rebuilt {
				want := rules.Materials(rules.KindDeregister, rules.SponsorPerson, rules.ApplicantLegal)
				for i, m := range ed.Core.Materials {
					kept := slices.Contains(rules.Materials(rules.KindDeregister, rules.SponsorOrg, rules.ApplicantLegal), m.Item)
					if m.Item != want[i] || (m.State == rules.ItemPresent) != kept {
						t.Errorf("material %d %+v (kept %v)", i, m, kept)
					}
				}
			}
		})
	}
	if DueNote("2026-10-13", "2026-10-13") != "" || DueNote("", "2026-10-13") != "办理期限 无 → 2026-10-13" {
		t.Error("DueNote")
	}
}

func ptrTo(s string) *string { return &s }
