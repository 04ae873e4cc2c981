package mail

// Chinese messages of mail intake (import, sync, credentials), kept together
// for review. Each error says what happened and what the clerk can do.
const (
	msgParseFailed   = "邮件解析失败,已保存原始邮件:%v"
	msgParsePanic    = "邮件解析器内部错误,已保存原始邮件:%v"
	msgUIDValidity   = "邮箱 %s 的 UIDVALIDITY 已变化(%d → %d),已重新扫描全部邮件,重复的不会再次保存"
	msgFetchMissing  = "服务器没有返回 UID %d 的邮件内容,下次收取时重试"
	msgFetchCommand  = "服务器报告部分邮件无法读取:%v"
	msgIDRefused     = "服务器拒绝了 ID 命令:%v"
	msgPasswordEnv   = "环境变量"
	msgPasswordRing  = "系统钥匙串"
	msgSecurityBad   = "加密方式「%s」无效,应为 tls、starttls 或 none"
	msgPlainRemote   = "不加密连接(none)只允许连接本机(127.0.0.1、::1、localhost),不能用于 %s;请改用 tls 或 starttls"
	msgNoHost        = "未设置 IMAP 服务器地址,请在设置中填写或使用 --host"
	msgNoUser        = "未设置邮箱账号,请在设置中填写或使用 --user"
	msgNoPassword    = "未设置邮箱密码(授权码)"
	msgBadPort       = "端口 %d 无效"
	msgLeaseLost     = "收取锁被其他窗口接管,已停止收取"
	msgErrAuth       = "登录失败:账号或授权码错误。请在163邮箱网页版 设置→POP3/SMTP/IMAP 开启IMAP服务并生成授权码,用授权码代替网页登录密码"
	msgErrUnsafe     = "邮箱服务器拒绝了本程序(Unsafe Login)。请在163邮箱网页版 设置→POP3/SMTP/IMAP 确认已开启IMAP服务;若仍被拒绝,请登录网页版查看安全提醒并允许本客户端"
	msgErrDNS        = "找不到邮件服务器 %s,请检查服务器地址和网络连接"
	msgErrRefused    = "邮件服务器 %s 拒绝连接,请检查端口和加密方式(tls 用 993,starttls 用 143)"
	msgErrDeadline   = "收取超过总时限 %s 仍未完成(服务器响应过慢),已停止;已收到的邮件已保存,下次从断点继续"
	msgErrTimeout    = "连接邮件服务器超时(%s 内无响应),请检查网络后重试"
	msgErrNetwork    = "网络连接失败,请检查网络后重试"
	msgErrDropped    = "与邮件服务器的连接中断,已收到的邮件已保存,请重新收取"
	msgErrTLS        = "邮件服务器的证书无法验证,连接已中止(可能是服务器地址填错,或网络被劫持)。请核对服务器地址;不要在不可信的网络上收取"
	msgErrTLSProto   = "与邮件服务器的加密握手失败,请检查端口和加密方式(tls 用 993,starttls 用 143)"
	msgErrBusy       = "另一窗口正在收取邮件(%s),请等它完成后再试"
	msgErrServer     = "邮件服务器拒绝了操作"
	msgErrMailbox    = "无法打开邮箱文件夹「%s」,请检查文件夹名称"
	msgErrCanceled   = "已取消收取"
	msgErrCredential = "无法读取保存的邮箱授权码"
	msgErrConfig     = "收取设置有误"
	msgErrOther      = "收取邮件失败"
	msgKeyringNone   = "系统钥匙串中没有 %s 的授权码:请在 设置 中保存授权码,或设置环境变量 " + EnvPassword
	msgKeyringFail   = "无法使用系统钥匙串(%v):没有桌面环境时请设置环境变量 " + EnvPassword + " 提供授权码"
	msgKeyringSlow   = "系统钥匙串无响应"
)

// Chinese messages of ImportFile.
const (
	msgNotAFile     = "%s 不是文件"
	msgMailEmpty    = "文件是空的,不是邮件(.eml)"
	msgMailBinary   = "文件含有二进制内容,不是保存的邮件(.eml)"
	msgMailNoHeader = "文件开头不是邮件头(如 From:、Subject:),不是保存的邮件(.eml)"
)
