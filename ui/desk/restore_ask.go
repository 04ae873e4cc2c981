package desk

import (
	"context"
	"fmt"

	"beiandesk/store"
	"beiandesk/store/sqlite"
)

// restoreCounter counts what the current book holds.
type restoreCounter interface {
	CountCases(ctx context.Context, f store.Filter) (int, error)
	CountMails(ctx context.Context, state string) (int, error)
}

// restoreQuestion checks the backup (a SQLite file, whatever the back end)
// at path and words the question before
// a restore: what the backup holds, what the book holds now, and so what
// would be lost (the cases and mails added since, and every later entry of
// the history), and where the current file is kept.
func restoreQuestion(ctx context.Context, book restoreCounter, path string) (string, error) {
	bi, err := sqlite.InspectBackup(ctx, path)
	if err != nil {
		return "", err
	}
	cases, err := book.CountCases(ctx, store.Filter{})
	if err != nil {
		return "", err
	}
	mails, err := book.CountMails(ctx, "")
	if err != nil {
		return "", err
	}
	last := txtNoRecord
	if !bi.LastChange.IsZero() {
		last = bi.LastChange.In(chinaZone()).Format(txtTimeFmt)
	}
	return fmt.Sprintf(txtRestoreAsk2, path, bi.Time.In(chinaZone()).Format(txtTimeFmt), bi.Cases, bi.Mails, last,
		cases, mails, max(0, cases-bi.Cases), max(0, mails-bi.Mails)), nil
}
