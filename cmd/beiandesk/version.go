package main

import (
	"fmt"

	"beiandesk/store/backend"
)

// printBook adds to --version which book a start would open (file, or
// database and server), without opening it: --version must answer at once
// even when the server is down. The first line stays "beiandesk VERSION",
// which scripts read.
func (e *env) printBook() {
	target, err := e.resolveDB()
	if err != nil {
		return
	}
	fmt.Fprintf(e.stdout, msgVersionBook, backend.Describe(target))
}
