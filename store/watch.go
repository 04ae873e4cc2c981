package store

import "context"

// Watcher is a book that tells its screens when anyone changed it: another
// workstation on the same server, another window or the command line on the
// same file. Screens reload when told, so a change shows everywhere within
// about two seconds without a refresh click.
type Watcher interface {
	// Watch calls changed, from its own goroutine, soon after the book
	// changes, until ctx ends. Changes close together may come as one call;
	// after a lost connection it calls once, as changes may have been
	// missed. It returns nil when ctx ends.
	Watch(ctx context.Context, changed func()) error
}
