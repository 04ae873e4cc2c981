package postgres

import "beiandesk/store"

var _ store.Book = (*DB)(nil)

var _ store.Watcher = (*DB)(nil)
