package desk

// Chinese text of 设置 → 导入台账.
const (
	txtSetLedger       = "导入台账"
	txtLedgerTitle     = "导入旧台账"
	txtLedgerHint      = "把以前用 Excel/WPS 记的台账(.xlsx 或 .csv)导入为历史案件。列名自动识别,可在下面逐列更改;有误的行不导入,可另存后修改再导入。同一文件再次导入不会重复。旧版 .xls 请先在 Excel/WPS 中另存为 .xlsx。"
	txtLedgerNoFile    = "尚未选择文件"
	txtLedgerPick      = "选择台账文件…"
	txtLedgerReading   = "正在读取 %s…"
	txtLedgerFile      = "%s(表头在第 %d 行,共 %d 行数据)"
	txtLedgerMapping   = "列对应"
	txtLedgerPreview   = "前 20 行预览"
	txtLedgerRowNo     = "行号"
	txtLedgerCounts    = "可导入 %d 行,有误 %d 行(重复的行在导入时跳过)"
	txtLedgerImport    = "导入"
	txtLedgerImporting = "正在导入…"
	txtLedgerCancelled = "已取消,未导入任何案件"
	txtLedgerDone      = "导入完成:新增 %d 件,重复 %d 件,有误 %d 行"
	txtLedgerSaveBad   = "保存有误的行…"
	txtLedgerBadSuffix = "-有误的行"
	txtLedgerSaved     = "已将 %d 行保存到 %s"
)
