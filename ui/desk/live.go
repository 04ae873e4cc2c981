package desk

import (
	"beiandesk/store"
)

// watchBook reloads the screens when the book changes elsewhere: another
// workstation on the same server, another window or the command line on the
// same file. The book tells within about two seconds (store.Watcher).
func (d *Desk) watchBook() {
	w, ok := d.db.(store.Watcher)
	if !ok {
		return
	}
	go func() {
		_ = w.Watch(d.ctx, func() { d.do(d.changed) })
	}()
}
