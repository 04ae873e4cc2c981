package store

// Chinese text of the outbox.
const (
	msgOutboxPending   = "未发出"
	msgOutboxUncertain = "待核实"
	msgOutboxSent      = "已发出"
	msgOutboxNotFound  = "发件记录 %d 不存在"
	msgEventNoticeSent = "已发送%s至 %s(邮件 %d,Message-ID %s)"
)
