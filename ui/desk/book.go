package desk

import (
	"context"
	"io"
	"time"

	"beiandesk/store"
	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// The narrow views of the case book that each screen works over: a screen
// is built with just the methods it calls, so it can be built and driven
// alone in a test. They are written in the store's domain types and the
// methods of store.Book, so that any back end of the book (SQLite, a
// server) satisfies them.

// calendarReader reads the working-day calendar.
type calendarReader interface {
	Calendar(ctx context.Context) (*workday.Calendar, error)
}

// calendarBook is what 节假日 needs.
type calendarBook interface {
	calendarReader
	SetHoliday(ctx context.Context, day time.Time, work bool, clerk string) error
	ClearHoliday(ctx context.Context, day time.Time) error
	ImportYear(ctx context.Context, y workday.Year, source string) error
}

// caseFiler stores a scan with a case.
type caseFiler interface {
	AddCaseFile(ctx context.Context, caseID int64, name string, r io.Reader, clerk string) (store.Attachment, error)
}

// detailBook is what the case detail needs.
type detailBook interface {
	calendarReader
	caseFiler
	Case(ctx context.Context, id int64) (*store.Case, error)
	History(ctx context.Context, caseID int64) ([]store.Event, error)
	CaseFiles(ctx context.Context, caseID int64) ([]store.Attachment, error)
	Mail(ctx context.Context, id int64) (*store.Mail, error)
	DeadlineDays(ctx context.Context, k rules.Kind) (int, error)
	CheckItem(ctx context.Context, id, version int64, n int, state rules.ItemState, note, clerk string) (*store.Case, error)
	MoveCase(ctx context.Context, id, version int64, to rules.Status, at time.Time, note, clerk string) (*store.Case, error)
	UpdateCase(ctx context.Context, id, version int64, e store.CaseEdit, clerk string) (*store.Case, error)
	UnlinkMail(ctx context.Context, caseID, mailID int64, clerk string) error
}

// caseLister pages and counts cases.
type caseLister interface {
	Cases(ctx context.Context, f store.Filter, full bool) ([]*store.Case, error)
	CountCases(ctx context.Context, f store.Filter) (int, error)
}

// casesBook is what 案件 (list and detail) needs.
type casesBook interface {
	caseLister
	detailBook
}

// registerBook is what 登记 needs.
type registerBook interface {
	caseFiler
	CreateCase(ctx context.Context, in store.NewCase, clerk string) (*store.Case, error)
	Mail(ctx context.Context, id int64) (*store.Mail, error)
}

// dashboardBook is what 工作台 needs, including the first-start guide.
type dashboardBook interface {
	calendarReader
	Dashboard(ctx context.Context, today time.Time) (*store.Dashboard, error)
	CountCases(ctx context.Context, f store.Filter) (int, error)
	CountMails(ctx context.Context, state string) (int, error)
	Setting(ctx context.Context, key, def string) (string, error)
}

// inboxBook is what 收件箱 needs.
type inboxBook interface {
	caseLister
	Case(ctx context.Context, id int64) (*store.Case, error)
	Mail(ctx context.Context, id int64) (*store.Mail, error)
	Mails(ctx context.Context, f store.MailFilter) ([]*store.Mail, error)
	CountMails(ctx context.Context, state string) (int, error)
	LinkMail(ctx context.Context, caseID, mailID int64, clerk string) error
	SetMailState(ctx context.Context, mailID int64, state string) error
}

var (
	_ calendarBook  = store.Book(nil)
	_ casesBook     = store.Book(nil)
	_ registerBook  = store.Book(nil)
	_ dashboardBook = store.Book(nil)
	_ inboxBook     = store.Book(nil)
)
