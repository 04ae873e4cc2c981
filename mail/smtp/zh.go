package smtp

// Chinese text of this package: what the clerk reads when a send fails.
const (
	msgSecurityBad  = "发信加密方式“%s”无效,可选:tls(SSL,端口465)、starttls(端口587)、none(仅限本机测试)"
	msgNoHost       = "未设置SMTP服务器地址"
	msgPlainRemote  = "不加密的SMTP连接只允许连接本机(当前服务器 %s);请选择 tls 或 starttls"
	msgNoUser       = "未设置邮箱账号"
	msgNoPassword   = "未设置邮箱授权码"
	msgBadPort      = "SMTP端口 %d 无效"
	msgNoFrom       = "未设置发件地址"
	msgNoRecipient  = "没有收件人地址"
	msgConnect      = "无法连接SMTP服务器 %s:%v"
	msgTLS          = "与SMTP服务器 %s 建立加密连接失败(证书或加密方式不符):%v"
	msgNoStartTLS   = "SMTP服务器 %s 不支持STARTTLS,请改用 tls(端口465)"
	msgAuth         = "SMTP登录失败:账号或授权码不正确。网易邮箱须使用授权码(在网页邮箱“设置 → POP3/SMTP/IMAP”中开启并生成),不是登录密码。服务器答复:%s"
	msgAuthNone     = "SMTP服务器 %s 不支持账号登录"
	msgRecipient    = "收件人地址 %s 被拒收,请核对地址。服务器答复:%s"
	msgFull         = "邮件被拒收:收件人邮箱已满或邮件超过容量限制。服务器答复:%s"
	msgRejected     = "邮件被SMTP服务器拒收。服务器答复:%s"
	msgDropped      = "与SMTP服务器 %s 的连接中断:%v"
	msgDroppedData  = "发送邮件正文后连接中断,无法确认服务器是否已接收(不会自动重发,请核实后再重试):%v"
	msgTimeout      = "SMTP服务器 %s 超过 %s 没有响应"
	msgCanceled     = "发送已取消"
	msgServerAnswer = "%d %s"
)
