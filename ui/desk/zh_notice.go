package desk

// Chinese text of the notices (告知书) on the case detail.
const (
	txtNotices        = "告知书"
	txtNoticeKind     = "告知书类型"
	txtNoticePreview  = "预览"
	txtNoticePrint    = "打印"
	txtNoticeSend     = "发送"
	txtNoticeFailed   = "无法生成告知书:%s"
	txtNoticeOpenFail = "无法打开PDF:%v"
	txtNoticeFile     = "%s-%s.pdf"
)
