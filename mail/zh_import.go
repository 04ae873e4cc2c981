package mail

// Chinese messages of importing saved mail files.
const (
	msgImportOpen     = "无法打开 %s:%v"
	msgImportNotFound = "找不到 %s"
	msgImportReadDir  = "无法读取文件夹 %s:%v"
	msgImportNoEML    = "所选文件和文件夹中没有 .eml 邮件文件"
)
