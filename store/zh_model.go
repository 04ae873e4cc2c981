package store

// Chinese messages of the domain types, kept together for review.
const (
	msgNotFound         = "记录不存在"
	msgSliceDamaged     = "附件内容与收件时记录的校验值不符，邮件原文可能已损坏"
	msgSliceOutside     = "附件在邮件原文中的位置超出了原文"
	msgReceivedRequired = "必须填写收件时间"
	msgCertMismatchOrg  = "单位主办者应填写统一社会信用代码,而不是身份证号码"
	msgCertMismatchPer  = "个人主办者应填写身份证号码,而不是统一社会信用代码"
	msgLeaseHeld        = "另一窗口正在收取邮件(%s)"
	msgFieldSponsor     = "主办者"
	msgFieldCertNo      = "证件号码"
	msgFieldProvider    = "接入商"
	msgFieldContact     = "联系人"
	msgFieldPhone       = "联系电话"
	msgFieldNote        = "备注"
	msgFieldFilings     = "备案号"
	msgFieldDomains     = "域名"
	msgFieldDetails     = "来件信息"
)

// Chinese messages of concurrent changes.
const (
	msgConflict = "该案件已被 %s 于 %s 修改,请刷新后再试"
	msgSomeone  = "他人"
)

// Chinese messages of moving a case and checking its materials
// (CheckMove, CheckItem).
const (
	msgAtBeforeReceived = "办理时间 %s 早于收件时间 %s"
	msgAtBeforeLast     = "办理时间 %s 早于上一次状态变更时间 %s"
	msgItemRange        = "材料序号应为 1 到 %d"
	msgNoMaterials      = "该类案件没有材料清单"
	msgDefectNeedsNote  = "标记为有瑕疵时必须写明原因(--note)"
)

// Chinese messages of the calendar and the deadline settings.
const (
	msgHolidayEmpty = "未识别到任何日期"
	msgDeadlineDays = "办理期限应为 0 到 60 个工作日"
)
