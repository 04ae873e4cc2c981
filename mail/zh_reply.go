package mail

// Chinese text of answering by mail.
const (
	msgReplyNoAddress  = "案件 %s 没有收件人地址:该件不是通过邮件收到的,联系人也未留电子邮箱。请填写收件地址(命令行用 --to)"
	msgReplyBadAddress = "收件地址“%s”无效"
	msgReplyNoFrom     = "未设置邮箱账号(发件地址),请在“设置 → 邮箱”中填写"
	msgReplySubject    = "%s(%s)"
	msgReplyPDFName    = "%s-%s.pdf"
	msgReplySentFolder = "邮件已发出,但未能存入“已发送”文件夹(下次启动时补存):%v"
	msgReplyUncertain  = "上次发送在邮件发出后中断,已发送文件夹中没有这封邮件,无法确认对方是否收到。请核实后再决定是否重发"
	msgReplyIsSent     = "这封邮件已经发出,不再重发"
	msgReplyConfirm    = "这封邮件可能已经发出(待核实),重发须经确认"
)
