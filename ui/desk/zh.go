package desk

import "beiandesk/store/rules"

// The window's Chinese text, in one place for review. Nothing shown to a
// clerk is written anywhere else in this package: labels of kinds, statuses,
// channels and material states come from store/rules, error texts from the
// store, validate, workday and mail packages.
const (
	txtTitle        = "备案受理台"
	txtOpenDBFailed = "打开数据库: %w"
	txtTabDashboard = "工作台"
	txtTabInbox     = "收件箱"
	txtTabRegister  = "登记"
	txtTabCases     = "案件"
	txtTabReport    = "报表"
	txtTabSettings  = "设置"

	// Common words.
	txtOK        = "确定"
	txtCancel    = "取消"
	txtClose     = "关闭"
	txtSave      = "保存"
	txtSaved     = "已保存"
	txtOpen      = "打开"
	txtSaveAs    = "另存为"
	txtSaveRaw   = "保存原始邮件"
	txtRefresh   = "刷新"
	txtAll       = "全部"
	txtNone      = "无"
	txtError     = "出错了"
	txtDone      = "完成"
	txtWorking   = "正在处理…"
	txtLoading   = "…"
	txtDash      = "—"
	txtListSep   = "、"
	txtColon     = ":"
	txtDateFmt   = "2006-01-02"
	txtTimeFmt   = "2006-01-02 15:04"
	txtLongDate  = "2006年1月2日"
	txtMonthFmt  = "2006年1月"
	txtShortMon  = "1月"
	txtYearFmt   = "%d年"
	txtCountFmt  = "%d"
	txtBadTime   = "时间格式应为 2026-09-30 10:00"
	txtTimeLater = "时间晚于现在"

	// 工作台.
	txtToday           = "今天是 %s %s"
	txtStatNewMails    = "未处理邮件"
	txtStatDueToday    = "今日到期"
	txtStatOverdue     = "已逾期"
	txtStatDueSoon     = "两个工作日内到期"
	txtStatMonthRecv   = "本月收件"
	txtStatMonthDone   = "本月办结"
	txtStatOnTime      = "本月按期率"
	txtRatePct         = "%.0f%%"
	txtOverdueList     = "逾期案件"
	txtDueSoonList     = "今日及近期到期"
	txtNoOverdue       = "没有逾期案件"
	txtNoDueSoon       = "近两个工作日没有到期的案件"
	txtChartTitle      = "近12个月收件与办结"
	txtChartReceived   = "收件"
	txtChartDone       = "办结"
	txtDueOn           = "%s到期"
	txtOverdueDays     = "逾期%d个工作日"
	txtDueTodayShort   = "今日到期"
	txtDueInDays       = "还剩%d个工作日"
	txtDashboardFailed = "无法读取工作台数据:%v"

	// 收件箱.
	txtSync           = "收取邮件"
	txtSyncCancel     = "停止"
	txtSyncRunning    = "正在收取邮件…"
	txtSyncProgress   = "正在收取邮件 %d / %d"
	txtSyncDone       = "收取完成:新邮件 %d 封"
	txtSyncDoneDup    = "收取完成:新邮件 %d 封,重复 %d 封"
	txtSyncCancelled  = "已停止收取"
	txtSyncFailed     = "收取邮件失败"
	txtSyncNoAccount  = "尚未设置邮箱:请在“设置 → 邮箱”中填写账号和授权码。"
	txtSyncLast       = "上次收取:%s"
	txtImportEml      = "导入邮件文件"
	txtImportDone     = "已导入 %d 封,重复 %d 封"
	txtMailFilterNew  = "未处理"
	txtMailFilterCase = "已立案"
	txtMailFilterIgn  = "已忽略"
	txtMailCount      = "共 %d 封,未处理 %d 封"
	txtNoMail         = "没有邮件"
	txtPickMail       = "在左侧选择一封邮件"
	txtNoSubject      = "(无主题)"
	txtMailFrom       = "发件人"
	txtMailDate       = "时间"
	txtMailState      = "状态"
	txtMailShow       = "显示"
	txtMailStateNew   = "未处理"
	txtMailStateIgn   = "已忽略(非申请)"
	txtMailStateCase  = "已关联案件 %s"
	txtMailProblems   = "邮件格式问题"
	txtAttachments    = "附件"
	txtNoAttachments  = "没有附件"
	txtMailText       = "正文"
	txtMailEmptyText  = "(正文为空)"
	txtNewCase        = "立案"
	txtLinkCase       = "关联到已有案件"
	txtIgnore         = "忽略"
	txtUnignore       = "恢复为未处理"
	txtOpenCase       = "查看案件"
	txtLinkTitle      = "关联到已有案件"
	txtLinkSearch     = "输入案件编号、主办者、备案号或域名搜索"
	txtLinkPick       = "请选择一个案件"
	txtLinkDone       = "已将邮件关联到案件 %s"
	txtIgnoreTitle    = "忽略邮件"
	txtIgnoreAsk      = "这封邮件不是注销备案或找回密码申请,标记为已忽略?"
	txtOpenFailed     = "无法打开附件:%v"
	txtSavedTo        = "已保存到 %s"
	txtSize           = "%s(%s)"

	// 登记.
	txtRegHeading     = "登记新案件"
	txtRegFromMail    = "根据邮件立案:请核对自动识别的内容"
	txtFieldKind      = "申请类型"
	txtFieldChannel   = "来件渠道"
	txtFieldReceived  = "收件时间"
	txtFieldSponsorT  = "主办者类型"
	txtFieldApplicant = "申请人"
	txtFieldSponsor   = "主办者名称"
	txtFieldCertOrg   = "统一社会信用代码"
	txtFieldCertPer   = "身份证号码"
	txtFieldFilings   = "备案号"
	txtFieldDomains   = "域名"
	txtFieldContact   = "联系人"
	txtFieldPhone     = "联系电话"
	txtFieldProvider  = "接入商"
	txtFieldFaxProv   = "发送传真的接入商"
	txtFieldNote      = "备注"
	txtFieldFaxPages  = "传真页数"
	txtFieldFaxTime   = "传真时间"
	txtFieldTracking  = "快递单号"
	txtFieldSender    = "寄件人"
	txtFieldVisitor   = "来访人"
	txtFieldMail      = "关联邮件"
	txtFieldScans     = "扫描件"
	txtFieldMaterials = "应交材料"
	txtNoMaterials    = "此类申请没有材料清单"
	txtHintFilings    = "每行一个,如 晋ICP备12345678号-1"
	txtHintDomains    = "每行一个,如 example.com"
	txtHintPages      = "页数"
	txtHintTime       = "年-月-日 时:分"
	txtAddScans       = "添加扫描件…"
	txtRemove         = "移除"
	txtNoScans        = "未添加"
	txtRegSave        = "登记"
	txtRegClear       = "清空"
	txtRegNow         = "现在"
	txtRegDone        = "已登记 %s,办理期限 %s"
	txtRegDoneNoDue   = "已登记 %s"
	txtRegFixErrors   = "请先改正标红的内容"
	txtRegWarn        = "提示:%s"
	txtLineErr        = "第%d行:%s"
	txtPagesErr       = "页数应为正整数"
	txtScanFailed     = "扫描件 %s 未能保存:%v"
	txtMailNone       = "(无)"
	txtUnlinkMail     = "取消关联"

	// 案件.
	txtFilterStatus  = "状态"
	txtFilterKind    = "类型"
	txtFilterChannel = "渠道"
	txtFilterMonth   = "收件月份"
	txtFilterOpen    = "未办结"
	txtSearch        = "搜索编号、主办者、备案号、域名、电话(Ctrl+F)"
	txtCaseCount     = "共 %d 件"
	txtColNumber     = "编号"
	txtColKind       = "类型"
	txtColChannel    = "渠道"
	txtColStatus     = "状态"
	txtColSponsor    = "主办者"
	txtColReceived   = "收件日期"
	txtColDue        = "期限"
	txtOrder         = "排序"
	txtOrderNewest   = "最新收件在前"
	txtOrderDue      = "期限最近在前"
	txtBackToList    = "返回列表"
	txtPickCase      = "在左侧表格中选择一个案件"
	txtCaseFailed    = "无法读取案件:%v"

	// Case detail.
	txtDetCertNo      = "证件号码"
	txtEditCase       = "修改信息"
	txtDetReceived    = "收件时间"
	txtDetDue         = "办理期限"
	txtDetNoDue       = "无期限"
	txtDetClosed      = "办结时间"
	txtDetWarnings    = "提示"
	txtChecklist      = "材料核对"
	txtCheckReason    = "瑕疵原因"
	txtCheckSave      = "保存原因"
	txtCheckNeedNote  = "请写明瑕疵原因"
	txtActions        = "办理"
	txtActionAt       = "办理时间"
	txtActionNote     = "说明"
	txtActionNoteHint = "选填;不予受理时请写明原因"
	txtNoActions      = "案件已是最终状态,不能再变更"
	txtAcceptBlocked  = "材料齐全后才能受理"
	txtMoveTitle      = "变更状态"
	txtMoveAsk        = "将案件 %s 从“%s”变更为“%s”?"
	txtMoveDone       = "已变更为“%s”"
	txtNotice         = "退回补正通知"
	txtNoticeCopy     = "复制通知"
	txtNoticeCopied   = "已复制到剪贴板"
	txtNoticeNone     = "材料齐全,无需退回补正"
	txtHistory        = "办理记录"
	txtHistoryLine    = "%s  %s  %s"
	txtHistoryMove    = "%s → %s"
	txtHistoryRec     = "(%s 补录)"
	txtLinkedMails    = "关联邮件"
	txtCaseFiles      = "附件"
	txtAddFile        = "添加附件…"
	txtFileAdded      = "已添加 %s"
	txtShowInInbox    = "在收件箱中查看"
	txtRejectNeedNote = "不予受理时请在“说明”中写明原因"

	// 报表.
	txtReportMonth     = "月份"
	txtReportFile      = "备案受理月报-%s.xlsx"
	txtReportExport    = "导出 Excel…"
	txtReportExporting = "正在导出…"
	txtReportExported  = "已导出到 %s"
	txtReportNotReady  = "报表模块尚未安装"
	txtReportFigures   = "%s 统计"
	txtRepReceived     = "收件(登记)数"
	txtRepAccepted     = "受理数"
	txtRepReturned     = "退回补正(件)"
	txtRepNotices      = "一次性告知书(份)"
	txtRepDone         = "办结数(含不予受理)"
	txtRepRejected     = "其中:不予受理"
	txtRepWithdrawn    = "撤回"
	txtRepOnTime       = "按期办结"
	txtRepLate         = "逾期办结"
	txtRepRate         = "按期办结率"
	txtRepOpen         = "期末未结"
	txtRepOpenOverdue  = "其中已逾期"
	txtRepAvgDays      = "平均办理工作日"
	txtRepAvgFmt       = "%.1f"
	txtRepByKind       = "收件分类统计"
	txtRepTotal        = "合计"
	txtRepProviders    = "接入商"
	txtRepOverdueList  = "逾期案件"
	txtRepNoProvider   = "(未填写)"
	txtRepLateDays     = "逾期%d个工作日"
	txtReportFailed    = "无法计算报表:%v"

	// 设置.
	txtSetGeneral     = "常规"
	txtSetMailbox     = "邮箱"
	txtSetDeadlines   = "办理期限"
	txtSetCalendar    = "节假日"
	txtSetData        = "数据"
	txtClerk          = "经办人姓名"
	txtClerkHint      = "记录在办理记录中"
	txtVersion        = "版本"
	txtAbout          = "山西省通信管理局 网站备案受理窗口(822室)"
	txtHost           = "服务器"
	txtPort           = "端口"
	txtUser           = "邮箱账号"
	txtPassword       = "授权码"
	txtPasswordHint   = "网易邮箱“设置 → POP3/SMTP/IMAP”中生成的授权码,保存在系统密钥环中"
	txtPasswordSet    = "已保存(来自%s)"
	txtPasswordUnset  = "未保存"
	txtSecurity       = "加密方式"
	txtSecTLS         = "SSL/TLS(993)"
	txtSecStartTLS    = "STARTTLS(143)"
	txtSecNone        = "不加密(仅限本机测试)"
	txtFolder         = "文件夹"
	txtPoll           = "自动收取间隔(分钟)"
	txtPollHint       = "0 表示不自动收取"
	txtTestConn       = "测试连接"
	txtTesting        = "正在连接…"
	txtTestOK         = "连接成功"
	txtPortErr        = "端口应为 1–65535"
	txtPollErr        = "间隔应为 0–1440 的整数"
	txtDeadlineFor    = "%s(工作日)"
	txtDeadlineHint   = "修改只影响此后登记或补正的案件"
	txtDeadlineErr    = "应为 0–60 的整数"
	txtDataFolder     = "数据文件"
	txtOpenFolder     = "打开所在文件夹"
	txtChooseData     = "更换数据文件…"
	txtChooseDataHint = "选择已有的数据文件或新建一个;下次启动时生效。命令行的 --db 和环境变量 BEIANDESK_DB 优先。"
	txtChooseDataAsk  = "下次启动时改用数据文件\n%s\n当前数据文件保持不变。要带走现有数据,请先「立即备份」再把备份复制为该文件。继续吗?"
	txtChooseDataDone = "下次启动时将使用 %s"
	txtBackup         = "备份"
	txtBackupNow      = "立即备份…"
	txtBackupDone     = "已备份到 %s"
	txtBackupLast     = "上次备份:%s"
	txtBackupNever    = "尚未备份"
	txtRestore        = "从备份恢复…"
	txtRestoreTitle   = "从备份恢复"
	txtRestoreAsk     = "将用备份文件\n%s\n替换当前数据库。当前数据库会保留在原文件夹中(文件名以 .before-restore- 结尾)。\n恢复后程序将关闭,请重新打开。继续吗?"
	txtRestoreGo      = "恢复并关闭程序"
	txtRestoreFailed  = "程序将关闭,请重新打开备案受理台。"
	txtRestoreDone    = "已从备份恢复。程序将关闭,请重新打开备案受理台。"
	txtRestoreCheck   = "正在检查备份文件…"
	txtBackupName     = "备案受理台备份-%s.db"

	// Calendar.
	txtCalYear        = "年份"
	txtCalLegendOff   = "放假"
	txtCalLegendWork  = "调休上班"
	txtCalLegendEdit  = "手工修改"
	txtCalDayTitle    = "%s %s"
	txtCalIsWork      = "当前:工作日"
	txtCalIsOff       = "当前:休息日"
	txtCalSetWork     = "设为上班"
	txtCalSetOff      = "设为放假"
	txtCalClear       = "恢复默认"
	txtCalImport      = "导入国务院通知…"
	txtCalImportTitle = "导入节假日安排通知"
	txtCalImportHint  = "粘贴《国务院办公厅关于YYYY年部分节假日安排的通知》全文"
	txtCalImportYear  = "年份(可留空,从标题识别)"
	txtCalParse       = "识别"
	txtCalParsed      = "%d年:放假 %d 天,调休上班 %d 天"
	txtCalParsedOff   = "放假:"
	txtCalParsedWork  = "上班:"
	txtCalImportSave  = "保存到日历"
	txtCalImported    = "已导入 %d 年节假日安排"
	txtCalYearErr     = "年份应为四位数字"
	txtCalSpecial     = "%d年特殊日期:放假 %d 天,调休上班 %d 天"
)

