package store

import (
	"context"
	"io"
	"time"

	"beiandesk/store/rules"
	"beiandesk/store/workday"
)

// Book is an open case book: every service the window, the mail intake,
// the report and the command line use, whatever the back end.
// store/sqlite implements it over one local file; store/backend opens the
// implementation a target names.
type Book interface {
	CaseService
	MailService
	BlobService
	CalendarService
	SettingService
	LeaseService
	DashboardService
	ReportService
	BulkService
	OutboxService
	LedgerService
	NationalService

	// Location says which book this is, for the window's title bar and
	// --version: the file path, or the server and database.
	Location() string
	// Close releases the book.
	Close() error
}

// CaseService registers cases and moves them along their lifecycle. Every
// change is recorded in the case's append-only history under clerk.
type CaseService interface {
	// CreateCase validates in and registers a case with its materials
	// list, all missing. Mails named in in.MailIDs are linked to it. Bad
	// input is a *FieldError and stores nothing; so is a receipt time
	// outside CheckReceivedAt's bounds against the book's clock.
	CreateCase(ctx context.Context, in NewCase, clerk string) (*Case, error)
	// Case loads one case with its materials and linked mails; a missing
	// case is ErrNotFound.
	Case(ctx context.Context, id int64) (*Case, error)
	// CaseByNumber loads a case by its number (ZX-2026-0001).
	CaseByNumber(ctx context.Context, number string) (*Case, error)
	// Cases lists cases matching f, with materials and mail ids when full
	// is set.
	Cases(ctx context.Context, f Filter, full bool) ([]*Case, error)
	// CountCases counts cases matching f (Limit and Order are ignored).
	CountCases(ctx context.Context, f Filter) (int, error)
	// UpdateCase applies a correction (see CaseEdit.Apply, with the book's
	// clock as now) and records which fields changed. When Edited.Core is
	// set it also stores the core fields, recomputes the due date from
	// CoreChange.ClockDay with the book's calendar (history: DueNote),
	// replaces the checklist with CoreChange.Materials when not nil, and
	// writes the history as Core.Notes, the due note, then Changed.
	//
	// UpdateCase, MoveCase and CheckItem take the version of the case the
	// clerk saw: when the case has changed since, they fail with a
	// *ConflictError and write nothing. Version 0 means the caller read
	// the case within this very call (the command line) and skips the
	// check.
	UpdateCase(ctx context.Context, id, version int64, e CaseEdit, clerk string) (*Case, error)
	// MoveCase moves a case to status to. at is when it really happened
	// (zero means now; outside CheckActionAt's bounds a *FieldError "at");
	// a supplement (returned → received) restarts the
	// clock on that day.
	MoveCase(ctx context.Context, id, version int64, to rules.Status, at time.Time, note, clerk string) (*Case, error)
	// CheckItem records the check of material item n (1-based).
	CheckItem(ctx context.Context, id, version int64, n int, state rules.ItemState, note, clerk string) (*Case, error)
	// History returns the events of a case, oldest first by when they
	// happened (Event.At, compared as instants whatever their offsets),
	// ties in the order they were recorded: a back-filled move (MoveCase
	// with an earlier at) sorts before events recorded before it.
	History(ctx context.Context, caseID int64) ([]Event, error)
	// AddCaseFile stores a file (a scan) with a case.
	AddCaseFile(ctx context.Context, caseID int64, name string, r io.Reader, clerk string) (Attachment, error)
	// CaseFiles lists the files attached to a case.
	CaseFiles(ctx context.Context, caseID int64) ([]Attachment, error)
	// LinkMail attaches a mail to an existing case.
	LinkMail(ctx context.Context, caseID, mailID int64, clerk string) error
	// UnlinkMail undoes LinkMail: the mail goes back to the unhandled
	// mails (state MailNew), the case's version rises as with LinkMail,
	// and the case's history records the change,
	// naming the mail by its subject (the history is append-only, so the
	// earlier link stays in it). A mail not linked to caseID is a
	// *FieldError on "mail"; a missing case is ErrNotFound.
	UnlinkMail(ctx context.Context, caseID, mailID int64, clerk string) error
}

// NationalService records what the clerk did beyond the FAQ's lists and in
// the national filing system (备案管理系统). Like MoveCase, each takes the
// version of the case the clerk saw (0 skips the check) and records the
// change in the case's history under clerk.
type NationalService interface {
	// RecordNational records the filings cancelled in the national
	// filing system for an accepted deregistration or conflict (checked by
	// NationalRecord.Normalize and NationalNormalized.CheckCase), one
	// NationalAction per filing. 办结 of such a case is refused until one
	// exists (rules.CheckOutcome). Bad input is a *FieldError.
	RecordNational(ctx context.Context, id, version int64, in NationalRecord, clerk string) (*Case, error)
	// AddItem adds a material to a case's checklist beyond the FAQ's list
	// (its lists end in "等"); it starts missing (CheckAddItem says what is
	// refused).
	AddItem(ctx context.Context, id, version int64, item, clerk string) (*Case, error)
}

