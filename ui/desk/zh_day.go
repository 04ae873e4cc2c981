package desk

// Chinese texts added for issue 14 (a clerk's whole day): the action time,
// the keyboard, first start, export and the link picker.
const (
	// txtNowWord in a time field means the moment of the click.
	txtNowWord       = "现在"
	txtBadTimeOrNow  = "时间格式应为 2026-09-30 10:00,或“现在”"
	txtClearTitle    = "清空表单"
	txtClearAsk      = "表单中已填写的内容将被清空,确定吗?"
	txtRegMailGone   = "邮件「%s」已被忽略或关联到其他案件,表单中的预填内容已清除。"
	txtUnlinkMail2   = "取消关联"
	txtUnlinkTitle   = "取消关联邮件"
	txtUnlinkAsk     = "将邮件「%s」与案件 %s 取消关联?邮件会回到收件箱的未处理邮件中,此操作记入案件历史。"
	txtLinkSuggested = "可能相关的案件"
	txtLinkAll       = "最近的案件"
	txtLinkMatch     = "匹配:%s"
	txtActionsBar    = "办理"
	txtOpenFileBt    = "打开文件"
	txtOpenFolderBt  = "打开所在文件夹"
	txtExportedTo    = "已导出:%s"
	txtRestoreAsk2   = "将用备份文件\n%s\n替换当前数据库。\n\n备份时间 %s:其中有 %d 件案件、%d 封邮件,最后一次办理记录在 %s。\n当前数据库有 %d 件案件、%d 封邮件。\n\n恢复后,备份时间之后登记的案件(约 %d 件)、收到的邮件(约 %d 封)以及所有案件在此之后的办理记录都将不在数据库中。当前数据库会保留在原文件夹中(文件名以 .before-restore- 结尾),可以找回。\n恢复后程序将关闭,请重新打开。继续吗?"
	txtNoRecord      = "无"

	txtGuideTitle    = "开始使用"
	txtGuideIntro    = "案件簿还是空的。按下面的步骤准备好,就可以开始受理:"
	txtGuideMail     = "1. 设置邮箱"
	txtGuideMailHint = "在 163 网页邮箱中:设置 → POP3/SMTP/IMAP → 开启“IMAP/SMTP服务”,按提示用手机验证后得到授权码;在本程序的“设置”中填写邮箱地址和这个授权码(不是网页登录密码)。"
	txtGuideClerk    = "2. 填写经办人姓名"
	txtGuideClerkOK  = "2. 经办人:%s"
	txtGuideClerkHnt = "经办人姓名记入每一条办理记录,请填写真实姓名。"
	txtGuideHoliday  = "3. 导入 %d 年节假日"
	txtGuideHolOK    = "3. %d 年节假日已有"
	txtGuideHolHint  = "没有当年的国务院节假日安排,办理期限会按普通周末计算。在“设置 → 节假日”中粘贴通知全文导入。"
	txtGuideFirst    = "4. 登记第一件"
	txtGuideFirstHnt = "传真、信函、窗口来件在“登记”中录入;邮件在“收件箱”中立案。"
	txtGuideGoMail   = "设置邮箱"
	txtGuideGoClerk  = "填写姓名"
	txtGuideGoHol    = "导入节假日"
	txtGuideGoFirst  = "登记第一件"
	txtGuideDone     = "✓ "
)