// Button texts of the status moves, by target status.
var moveLabels = map[rules.Status]string{
	rules.StatusReceived:  "补正材料已收到",
	rules.StatusAccepted:  "受理",
	rules.StatusReturned:  "退回补正",
	rules.StatusDone:      "办结",
	rules.StatusRejected:  "不予受理",
	rules.StatusWithdrawn: "撤回",
}

// Weekday names, Sunday first as time.Weekday counts.
var txtWeekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// Column headers of the case table, in column order.
var txtCaseColumns = []string{txtColNumber, txtColKind, txtColChannel, txtColStatus, txtColSponsor, txtColReceived, txtColDue}

// fyneZH overrides Fyne's own strings (context menus and file dialogs): the
// app is Chinese whatever the system locale, and Fyne's zh translation has
// "不" for "No" and "好" for "OK".
const fyneZH = `{
	"Advanced": "高级", "Cancel": "取消", "Confirm": "确定", "Copy": "复制",
	"Create Folder": "新建文件夹", "Cut": "剪切", "Enter filename": "输入文件名",
	"Error": "错误", "Favourites": "收藏", "File": "文件", "Folder": "文件夹",
	"New Folder": "新文件夹", "No": "否", "OK": "确定", "Open": "打开", "Paste": "粘贴",
	"Quit": "退出", "Redo": "重做", "Save": "保存", "Select all": "全选",
	"Show Hidden Files": "显示隐藏文件", "Undo": "撤销", "Yes": "是",
	"file.name": {"other": "文件名"}, "file.parent": {"other": "上级文件夹"},
	"monday": "星期一", "monday.short": "周一", "tuesday": "星期二", "tuesday.short": "周二",
	"wednesday": "星期三", "wednesday.short": "周三", "thursday": "星期四", "thursday.short": "周四",
	"friday": "星期五", "friday.short": "周五", "saturday": "星期六", "saturday.short": "周六",
	"sunday": "星期日", "sunday.short": "周日"
}`

