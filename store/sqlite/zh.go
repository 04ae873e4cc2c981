package sqlite

import "beiandesk/store"

// Chinese messages of the store, kept together for review.
const (
	msgCaseNotFound  = store.MsgCaseNotFound
	msgMailNotFound  = store.MsgMailNotFound
	msgMailLinked    = store.MsgMailLinked
	msgBackupExists  = store.MsgBackupExists
	msgBackupNoDir   = store.MsgBackupNoDir
	msgEventCreate   = store.EventNoteCreate
	msgEventLinkMail = store.EventNoteLinkMail
	msgEventFile     = store.EventNoteFile
)

// Chinese text of the outbox.
const (
	msgOutboxNotFound  = store.MsgOutboxNotFound
	msgEventNoticeSent = store.EventNoteNoticeSent
)
