package desk

// Chinese text of the national-system record in the case detail.
const (
	txtNational            = "备案管理系统办理情况"
	txtNationalNone        = "尚未记录(注销、冲突案件办结前必须记录)"
	txtNationalLine        = "%s  注销%s  %s  经办人:%s"
	txtNationalDate        = "办理日期"
	txtNationalScope       = "注销范围"
	txtNationalFilings     = "备案号"
	txtNationalFilingsHint = "多个备案号用空格分开"
	txtNationalRecord      = "记录办理情况"
	txtDueUnverified       = "(未核实)"
	txtAddItem             = "增加材料"
	txtAddItemHint         = "清单外还需要的材料(FAQ所列之外的“等”)"
	txtAfterHours          = "下班后(17:30以后)或休息日收到的传真、邮件,按下一个工作日收件计算"
	txtAfterHoursHint      = "默认不启用:收件日为收到当天(北京时间)。只影响此后登记的案件。"
)
