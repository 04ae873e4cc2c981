package main

// Chinese messages about the kind of case book (local file or server).
const (
	msgBackupUnsupported = "此数据库不支持备份到文件"
	msgRestoreServer     = "restore 只适用于本机数据文件;服务器上的数据库请由管理员恢复"
)
