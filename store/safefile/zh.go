package safefile

// Chinese messages of the package, kept together for review.
const (
	msgExists       = "目标文件已存在"
	msgExistsPath   = "文件 %s 已存在,未覆盖"
	msgProtected    = "目标是数据库文件,不能覆盖"
	msgIsOpenDB     = "%s 是正在使用的数据库文件(或其 -wal/-shm 文件),不能写入,请另选文件名"
	msgIsDB         = "%s 是一个 SQLite 数据库文件(案件库或备份),不能覆盖,请另选文件名"
	msgIsDir        = "%s 是一个文件夹,请给出文件名"
	msgBadPath      = "无法识别的路径 %s"
	msgNoDir        = "文件夹 %s 不存在"
	msgDiskFull     = "磁盘空间不足,未能写入 %s;原有文件未改动"
	msgNoPermission = "没有写入 %s 的权限(文件或文件夹只读);原有文件未改动"
	msgWriteFailed  = "写入 %s 失败:%v;原有文件未改动"
)
