// Package store holds the case book's domain types (Case, NewCase, Mail,
// Event, Filter, …) and the service interfaces through which the window,
// the mail intake, the report and the command line use a case book, in the
// manner of WTF Dial's root package. It writes no SQL and imports no
// database driver: store/sqlite (one local file) implements the interfaces,
// and store/backend opens the implementation that a target names.
//
// The pure rules used by every implementation live here too (the
// validation of a new case, the application of a correction) or in
// store/rules, store/validate and store/workday, so that each is written
// once.
package store
