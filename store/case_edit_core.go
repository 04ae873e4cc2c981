package store

import (
	"fmt"
	"strings"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// CoreEdit corrects the fields the checklist and the deadline follow from:
// the receipt time, the kind, the channel and the sponsor type. A nil field
// is left as it is.
//
// Decisions: the materials list is rebuilt from the new kind and sponsor
// type, keeping the check (state, note, and whatever a back end records
// with it) of every item whose text is also in the new list; the others
// start as missing. The due date is recomputed from the new receipt day,
// or, when a supplement already restarted the clock, from that day with
// the new kind. The case number stays: it is the case's name on paper and
// in mails. Kind and sponsor type change only while the case is 已登记 or
// 退回补正: an accepted case was accepted on the old checklist.
type CoreEdit struct {
	ReceivedAt  *time.Time
	Kind        *string
	Channel     *string
	SponsorType *string
}

// CoreChange is what a CoreEdit changes, worked out by CaseEdit.Apply
// without a database. A back end stores kind, channel, sponsor type and
// receipt time from Edited.Valid and Edited.In, ReceivedDay and ClockDay
// from here, recomputes the due date from ClockDay with its own holiday
// calendar (adding DueNote to the history), and, when Materials is not
// nil, replaces the checklist with it.
type CoreChange struct {
	// Notes are the history entries "field old → new", in order; the due
	// date's entry is the back end's (DueNote).
	Notes []string
	// ReceivedDay is the new receipt day (YYYY-MM-DD, China time).
	ReceivedDay string
	// ClockDay is the day the deadline counts from after the edit.
	ClockDay string
	// Materials is the new checklist (see RebuildMaterials), nil when it
	// stays as it is.
	Materials []rules.Item
}

// applyCore works out what the core fields of in (already normalised as
// v) change in c; nil when nothing. Only a changed receipt time is checked
// against the bounds, so that an old case can still be corrected.
func applyCore(c *Case, in NewCase, v *Normalized, now time.Time) (*CoreChange, error) {
	var notes []string
	kindChanged := v.Kind != c.Kind
	typeChanged := v.SponsorType != c.SponsorType
	recvChanged := !in.ReceivedAt.Equal(c.ReceivedAt)
	if (kindChanged || typeChanged) && c.Status != rules.StatusReceived && c.Status != rules.StatusReturned {
		return nil, FieldErrf("kind", msgCoreClosed, c.Status.Label())
	}
	if recvChanged {
		if err := CheckReceivedAt(in.ReceivedAt, now); err != nil {
			return nil, err
		}
		notes = append(notes, fmt.Sprintf(msgChange, labelReceived, chinaTime(c.ReceivedAt), chinaTime(in.ReceivedAt)))
	}
	if kindChanged {
		notes = append(notes, fmt.Sprintf(msgChange, msgFieldKind, c.Kind.Label(), v.Kind.Label()))
	}
	if v.Channel != c.Channel {
		notes = append(notes, fmt.Sprintf(msgChange, msgFieldChannel, c.Channel.Label(), v.Channel.Label()))
	}
	if typeChanged {
		notes = append(notes, fmt.Sprintf(msgChange, msgFieldSponsorType, c.SponsorType.Label(), v.SponsorType.Label()))
	}
	if len(notes) == 0 {
		return nil, nil
	}
	ch := &CoreChange{Notes: notes, ReceivedDay: workday.Format(workday.DayOf(in.ReceivedAt)), ClockDay: c.ClockDay}
	if c.ClockDay == c.ReceivedDay {
		ch.ClockDay = ch.ReceivedDay // the clock never restarted: it follows the receipt
	}
	if kindChanged || typeChanged || v.Applicant != c.Applicant {
		ch.Materials = RebuildMaterials(c.Materials, rules.Materials(v.Kind, v.SponsorType, v.Applicant))
	}
	return ch, nil
}

// RebuildMaterials returns the checklist items, each keeping the state and
// note it has in old when its text is there too, the others missing.
func RebuildMaterials(old []rules.Item, items []string) []rules.Item {
	checks := make(map[string]rules.Item, len(old))
	for _, it := range old {
		checks[it.Item] = it
	}
	out := make([]rules.Item, 0, len(items))
	for _, item := range items {
		it, ok := checks[item]
		if !ok {
			it = rules.Item{Item: item, State: rules.ItemMissing}
		}
		out = append(out, it)
	}
	return out
}

// DueNote is the history entry of a due date changed by a CoreEdit, "" when
// it did not change ("" due dates are shown as 无).
func DueNote(oldDue, newDue string) string {
	if oldDue == newDue {
		return ""
	}
	return fmt.Sprintf(msgChange, msgFieldDue, orNone(oldDue), orNone(newDue))
}

func orNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}

// Chinese messages of CoreEdit.
const (
	msgChange           = "%s %s → %s"
	msgFieldKind        = "申请类型"
	msgFieldChannel     = "来件渠道"
	msgFieldSponsorType = "主办者类型"
	msgFieldDue         = "办理期限"
	msgCoreClosed       = "案件状态为「%s」,不能再更改申请类型或主办者类型(材料清单已按原类型核对)"
)

// CoreDue works out the due date after a CoreEdit (ed.Core, not nil) of c:
// due is dueDate's deadline of the new kind from the new clock day, and
// notes are the core's history notes with the due date's (DueNote) last.
// dueDate is the back end's deadline lookup with its holiday calendar (""
// for no deadline).
func (ed *Edited) CoreDue(c *Case, dueDate func(k rules.Kind, day time.Time) (string, error)) (due string, notes []string, err error) {
	ch := ed.Core
	notes = append([]string(nil), ch.Notes...)
	clockDay, err := workday.ParseDate(ch.ClockDay)
	if err != nil {
		return "", nil, err
	}
	if due, err = dueDate(ed.Valid.Kind, clockDay); err != nil {
		return "", nil, err
	}
	if n := DueNote(c.Due, due); n != "" {
		notes = append(notes, n)
	}
	return due, notes, nil
}

// EventNote is the history note of the edit: the core's notes (from
// CoreDue, nil when the core did not change) first, then the other changed
// fields.
func (ed *Edited) EventNote(coreNotes []string) string {
	return EventNoteEdit + ":" + strings.Join(append(coreNotes, ed.Changed...), "、")
}
