package bookcopy

// Chinese messages of copying a book.
const (
	msgSettings       = "设置"
	msgCases          = "案件"
	msgMaterials      = "材料"
	msgEvents         = "历史记录"
	msgHolidayYears   = "节假日年表"
	msgHolidayDays    = "节假日修改"
	msgBlobs          = "文件"
	msgMails          = "邮件"
	msgAttachments    = "邮件附件"
	msgCaseFiles      = "案件附件"
	msgCheckpoints    = "收件位置"
	msgSummary        = "已复制:%s;文件内容共 %.1f MB,%d 个文件的 SHA-256 已逐一核对"
	msgCopyTable      = "复制表 %s 时出错:%w"
	msgSourceBad      = "源数据有误,未复制任何内容:%w"
	msgTargetBad      = "复制后核对目标失败:%w"
	msgCountDiffers   = "表 %s 应有 %d 行,目标中有 %d 行"
	msgBlobUnfinished = "文件 %d 没有写完(缺少 SHA-256)"
	msgBlobGap        = "文件 %s 缺少第 %d 块"
	msgBlobOrphan     = "数据块属于不存在的文件 %d"
	msgBlobDiffers    = "文件 %s 的内容与其 SHA-256 不符(实为 %s,%d 字节)"
	msgBlobMissing    = "文件 %s 没有内容"
	msgNotEmpty       = "目标数据库不是空的,为防止覆盖,拒绝复制;请使用新的空数据库或新文件"
)
