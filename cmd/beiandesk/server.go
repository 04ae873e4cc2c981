package main

import (
	"fmt"

	"beiandesk/store"
)

// loginClerk is the clerk a book on a server records: the server sets the
// history's clerk from the login, so the command line uses the same name.
func loginClerk(db store.Book) (string, bool) {
	if l, ok := db.(interface{ Clerk() string }); ok && db != nil {
		return l.Clerk(), true
	}
	return "", false
}

// warnClerkIgnored says on stderr that --clerk does not apply to a book on
// a server, once per command.
func (e *env) warnClerkIgnored(db store.Book) {
	name, ok := loginClerk(db)
	if !ok || e.clerk == "" || e.clerk == name || e.warnedClerk {
		return
	}
	e.warnedClerk = true
	fmt.Fprintf(e.stderr, msgClerkIgnored, name)
}
