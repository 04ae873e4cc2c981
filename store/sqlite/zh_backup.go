package sqlite

// Chinese messages of the automatic backup, damage detection and the
// restore safeguards, kept together for review.
const (
	msgDamaged         = "数据库文件已损坏"
	msgDamagedDetail   = "%s(%s)"
	msgInUse           = "数据库 %s 正在使用中(备案受理台窗口或其他命令仍打开着它),请先关闭后再操作"
	msgSetAsideMissing = "数据库文件 %s 不存在"
	msgAutoBackupBad   = "自动备份未通过完整性检查,当前数据库可能已损坏:%v"
	msgAutoBackupKeep  = "保留天数应为正数"
	msgNotAFile        = "%s 不是文件"
)

// Chinese messages about a database file on a network share.
const (
	msgNetworkShare = "数据文件 %s 位于网络共享(%s)上。SQLite 数据文件放在网络共享上会在多台电脑同时使用时损坏," +
		"不能这样使用。请把数据文件放在本机磁盘上;多台电脑共用一个案件库请改用服务器数据库" +
		"(--db postgres://用户@服务器/数据库,或 设置 → 数据 → 服务器)"
	msgMappedDrive = "网络驱动器"
)
