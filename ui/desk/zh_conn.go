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

// The window shown when the server book cannot be opened at start.
const (
	txtUnreachableTitle    = "无法连接服务器"
	txtUnreachableIntro    = "无法连接案件库所在的服务器 %s(%s)。请检查网络,或请管理员确认服务器已启动,然后点「重试」。"
	txtUnreachableCause    = "原因:%v"
	txtUnreachableRetry    = "重试"
	txtUnreachableStill    = "仍然无法连接:%v"
	txtUnreachableFile     = "「使用本机文件」打开本机的案件库 %s:本机文件与服务器上的案件库互不相通,在本机录入的案件其他经办人看不到。"
	txtUnreachableRemember = "以后启动也使用本机文件(不再连接服务器)"
	txtUnreachableNoFile   = "无法打开本机文件:%v"
)
