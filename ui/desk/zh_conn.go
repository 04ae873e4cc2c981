package desk

// Chinese text about the server connection and the choice of book.
const (
	txtConnLost = "服务器连接中断,正在重连"
)

// 设置 → 数据: local file or server.
const (
	txtBookKind           = "数据位置"
	txtKindFile           = "本机文件"
	txtKindServer         = "服务器"
	txtServerHost         = "服务器地址"
	txtServerPort         = "端口"
	txtServerDB           = "数据库名"
	txtServerUser         = "数据库用户"
	txtServerPassword     = "密码"
	txtServerPasswordHint = "密码保存在系统钥匙串中,不写入设置文件"
	txtServerTest         = "测试连接"
	txtServerUse          = "使用此服务器"
	txtServerUseFile      = "使用本机文件"
	txtServerHint         = "多位经办人共用一个案件库时选「服务器」(PostgreSQL)。更改在下次启动时生效;命令行的 --db 和环境变量 BEIANDESK_DB 优先。"
	txtServerTesting      = "正在连接服务器…"
	txtServerTestOK       = "连接成功:%s。点「使用此服务器」后,下次启动时生效。"
	txtServerTestFail     = "连接失败:%v"
	txtServerUsed         = "下次启动时将使用服务器上的数据库 %s,密码已保存在系统钥匙串。"
	txtServerUsedNoRing   = "下次启动时将使用服务器上的数据库 %s。注意:本机没有可用的系统钥匙串,密码只用于本次测试,无法记住;下次启动前请设置环境变量 %s 为该密码(或由管理员为本机配置免密码登录)。"
	txtServerNeedHost     = "请填写服务器地址"
	txtServerBadPort      = "端口应为 1 到 65535 之间的数字"
	txtServerNeedDB       = "请填写数据库名"
	txtServerNeedUser     = "请填写数据库用户"
)
