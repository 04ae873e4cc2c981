package sqlite

import "beiandesk/store"

// Chinese messages of the store, kept together for review.
const (
	msgCaseNotFound  = "案件 %d 不存在"
	msgMailNotFound  = "邮件 %d 不存在"
	msgMailLinked    = "邮件 %d 已关联到案件 %s"
	msgBackupExists  = "备份文件 %s 已存在"
	msgBackupNoDir   = "文件夹 %s 不存在"
	msgEventCreate   = store.EventNoteCreate
	msgEventLinkMail = store.EventNoteLinkMail
	msgEventFile     = store.EventNoteFile
)

// Chinese text of the outbox.
const (
	msgOutboxNotFound  = "发件记录 %d 不存在"
	msgEventNoticeSent = store.EventNoteNoticeSent
)