// Tray menu and desktop notifications.
const (
	txtTrayNewMails     = "新邮件 %d 封"
	txtTrayDueToday     = "今日到期 %d 件"
	txtTrayOverdue      = "已逾期 %d 件"
	txtTrayOpen         = "打开备案受理台"
	txtTraySync         = "立即收取邮件"
	txtTrayQuit         = "退出"
	txtNotifyStart      = "未处理邮件 %d 封,今日到期 %d 件,已逾期 %d 件"
	txtNotifyNewMail    = "收到 %d 封新邮件"
	txtNotifyDueToday   = "今日到期"
	txtNotifyDueCase    = "%s %s 今日到期"
	txtNotifyStillThere = "备案受理台仍在系统托盘中运行,到期提醒照常。要退出请在托盘菜单中选「退出」。"
)

// SQLite's words for damage, in Chinese.
var txtDamageKinds = map[string]string{
	"file is not a database":           "文件头已损坏,不是有效的数据库文件",
	"database disk image is malformed": "数据库文件内部结构已损坏",
	"disk I/O error":                   "读取磁盘出错",
}

// Start-up check of the database file.
const (
	txtDamagedTitle     = "数据库文件已损坏"
	txtDamagedIntro     = "启动检查发现数据库文件 %s 已损坏,继续使用可能丢失数据。\n检查结果:%s"
	txtDamagedBackups   = "可用的完好备份(最新在前):"
	txtDamagedBackup    = "%s  案件 %d 件,邮件 %d 封"
	txtDamagedNoBackup  = "没有找到完好的备份。请联系技术支持,不要删除损坏的文件。"
	txtDamagedRestore   = "恢复最新的完好备份"
	txtDamagedQuit      = "退出"
	txtDamagedKeptAside = "损坏的文件已另存为 %s,备份已恢复。"
	txtDamagedFailed    = "恢复失败:%v"
)

