// Command beiandesk is the desktop application of the ICP-filing desk
// (备案受理台). Without a command it opens the window; with one it runs the
// command-line contract of DESIGN.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"

	_ "beiandesk/cmd/beiandesk/internal/locale" // before Fyne; see the package
	"beiandesk/store"
	"beiandesk/store/backend"
	"beiandesk/store/sqlite"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "0.1.0"

// env holds what every command needs: where the database is, who is working,
// and where output goes.
type env struct {
	dbPath string
	clerk  string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer

	warnedClerk bool // the --clerk warning was given
}

// usageError is a mistake in the command line itself (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	err := dispatch(ctx, e, args)
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, msgHelp)
		return 0
	}
	fmt.Fprintln(stderr, "beiandesk:", describe(err))
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}

// describe turns an error into the text a clerk reads: field errors name the
// command-line flag they belong to.
func describe(err error) string {
	inner := err
	prefix := ""
	var fe *store.FieldError
	if errors.As(err, &fe) {
		prefix, inner = "--"+fe.Field+": ", fe.Err
	}
	// A concurrent change is said in the clerk's words, without context.
	var ce *store.ConflictError
	if errors.As(err, &ce) {
		return ce.Error()
	}
	// SQLite's and the operating system's own words are English: the
	// clerk reads them in Chinese.
	if zh := explainError(inner); zh != "" {
		return prefix + zh
	}
	return prefix + inner.Error()
}

func dispatch(ctx context.Context, e *env, args []string) error {
	// Global flags may stand before the command; every subcommand accepts
	// them again, in any position.
	fs := newFlagSet("beiandesk", e)
	version := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.stdout, msgHelp)
			return nil
		}
		return usageError{flagErrorZh(err)}
	}
	if *version {
		fmt.Fprintln(e.stdout, "beiandesk", Version)
		e.printBook()
		return nil
	}
	rest := fs.Args()
	if len(rest) == 0 {
		return openWindow(ctx, e)
	}
	cmd, rest := rest[0], rest[1:]
	switch cmd {
	case "case":
		if len(rest) == 0 {
			return usageError{msgCaseUsage}
		}
		sub, rest := rest[0], rest[1:]
		switch sub {
		case "new":
			return caseNew(ctx, e, rest)
		case "status":
			return caseStatus(ctx, e, rest)
		case "check":
			return caseCheck(ctx, e, rest)
		case "edit":
			return caseEdit(ctx, e, rest)
		case "record":
			return caseRecord(ctx, e, rest)
		case "show":
			return caseShow(ctx, e, rest)
		}
		return usageError{fmt.Sprintf(msgUnknownCommand, "case "+sub)}
	case "cases":
		return casesList(ctx, e, rest)
	case "workdays":
		return workdays(ctx, e, rest)
	case "holidays":
		if len(rest) == 0 {
			return usageError{msgHolidaysUsage}
		}
		sub, rest := rest[0], rest[1:]
		switch sub {
		case "import":
			return holidaysImport(ctx, e, rest)
		case "list":
			return holidaysList(ctx, e, rest)
		}
		return usageError{fmt.Sprintf(msgUnknownCommand, "holidays "+sub)}
	case "backup":
		return backup(ctx, e, rest)
	case "copy":
		return bookCopy(ctx, e, rest)
	case "clerks":
		return clerks(ctx, e, rest)
	case "restore":
		return restore(ctx, e, rest)
	case "import":
		return mailImport(ctx, e, rest)
	case "sync":
		return mailSync(ctx, e, rest)
	case "mails":
		return mailsList(ctx, e, rest)
	case "export":
		return export(ctx, e, rest)
	case "notice":
		return noticeCmd(ctx, e, rest)
	case "reply":
		return reply(ctx, e, rest)
	case "outbox":
		return outboxCmd(ctx, e, rest)
	case "ledger":
		return ledgerCmd(ctx, e, rest)
	case "help":
		fmt.Fprint(e.stdout, msgHelp)
		return nil
	}
	return usageError{fmt.Sprintf(msgUnknownCommand, cmd)}
}

// newFlagSet makes a flag set that already knows the global flags.
func newFlagSet(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Func("db", "database file", func(s string) error { e.dbPath = s; return nil })
	fs.Func("clerk", "clerk name recorded in the history", func(s string) error { e.clerk = s; return nil })
	return fs
}

// parseArgs parses flags and positional arguments in any order; Go's flag
// package alone stops at the first positional argument.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{flagErrorZh(err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// resolveDB resolves the database: --db, then $BEIANDESK_DB, then the
// per-user default (see sqlite.DefaultPath).
func (e *env) resolveDB() (string, error) {
	if e.dbPath != "" {
		return e.dbPath, nil
	}
	if p := os.Getenv("BEIANDESK_DB"); p != "" {
		return p, nil
	}
	return DefaultDBPath()
}

// DefaultDBPath is the case book chosen in 设置, else the one in the
// per-user data folder.
func DefaultDBPath() (string, error) { return backend.DefaultTarget() }

// open opens the book for reading. A file that is not a SQLite database is
// refused before SQLite sees it (see sqlite.CheckFile).
func (e *env) open(ctx context.Context) (store.Book, error) { return e.openBook(ctx, false) }

// openWrite opens the book for a command that writes into it: a damaged
// file is refused as the window refuses it, after PRAGMA quick_check (about
// as long as reading the file: ~0.5 s at 100k cases, nothing for a new book).
func (e *env) openWrite(ctx context.Context) (store.Book, error) { return e.openBook(ctx, true) }

func (e *env) openBook(ctx context.Context, write bool) (store.Book, error) {
	path, err := e.resolveDB()
	if err != nil {
		return nil, err
	}
	if !backend.IsServer(path) {
		explicit := e.dbPath != "" || os.Getenv("BEIANDESK_DB") != ""
		if err := sqlite.CheckFile(path, explicit); err != nil {
			return nil, err
		}
		if write {
			h, err := sqlite.Check(ctx, path)
			if errors.Is(err, sqlite.ErrDamaged) {
				return nil, fmt.Errorf(sqlite.MsgDamagedBook, path, sqlite.ExplainDamage(h.Problems))
			}
			if err != nil {
				return nil, err
			}
		}
	}
	db, err := backend.Open(ctx, path)
	if err == nil {
		e.warnClerkIgnored(db)
	}
	return db, err
}

// clerkName is --clerk, else the saved clerk name, else the OS user.
func (e *env) clerkName(ctx context.Context, db store.Book) string {
	if name, ok := loginClerk(db); ok {
		return name
	}
	if e.clerk != "" {
		return e.clerk
	}
	if db != nil {
		if s, _ := db.Setting(ctx, store.SettingClerk, ""); s != "" {
			return s
		}
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}
