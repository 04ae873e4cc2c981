package store

import (
	"fmt"
	"strings"
)

// The notes the history records for the desk's own actions, shared by both
// back ends so that a case's history reads the same on a file and on a
// server (and after copying a book from one to the other).
const (
	EventNoteCreate     = "登记"
	EventNoteLinkMail   = "关联邮件「%s」"
	EventNoteUnlinkMail = "取消关联邮件「%s」"
	EventNoteCheck      = "材料「%s」:%s"
	EventNoteFile       = "添加附件 %s"
	EventNoteEdit       = "修改案件信息"
	EventNoteNoticeSent = "已发送%s至 %s(邮件 %d,Message-ID %s)"
	eventNoteNoSubject  = "(无主题)邮件 %d"
)

// MailEventNote names a mail in the history by its subject, which a clerk
// recognises, rather than by its row number; format is EventNoteLinkMail
// or EventNoteUnlinkMail.
func MailEventNote(format, subject string, mailID int64) string {
	if subject = strings.TrimSpace(subject); subject == "" {
		subject = fmt.Sprintf(eventNoteNoSubject, mailID)
	}
	return fmt.Sprintf(format, subject)
}

// The refusals both back ends word alike, so that a clerk reads the same on
// a file and on a server; each back end's zh.go names them for its calls.
const (
	MsgCaseNotFound   = "案件 %d 不存在"
	MsgMailNotFound   = "邮件 %d 不存在"
	MsgMailLinked     = "邮件 %d 已关联到案件 %s"
	MsgOutboxNotFound = "发件记录 %d 不存在"
	MsgBackupExists   = "备份文件 %s 已存在"
	MsgBackupNoDir    = "文件夹 %s 不存在"
)