// The window's own save dialog (Fyne's would write the file itself).
const (
	txtPickFolder        = "选择文件夹…"
	txtPickFolderOK      = "选择"
	txtPickFolderLabel   = "保存到文件夹:"
	txtPickNameLabel     = "文件名:"
	txtPickBadName       = "文件名「%s」不可用:不能为空,不能含有 / \\ : * ? \" < > | 或控制字符"
	txtReplaceTitle      = "替换已有文件"
	txtReplaceAsk        = "文件\n%s\n已存在。新文件完整写好后再替换它;写入失败时原文件保持不变。要替换吗?"
	txtReplace           = "替换"
	txtChooseDataOpen    = "选择已有数据文件…"
	txtChooseDataNew     = "新建数据文件…"
	txtAttachNotViewable = "「%s」不是可直接打开的文档类型(只能打开 PDF、图片、Office 文档、文本和 ZIP)。它可能是程序或脚本,打开可能运行陌生人发来的代码。只能另存为,请确认来源可靠后再处理。"
	txtAttachSaveInstead = "另存为…"
)

// A desktop without a keyring.
const (
	txtPasswordSession = "本次运行"
	txtNoKeyringTested = "连接成功,设置已保存。但系统没有可用的密钥环(Secret Service),授权码无法记住:本次运行期间有效,下次启动后需重新输入。"
	txtNoKeyringSave   = "系统没有可用的密钥环(Secret Service),授权码无法记住,本次运行期间有效。设置尚未保存:请点「测试连接」,连接成功后才会保存。"
	txtTestFailedKept  = "%s\n设置未保存。"
)

// 修改信息: the fields the checklist and due date follow from.
const (
	txtEditBadTime = "时间格式应为 2026-09-30 10:00"
)
