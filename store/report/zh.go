package report

// Chinese text of the workbook, kept together for review.

const (
	orgName        = "山西省通信管理局"
	titleMonth     = orgName + " 备案注销/找回密码受理情况月报 %d年%d月"
	titleRange     = orgName + " 备案注销/找回密码受理情况报表 %s至%s"
	dateZh         = "2006年1月2日"
	periodLine     = "统计期间：%s至%s　　逾期计算截至：%s　　制表日期：%s"
	periodLineYear = "本年累计自%s起"
	pageHeaderFmt  = "&L&\"-,Bold\"%s&R%s"
	pageFooter     = "&C第 &P 页，共 &N 页"

	sheetSummary  = "汇总"
	sheetDetail   = "明细"
	sheetOverdue  = "逾期"
	sheetProvider = "接入商"

	sectionReceived  = "一、收件情况（按类型、渠道）"
	sectionFigures   = "二、办理情况"
	sectionBreakdown = "三、分类统计（本期）"
	sectionBuckets   = "四、收件与办结趋势"
	headYear         = "本年累计"
	headCity         = "地市"
	headSponsor      = "主办者类型·申请人"
	headChannel      = "来件渠道"
	headCancelled    = "备案管理系统注销（本期）"
	headSubjects     = "主体（个）"
	headSites        = "网站（个）"
	headApps         = "APP（个）"
	headFilings      = "备案号（个）"
	signPreparer     = "制表人：%s"
	signReviewer     = "审核人：%s"
	signDate         = "制表日期：%s"
	signBlank        = "　　　　　　"
	headKind         = "类型"
	headTotal        = "合计"
	headFigure       = "指标"
	headValue        = "本期"
	headNote         = "说明"
	headBucket       = "期间"
	headReceived     = "收件"
	headDone         = "办结"
	chartTitle       = "收件与办结（件）"
	noValue          = "—"

	weekRange  = "%d月%d日–%d日"
	dayLabel   = "%d月%d日"
	weekRange2 = "%d月%d日–%d月%d日"
	monthLabel = "%d年%d月"

	providerNone    = "（未填写）"
	yes             = "是"
	no              = "否"
	listJoin        = "、"
	labelSep        = "·"
	personApplicant = "本人"
	dueUnverified   = "未核实"
	clerkSep        = ":"

	errFromAfterTo = "统计期间的开始日期 %s 晚于结束日期 %s"
)

// Key figures of the summary sheet: label and the note a clerk reads
// beside it.
const (
	figReceived      = "收件（登记）数"
	figAccepted      = "受理数"
	figReturned      = "退回补正（件）"
	figNotices       = "一次性告知书（份）"
	figDone          = "办结数"
	figCompleted     = "其中：已办结"
	figRejected      = "其中：不予受理"
	figWithdrawn     = "撤回"
	figOnTime        = "按期办结"
	figLate          = "逾期办结"
	figRate          = "按期办结率"
	figOpen          = "期末未结"
	figOpenOverdue   = "其中已逾期"
	figAvgDays       = "平均办理工作日"
	noteReceived     = "收件日期在统计期间内的全部案件（含未受理的）"
	noteAccepted     = "统计期间内材料齐全、转为“已受理”的案件"
	noteReturned     = "统计期间内退回补正（一次性告知）的案件"
	noteNotices      = "统计期间内发出的退回补正一次性告知书，同一案件多次退回分别计数"
	noteDone         = "统计期间内办结的案件：已办结 + 不予受理"
	noteCompleted    = "在备案管理系统中办理完毕的案件"
	noteRejected     = "不予受理的案件（须写明原因），计入办结"
	noteWithdrawn    = "申请人撤回的案件，不计入办结和按期、逾期"
	noteOnTime       = "在办理期限内办结（退回补正后自补正之日起重新计时）"
	noteLate         = "超过办理期限办结"
	noteRate         = "按期办结 ÷（按期办结 + 逾期办结）；无办理期限的案件不计入"
	noteOpen         = "统计期末尚未办结的案件，含以前各期结转"
	noteOpenOverdue  = "期末未结中已超过办理期限的案件（退回补正等待中的不计）"
	noteAvgDays      = "有办理期限的办结案件，自收件至办结的工作日，扣除退回补正等待时间"
	noteRateEmpty    = "无有办理期限的办结案件"
	noteAvgDaysEmpty = noteRateEmpty
)

// Column headers of the list sheets.
var (
	detailHeaders = []string{"案件编号", "类型", "渠道", "状态", "收件时间", "收件日期", "办理期限", "办结日期",
		"用时(工作日)", "逾期(工作日)", "结果", "主办者类型", "主办者", "证件号码", "备案号", "域名", "接入商",
		"联系人", "电话", "材料齐全", "关联邮件数", "备注",
		"受理日期", "经办人", "不予受理/撤回原因", "退回补正次数", "首次退回日期", "末次退回日期",
		"备案管理系统办理", "地市", "申请人", "期限核实", "告知"}
	overdueHeaders = []string{"案件编号", "主办者", "类型", "接入商", "收件日期", "办理期限", "办结日期",
		"逾期工作日", "期末状态", "当前状态"}
	providerHeaders = []string{"接入商", "收件数", "办结数", "按期数", "逾期数", "未结数"}
)

// Outcome labels of the 结果 column.
var outcomeLabels = map[Outcome]string{
	OutcomeOpen:        "未结",
	OutcomeOpenOverdue: "逾期未结",
	OutcomeOnTime:      "按期",
	OutcomeLate:        "逾期",
	OutcomeNoDeadline:  "办结",
	OutcomeRejected:    "不予受理",
	OutcomeWithdrawn:   "撤回",
}

// notifiedLabel starts the 告知 column of a case whose applicant was sent a
// notice by mail.
const notifiedLabel = "已告知"
