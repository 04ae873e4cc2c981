package postgres

import "beiandesk/store"

var _ store.Book = (*DB)(nil)
