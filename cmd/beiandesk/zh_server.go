package main

// Chinese messages of the shared book on a server: copying books, clerks.
const (
	msgCopySame         = "源数据库和目标数据库相同"
	msgCopyUnsupported  = "此数据库不支持整本复制"
	msgCopyDone         = "已将 %s 复制到 %s。\n%s\n"
	msgClerksUsage      = "用法:beiandesk clerks add 数据库用户 --name 姓名 [--chief] | clerks list --json | clerks remove 数据库用户"
	msgClerksServerOnly = "clerks 只适用于服务器(PostgreSQL)上的共享数据库;本机数据文件的经办人在 设置 中填写或用 --clerk 指定"
	msgClerkAdded       = "已添加经办人 %s(%s)\n"
	msgClerkRemoved     = "已移除经办人 %s;历史记录中的姓名保留不变\n"
	msgRoleClerk        = "经办人"
	msgRoleChief        = "科长"
	msgClerkIgnored     = "beiandesk: 提示:服务器数据库的经办人取自数据库登录用户(%s),--clerk 已忽略\n"
)
