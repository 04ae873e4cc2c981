package notice

import (
	"context"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
)

// Source is what ForCase reads; a store.Book satisfies it.
type Source interface {
	Settings
	Case(ctx context.Context, id int64) (*store.Case, error)
	History(ctx context.Context, caseID int64) ([]store.Event, error)
	DeadlineDays(ctx context.Context, k rules.Kind) (int, error)
}

// ForCase loads a case with its history, 单位信息 and the configured period,
// and builds its notice of kind k dated now.
func ForCase(ctx context.Context, src Source, caseID int64, k Kind, now time.Time, clerk string) (*Notice, error) {
	c, err := src.Case(ctx, caseID)
	if err != nil {
		return nil, err
	}
	hist, err := src.History(ctx, caseID)
	if err != nil {
		return nil, err
	}
	bu, err := LoadBureau(ctx, src)
	if err != nil {
		return nil, err
	}
	days, err := src.DeadlineDays(ctx, c.Kind)
	if err != nil {
		return nil, err
	}
	return Build(k, Input{Case: c, History: hist, Bureau: bu, Date: now, Clerk: clerk, Days: days})
}
