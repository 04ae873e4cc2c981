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