// MailService stores mails byte-exact with their attachments and keeps
// the IMAP position.
type MailService interface {
	// BeginMail starts a transaction that stores one mail with its blobs
	// and the checkpoint after it.
	BeginMail(ctx context.Context) (MailTx, error)
	// LookupMail returns the id of the mail stored under dedup key key.
	LookupMail(ctx context.Context, key string) (id int64, ok bool, err error)
	// Mails lists stored mails, newest first, with their attachments.
	Mails(ctx context.Context, f MailFilter) ([]*Mail, error)
	// Mail loads one mail with its attachments; a missing one is
	// ErrNotFound.
	Mail(ctx context.Context, id int64) (*Mail, error)
	// CountMails counts mails in a state ("" for all).
	CountMails(ctx context.Context, state string) (int, error)
	// SetMailState marks a mail new or ignored (a linked mail stays
	// linked).
	SetMailState(ctx context.Context, mailID int64, state string) error
	// SetCheckpoint records the IMAP position outside a mail transaction.
	SetCheckpoint(ctx context.Context, account, mailbox string, cp Checkpoint) error
	// Checkpoint returns the stored IMAP position; ok is false before the
	// first sync.
	Checkpoint(ctx context.Context, account, mailbox string) (cp Checkpoint, ok bool, err error)
}

// BlobService reads the content-addressed files (raw mails, attachments,
// scans).
type BlobService interface {
	// OpenBlob streams the blob with SHA-256 sha and returns its size; a
	// missing one is ErrNotFound.
	OpenBlob(ctx context.Context, sha string) (io.ReadCloser, int64, error)
}

// CalendarService keeps the working-day calendar and the deadlines.
type CalendarService interface {
	// Calendar returns the working-day calendar: the built-in official
	// tables, replaced by imported notices, overridden by days a clerk
	// edited.
	Calendar(ctx context.Context) (*workday.Calendar, error)
	// ImportYear stores a year parsed from a State Council notice,
	// replacing that year's table and dropping earlier edits of its days.
	ImportYear(ctx context.Context, y workday.Year, source string) error
	// SetHoliday records a clerk's edit of one day: work true makes it a
	// working day, false a day off.
	SetHoliday(ctx context.Context, day time.Time, work bool, clerk string) error
	// ClearHoliday drops a clerk's edit of one day.
	ClearHoliday(ctx context.Context, day time.Time) error
	// DeadlineDays returns the working days allowed for a kind.
	DeadlineDays(ctx context.Context, k rules.Kind) (int, error)
	// SetDeadlineDays changes the working days allowed for a kind (0 to
	// 60); it applies to clocks started from then on.
	SetDeadlineDays(ctx context.Context, k rules.Kind, n int) error
	// AfterHours reports whether a request received after 17:30 or on a
	// day off counts as received on the next working day
	// (workday.Calendar.AfterHoursReceipt; SettingAfterHours). Off by
	// default.
	AfterHours(ctx context.Context) (bool, error)
	// SetAfterHours turns that rule on or off for cases registered from
	// then on; registered cases keep their dates.
	SetAfterHours(ctx context.Context, on bool) error
}

// SettingService keeps the book's settings (Setting* keys).
type SettingService interface {
	// Setting returns a setting, or def when unset.
	Setting(ctx context.Context, key, def string) (string, error)
	// SetSetting stores a setting.
	SetSetting(ctx context.Context, key, value string) error
}

// LeaseService hands out named leases, so that only one workstation pulls
// the mailbox at a time.
type LeaseService interface {
	// AcquireLease takes the named lease for ttl, or renews it when holder
	// already has it. It fails with *LeaseError while another holder's
	// lease is unexpired. A crashed holder's lease runs out.
	AcquireLease(ctx context.Context, name, holder string, ttl time.Duration) error
	// ReleaseLease gives the lease up if holder has it.
	ReleaseLease(ctx context.Context, name, holder string) error
	// LeaseHolder returns who holds the named lease now; ok is false when
	// nobody does (never taken, released or expired).
	LeaseHolder(ctx context.Context, name string) (holder string, ok bool, err error)
}

// DashboardService computes the first screen.
type DashboardService interface {
	// Dashboard computes the figures of the first screen for the civil
	// date of today.
	Dashboard(ctx context.Context, today time.Time) (*Dashboard, error)
}

// ReportService reads what the period report needs in one consistent
// pass.
type ReportService interface {
	// ReportCases returns the cases of the period from..to (civil days,
	// inclusive): received in it, closed in it, or open at its end
	// (received by then and not closed by then), in no particular order.
	// Each carries every status move of its history (with clerk and
	// note: the report names who made each decisive move and quotes the
	// reasons), its notice days and its national-system record. Cases,
	// moves and records come from one snapshot of the book.
	ReportCases(ctx context.Context, from, to time.Time) ([]*ReportCase, error)
}

// BulkService loads many whole cases at once: sample data, and copying a
// book.
type BulkService interface {
	// ImportCases stores the records as they are (no validation, no
	// lifecycle checks, times and statuses as given) in one transaction,
	// and returns their ids in order. It is all or nothing.
	ImportCases(ctx context.Context, recs []CaseRecord) ([]int64, error)
}

// Backuper is a book that can write a consistent copy of itself as one
// SQLite file at path, also while others keep writing. It refuses an
// existing path and never leaves a partial file. A book on a server may
// implement it to export a portable book.
type Backuper interface {
	Backup(ctx context.Context, path string) error
}

// BackupReplacer is a Backuper that can also replace an existing file
// (never a database file) once the new copy is complete: the window asks
// the clerk before it passes replace.
type BackupReplacer interface {
	Backuper
	BackupTo(ctx context.Context, path string, replace bool) error
}
