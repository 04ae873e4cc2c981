package report

// Chinese text of the workbook, kept together for review.

const (
	orgName       = "山西省通信管理局"
	titleMonth    = orgName + " 备案注销/找回密码受理情况月报 %d年%d月"
	titleRange    = orgName + " 备案注销/找回密码受理情况报表 %s至%s"
	dateZh        = "2006年1月2日"
	periodLine    = "统计期间：%s至%s　　逾期计算截至：%s　　制表日期：%s"
	pageHeaderFmt = "&L&\"-,Bold\"%s&R%s"
	pageFooter    = "&C第 &P 页，共 &N 页"

	sheetSummary  = "汇总"
	sheetDetail   = "明细"
	sheetOverdue  = "逾期"
	sheetProvider = "接入商"

	sectionReceived = "一、受理情况（按类型、渠道）"
	sectionFigures  = "二、办理情况"
	sectionBuckets  = "三、受理与办结趋势"
	headKind        = "类型"
	headTotal       = "合计"
	headFigure      = "指标"
	headValue       = "数值"
	headNote        = "说明"
	headBucket      = "期间"
	headReceived    = "受理"
	headDone        = "办结"
	chartTitle      = "受理与办结（件）"
	noValue         = "—"

	weekRange  = "%d月%d日–%d日"
	weekRange2 = "%d月%d日–%d月%d日"
	monthLabel = "%d年%d月"

	providerNone = "（未填写）"
	yes          = "是"
	no           = "否"
	listJoin     = "、"

	errFromAfterTo = "统计期间的开始日期 %s 晚于结束日期 %s"
)

// Key figures of the summary sheet: label and the note a clerk reads
// beside it.
const (
	figReceived      = "本期受理"
	figDone          = "办结"
	figRejected      = "不予受理"
	figWithdrawn     = "撤回"
	figOnTime        = "按时办结"
	figLate          = "逾期办结"
	figRate          = "按时率"
	figOpen          = "期末未结"
	figOpenOverdue   = "其中已逾期"
	figAvgDays       = "平均办理工作日"
	noteReceived     = "收件日期在统计期间内的案件"
	noteDone         = "本期办结的案件，含不予受理"
	noteRejected     = "本期办结中不予受理的案件"
	noteWithdrawn    = "本期撤回的案件，不计入按时、逾期"
	noteOnTime       = "在办理期限内办结（退回补正后自补正之日起重新计时）"
	noteLate         = "超过办理期限办结"
	noteRate         = "按时办结 ÷（按时办结 + 逾期办结）；无办理期限的案件不计入"
	noteOpen         = "统计期末尚未办结的案件，含以前各期结转"
	noteOpenOverdue  = "期末未结中已超过办理期限的案件（退回补正等待中的不计）"
	noteAvgDays      = "有办理期限的办结案件，自收件至办结的工作日，扣除退回补正等待时间"
	noteRateEmpty    = "本期无有办理期限的办结案件"
	noteAvgDaysEmpty = noteRateEmpty
)

// Column headers of the list sheets.
var (
	detailHeaders = []string{"案件编号", "类型", "渠道", "状态", "收件时间", "收件日期", "办理期限", "办结日期",
		"用时(工作日)", "逾期(工作日)", "结果", "主办者类型", "主办者", "证件号码", "备案号", "域名", "接入商",
		"联系人", "电话", "材料齐全", "关联邮件数", "备注", "告知"}
	overdueHeaders = []string{"案件编号", "主办者", "类型", "接入商", "收件日期", "办理期限", "办结日期",
		"逾期工作日", "期末状态", "当前状态"}
	providerHeaders = []string{"接入商", "受理数", "办结数", "按时数", "逾期数", "未结数"}
)

// Outcome labels of the 结果 column.
var outcomeLabels = map[Outcome]string{
	OutcomeOpen:        "未结",
	OutcomeOpenOverdue: "逾期未结",
	OutcomeOnTime:      "按时",
	OutcomeLate:        "逾期",
	OutcomeNoDeadline:  "办结",
	OutcomeRejected:    "不予受理",
	OutcomeWithdrawn:   "撤回",
}

// notifiedLabel starts the 告知 column of a case whose applicant was sent a
// notice by mail.
const notifiedLabel = "已告知"
