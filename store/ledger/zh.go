package ledger

// User-facing Chinese text of this package.
const (
	errReadFile      = "无法读取台账文件 %s:%w"
	errLegacyXLS     = "%s 是旧版 Excel 97-2003 文件(.xls),本程序不能直接读取。请用 Excel 或 WPS 打开它,选择「另存为」→「Excel 工作簿(*.xlsx)」,再导入保存的 .xlsx 文件"
	errEmptyFile     = "台账文件 %s 是空的"
	errNotWorkbook   = "%s 不是有效的 Excel 工作簿(.xlsx),文件可能已损坏或扩展名有误"
	errSheetCSV      = "CSV 文件没有工作表,不能指定 --sheet %s"
	errBadWorkbook   = "无法读取 Excel 工作簿:%v"
	errNoSheet       = "工作簿中没有名为「%s」的工作表(现有:%s)"
	errNoHeader      = "未找到表头行"
	errNoHeaderAny   = "在工作表(%s)的前 15 行中都没有找到表头(应含有收件日期、主办单位、备案号等列名)。可用 --sheet 指定工作表"
	errNoHeaderCSV   = "CSV 文件的前 15 行中没有找到表头(应含有收件日期、主办单位、备案号等列名)"
	errCSVEncoding   = "无法识别 CSV 文件的编码(应为 UTF-8 或 GB18030/GBK):%v"
	errCSVShape      = "CSV 文件格式错误:%v"
	errUnknownField  = "未知字段「%s」,可用:%s"
	errMapShape      = "--map 的写法应为「列名=字段」,而不是「%s」"
	errMapColumn     = "表头中没有「%s」列(现有:%s)"
	errFieldUnmapped = "没有找到「%s」列;请用 --map 列名=%s 指定"
	errDateEmpty     = "日期为空"
	errDateSerial    = "「%s」不是有效的 Excel 日期"
	errDateNoYear    = "日期「%s」没有年份,工作表名和标题中也没有年份;请写成「2026年3月5日」或在工作表名中写明年份"
	errDateShape     = "无法识别日期「%s」(可写作 2026年3月5日、2026.3.5、2026/03/05、2026-03-05 或 3月5日)"
	errDateInvalid   = "日期「%s」不存在"
	errStatusWord    = "无法识别办理结果「%s」(可写:已办结、不予受理、退回补正、撤回、在办、待办)"
	errChannelEmpty  = "来件方式为空"
	errChannelWord   = "无法识别来件方式「%s」(可写:邮件、传真、邮寄、现场、网上)"
	errKindWord      = "无法识别业务类型「%s」(可写:注销备案、找回密码、其他)"
	errSponsorEmpty  = "主办单位为空"
	errWriteInvalid  = "无法保存有误的行到 %s:%v"

	txtInvalidRow    = "原行号"
	txtInvalidColumn = "出错列"
	txtInvalidReason = "错误原因"
)

var fieldLabels = map[Field]string{
	FieldLegacyNo:    "原编号",
	FieldReceived:    "收件日期",
	FieldChannel:     "来件方式",
	FieldSponsor:     "主办单位",
	FieldCertNo:      "证件号码",
	FieldFiling:      "备案号",
	FieldDomain:      "域名",
	FieldProvider:    "接入商",
	FieldContact:     "联系人",
	FieldPhone:       "联系电话",
	FieldStatus:      "办理结果",
	FieldClosed:      "办结日期",
	FieldClerk:       "经办人",
	FieldNote:        "备注",
	FieldKind:        "业务类型",
	FieldSponsorType: "主办者类型",
	Ignore:           "不导入",
}
