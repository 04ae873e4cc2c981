package desk

// Strings of importing saved mail files (收件箱 → 导入).
const (
	txtImportTitle   = "导入邮件"
	txtImportFiles   = "选择邮件文件…"
	txtImportFolder  = "选择文件夹…"
	txtImportHint    = "可以选择一个 .eml 文件，或一个文件夹（导入其中及子文件夹中所有 .eml 文件）。\n也可以把多个 .eml 文件或文件夹直接拖到收件箱窗口中。"
	txtImportWorking = "正在导入邮件…"
	txtImportFailed  = "已导入 %d 封,重复 %d 封;%d 个文件导入失败:\n%s"
)
