package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// CoreEdit corrects the fields the checklist and the deadline follow from:
// the receipt time, the kind, the channel and the sponsor type. A nil field
// is left as it is.
//
// Decisions: the materials list is rebuilt from the new kind and sponsor
// type, keeping the check (state, note, who and when) of every item whose
// text is also in the new list; the others start as missing. The due date
// is recomputed from the new receipt day, or, when a supplement already
// restarted the clock, from that day with the new kind. The case number
// stays: it is the case's name on paper and in mails. Kind and sponsor type
// change only while the case is 已登记 or 退回补正: an accepted case was
// accepted on the old checklist.
type CoreEdit struct {
	ReceivedAt  *time.Time
	Kind        *string
	Channel     *string
	SponsorType *string
}

// applyCore applies e to the case c inside tx (after in, the merged new
// input, was validated as v) and returns the history notes "field old →
// new" of what changed.
func applyCore(ctx context.Context, tx *sql.Tx, c *Case, in NewCase, v *validated, now time.Time) ([]string, error) {
	var notes []string
	kindChanged := v.kind != c.Kind
	typeChanged := v.sponsorType != c.SponsorType
	recvChanged := !in.ReceivedAt.Equal(c.ReceivedAt)
	if (kindChanged || typeChanged) && c.Status != rules.StatusReceived && c.Status != rules.StatusReturned {
		return nil, fieldErrf("kind", msgCoreClosed, c.Status.Label())
	}
	if recvChanged {
		if err := checkMoment("received", labelReceived, in.ReceivedAt, now); err != nil {
			return nil, err
		}
		notes = append(notes, fmt.Sprintf(msgChange, labelReceived, chinaTime(c.ReceivedAt), chinaTime(in.ReceivedAt)))
	}
	if kindChanged {
		notes = append(notes, fmt.Sprintf(msgChange, msgFieldKind, c.Kind.Label(), v.kind.Label()))
	}
	if v.channel != c.Channel {
		notes = append(notes, fmt.Sprintf(msgChange, msgFieldChannel, c.Channel.Label(), v.channel.Label()))
	}
	if typeChanged {
		notes = append(notes, fmt.Sprintf(msgChange, msgFieldSponsorType, c.SponsorType.Label(), v.sponsorType.Label()))
	}
	if len(notes) == 0 {
		return nil, nil
	}
	day := workday.DayOf(in.ReceivedAt)
	clock := c.ClockDay
	if clock == c.ReceivedDay {
		clock = workday.Format(day) // the clock never restarted: it follows the receipt
	}
	clockDay, err := workday.ParseDate(clock)
	if err != nil {
		return nil, err
	}
	due, err := dueDate(ctx, tx, v.kind, clockDay)
	if err != nil {
		return nil, err
	}
	if due != c.Due {
		notes = append(notes, fmt.Sprintf(msgChange, msgFieldDue, orNone(c.Due), orNone(due)))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE cases SET kind = ?, channel = ?, sponsor_type = ?, received_at = ?,
		received_day = ?, clock_day = ?, due = ? WHERE id = ?`, v.kind, v.channel, v.sponsorType,
		rfc3339(in.ReceivedAt), workday.Format(day), clock, nullString(due), c.ID); err != nil {
		return nil, fmt.Errorf("update case: %w", err)
	}
	if kindChanged || typeChanged || v.applicant != c.Applicant {
		if err := rebuildMaterials(ctx, tx, c, rules.Materials(v.kind, v.sponsorType, v.applicant)); err != nil {
			return nil, err
		}
	}
	return notes, nil
}

// rebuildMaterials replaces the checklist with items, keeping the check of
// every item whose text is unchanged.
func rebuildMaterials(ctx context.Context, tx *sql.Tx, c *Case, items []string) error {
	type kept struct {
		state, note, by string
		at              sql.NullString
	}
	checks := map[string]kept{}
	rows, err := tx.QueryContext(ctx, `SELECT item, state, note, checked_at, checked_by FROM material WHERE case_id = ?`, c.ID)
	if err != nil {
		return fmt.Errorf("materials: %w", err)
	}
	for rows.Next() {
		var item string
		var k kept
		if err := rows.Scan(&item, &k.state, &k.note, &k.at, &k.by); err != nil {
			rows.Close()
			return fmt.Errorf("materials: %w", err)
		}
		checks[item] = k
	}
	rows.Close()
	if _, err := tx.ExecContext(ctx, `DELETE FROM material WHERE case_id = ?`, c.ID); err != nil {
		return fmt.Errorf("materials: %w", err)
	}
	for i, item := range items {
		k, ok := checks[item]
		if !ok {
			k = kept{state: string(rules.ItemMissing)}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO material (case_id, pos, item, state, note, checked_at, checked_by)
			VALUES (?,?,?,?,?,?,?)`, c.ID, i+1, item, k.state, k.note, k.at, k.by); err != nil {
			return fmt.Errorf("materials: %w", err)
		}
	}
	return nil
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
