package desk

// Chinese text about which kind of case book is open.
const (
	txtNoFileBackup = "此数据库不支持备份到文件"
)
