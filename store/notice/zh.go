package notice

// User-facing Chinese text of this package. Every sentence that states a
// rule (materials, ways to submit, periods) follows the bureau's FAQ
// (seed/000_*.txt); where the FAQ is silent the notice says nothing.

// Defaults of 单位信息, as published in the FAQ.
const (
	defaultName    = "山西省通信管理局"
	defaultAddress = "山西省太原市小店区南内环街2号山西省通信管理局822室"
	defaultPhones  = "0351-8788032、0351-8788232"
	defaultFax     = "0351-8788875"
	defaultMailbox = "beianzhuxiao@163.com"
	defaultHours   = "周一至周五 上午8:30-12:00，下午14:30-17:30"
)

var kindTitles = map[Kind]string{
	KindReceipt: "收件回执",
	KindAccept:  "受理通知书",
	KindReturn:  "退回补正通知书",
	KindReject:  "不予受理通知书",
	KindDone:    "办结告知书",
}

const (
	dateLayout     = "2006年1月2日"
	dateTimeLayout = "2006年1月2日15时04分"

	labelReceiptNo = "收件编号"
	labelAcceptNo  = "受理编号"
	numberLine     = "%s：%s"
	noAddressee    = "申请人"
	salutation     = "%s："
	clerkLine      = "经办人：%s"
	sealLabel      = "（盖章处）"

	// receipt
	receiptOpening   = "我局于%s收到您提交的%s申请材料%s，%s为%s。"
	receiptVia       = "（来件方式：%s）"
	receiptPages     = "，共%s页"
	receiptItems     = "收到的材料如下："
	receiptUnchecked = "材料正在核查中。"
	receiptPeriod    = "我局将在收到齐全材料后%d个工作日内进行处理，本件办理期限至%s。"
	receiptNotAccept = "本回执仅证明我局已收到上述材料，不表示已受理。"

	// accept
	acceptOpening = "您于%s提交的%s申请（%s %s），经审查，材料齐全，我局决定予以受理。"
	acceptPeriod  = "我局将在%d个工作日内进行处理，办理期限至%s。"
	acceptFilings = "申请注销的备案如下："

	// return
	returnOpening  = "您于%s提交的%s申请（%s %s）%s，现予退回，请一次性补正以下材料："
	phraseMissing  = "材料不齐全"
	phraseDefect   = "材料不符合要求"
	phraseBoth     = "材料不齐全且部分材料不符合要求"
	itemMissing    = "缺少：%s"
	itemMissNote   = "缺少：%s（%s）"
	itemDefective  = "%s：%s"
	itemNoReason   = "不符合要求"
	returnFormRule = "申请表用于存档，请使用A4打印纸，纸张不符或未准确清晰完整填写者，视为无效申请。主办者为单位的，所附复印件均需加盖公章。"
	returnHowTo    = "请备齐全部材料后，通过以下任一方式重新提交："
	returnHowToPw  = "请备齐全部材料后，到我局办理。"
	wayProvider    = "联系接入商，由接入商核实材料后传真至我局（传真号码：%s）；"
	wayMail        = "发送电子邮件至 %s；"
	wayPost        = "邮寄至 %s；"
	wayCounter     = "工作日（%s）到 %s 现场提交。"
	returnRestart  = "我局自收到齐全材料之日起%d个工作日内进行处理。"

	// reject
	rejectOpening = "您于%s提交的%s申请（%s %s），经审查，我局决定不予受理，理由如下："

	// done
	doneOpening      = "您于%s提交的%s申请（%s %s），我局已于%s办理完毕。"
	doneDeregistered = "已注销的备案如下："
	doneFiling       = "备案号：%s"
	doneDomain       = "域名：%s"

	// contact block
	contactHeading = "联系方式"
	contactAddress = "办理地点：%s"
	contactHours   = "办理时间：%s"
	contactPhones  = "联系电话：%s"
	contactFax     = "传真：%s"
	contactMailbox = "电子邮箱：%s"
)

// Errors.
const (
	errUnknownKind = "告知书类型“%s”无效，可选：receipt（收件回执）、accept（受理通知书）、return（退回补正通知书）、reject（不予受理通知书）、done（办结告知书）"
	errWithdrawn   = "案件 %s 已撤回，不能出具%s"
	errNotAccepted = "案件 %s 当前为“%s”，尚未受理，不能出具受理通知书"
	errNoReturn    = "案件 %s 当前为“%s”，材料无缺失或瑕疵，不能出具退回补正通知书"
	errNotRejected = "案件 %s 当前为“%s”，未作不予受理决定，不能出具不予受理通知书"
	errNoReason    = "案件 %s 未记录不予受理的理由，请先在案件历史中补记理由再出具不予受理通知书"
	errNotDone     = "案件 %s 当前为“%s”，尚未办结，不能出具办结告知书"
	errFontMissing = "无法载入告知书字体（%v）"
	errFontGlyph   = "字体中没有字符“%c”（U+%04X），无法生成PDF"
	errPDF         = "生成PDF失败：%v"
	errBureauField = "单位信息“%s”不能为空"
)

var bureauFieldNames = map[string]string{
	SettingName: "单位名称", SettingAddress: "办理地点", SettingPhones: "联系电话",
	SettingFax: "传真", SettingMailbox: "电子邮箱", SettingHours: "办理时间",
}
