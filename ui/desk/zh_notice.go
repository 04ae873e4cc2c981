package desk

// Chinese text of the notices (告知书) on the case detail.
const (
	txtNotices        = "告知书"
	txtNoticeKind     = "告知书类型"
	txtNoticePreview  = "预览"
	txtNoticePrint    = "打印"
	txtNoticeSend     = "发送"
	txtNoticeFailed   = "无法生成告知书:%s"
	txtNoticeOpenFail = "无法打开PDF:%v"
	txtNoticeFile     = "%s-%s.pdf"
)

// Sending a notice by mail, the outbox and 单位信息.
const (
	txtSendTitle      = "发送告知书"
	txtSendTo         = "收件人"
	txtSendSubject    = "主题"
	txtSendBody       = "正文"
	txtSendAttachment = "附件"
	txtSendReplyTo    = "回复来信:%s"
	txtSendButton     = "发送"
	txtSending        = "正在发送……"
	txtSendDone       = "已发送至 %s。"
	txtSendAppended   = "副本已存入邮箱“已发送”文件夹。"
	txtSendFailed     = "发送失败:%s\n\n邮件已保存在发件记录中(未发出),可稍后点“重试”。"
	txtOutbox         = "发件记录"
	txtOutboxRetry    = "重试"
	txtOutboxRow      = "%s  %s  %s"
	txtOutboxConfirm  = "这封邮件可能已经发出(待核实)。确认对方没有收到后再重发,否则对方会收到两封。仍要重发吗?"
	txtOutboxResend   = "仍要重发"
	txtRecovered      = "上次未完成的发送:%d 封已在“已发送”文件夹中找到并记为已发出,%d 封待核实(请在案件的发件记录中查看)。"

	txtSetBureau     = "单位信息"
	txtBureauAbout   = "告知书上的单位名称、地址、电话等取自这里;默认值来自管局公开的问题解答。"
	txtBureauName    = "单位名称"
	txtBureauAddress = "办理地点"
	txtBureauPhones  = "联系电话"
	txtBureauFax     = "传真"
	txtBureauMailbox = "电子邮箱"
	txtBureauHours   = "办理时间"
	txtSMTPHeading   = "发信(SMTP)"
	txtSMTPAbout     = "与收信使用同一邮箱账号和授权码。网易163默认 smtp.163.com,端口465(SSL)。"
	txtSMTPHost      = "发信服务器"
	txtSMTPPort      = "端口"
	txtSMTPSecurity  = "加密方式"
	txtSMTPFrom      = "发件地址"
	txtSMTPFromHint  = "账号本身是邮箱地址时可留空"
)
