package main

// Chinese text of the mail commands, kept together for review.
const (
	msgImportSummary   = "新邮件 %d 封,重复 %d 封\n"
	msgImportFailed    = "%d 个文件导入失败"
	msgSyncProgress    = "收取中 %d/%d\n"
	msgSyncSummary     = "收取完成:新邮件 %d 封,重复 %d 封,失败 %d 封\n"
	msgSyncPartial     = "已收取:新邮件 %d 封,重复 %d 封\n"
	msgSyncFailedMails = "%d 封邮件未能收取,下次收取时会重试"
	msgSyncNothing     = "没有新邮件\n"
	msgPasswordSource  = "使用%s中的授权码\n"
	msgSettingsSaved   = "已保存收取设置\n"
	msgSyncNote        = "注意"
	msgBadMailState    = "--state: 「%s」无效,应为 new、case 或 ignored"
	msgBadPortFlag     = "--port: 「%s」无效,应为 1 到 65535 之间的整数"
	msgBadDuration     = "--%s: 「%s」无效,应为时长,如 60s、2m"
	msgBadLimit        = "--limit: 应为正整数"
)
