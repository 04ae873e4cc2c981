package rules

// User-facing Chinese text of this package.

var kindLabels = map[Kind]string{
	KindDeregister: "注销备案",
	KindPassword:   "找回密码",
	KindConflict:   "备案冲突",
	KindOther:      "其他",
}

var sponsorTypeLabels = map[SponsorType]string{
	SponsorOrg:    "单位",
	SponsorPerson: "个人",
}

var applicantLabels = map[Applicant]string{
	ApplicantLegal: "法人本人",
	ApplicantAgent: "委托代理人",
}

var statusLabels = map[Status]string{
	StatusReceived:  "已登记",
	StatusReturned:  "退回补正",
	StatusAccepted:  "已受理",
	StatusDone:      "已办结",
	StatusRejected:  "不予受理",
	StatusWithdrawn: "已撤回",
}

var itemStateLabels = map[ItemState]string{
	ItemPresent:   "齐全",
	ItemMissing:   "缺失",
	ItemDefective: "有瑕疵",
}

var channelLabels = map[Channel]string{
	ChannelEmail:   "电子邮件",
	ChannelFax:     "传真",
	ChannelPost:    "邮寄",
	ChannelCounter: "现场",
	ChannelOnline:  "网上",
}

// Required materials, as in the FAQ and the design table.
var (
	materialsDeregisterOrgLegal = []string{
		"申请表(企业版)",
		"营业执照副本复印件(加盖公章)",
		"法人身份证复印件(加盖公章)",
	}
	materialsDeregisterOrgAgent = []string{
		"申请表(企业版)",
		"营业执照副本复印件(加盖公章)",
		"法人亲笔签字并加盖公章的授权委托书",
		"被授权人身份证复印件(加盖公章)",
	}
	materialsDeregisterPerson = []string{
		"申请表(个人版)",
		"个人身份证原件复印件",
	}
	// FAQ §二: 申请表、营业执照副本复印件和法人有效身份证原件复印件等,均需要加盖公章.
	materialsPasswordOrg = []string{
		"找回密码申请表(加盖公章)",
		"营业执照副本复印件(加盖公章)",
		"法人有效身份证原件复印件(加盖公章)",
	}
	// FAQ §四: the access provider applies (接入商审核受理后,向省通信管理局
	// 提出备案信息冲突解决相关申请). The FAQ names the 删除备案信息 materials
	// of the review stage without listing them.
	materialsConflict       = []string{"接入商的备案信息冲突解决申请"}
	materialsConflictReview = []string{
		"接入商的备案信息冲突解决申请",
		"删除备案信息申请材料(经接入商核实)",
	}
	materialsPasswordPerson = []string{
		"找回密码申请表",
		"个人身份证原件复印件",
	}
)

// Field names and errors.
const (
	fieldKind        = "申请类型"
	fieldSponsorType = "主办者类型"
	fieldApplicant   = "申请人"
	fieldChannel     = "来件渠道"
	fieldStatus      = "案件状态"
	fieldItemState   = "材料核查结果"

	errUnknownValue = "%s“%s”无效,可选:%s"
	allowedFormat   = "%s(%s)"
	listSep         = "、"

	errFinal      = "案件已是最终状态(%s),不能再变更"
	errMove       = "不能从“%s”变更为“%s”(可变更为:%s)"
	errIncomplete = "材料不齐全,不能受理:%s"

	errReasonRequired   = "不予受理必须写明原因(--note)"
	errNationalRequired = "办结前须先记录在备案管理系统中的办理情况(日期,注销的主体/网站/APP及备案号)"
	errPersonAgent      = "个人主办者须本人申请,不能由委托代理人办理(FAQ未规定个人委托的办理途径)"
	fieldStage          = "办理阶段"
	fieldScope          = "注销范围"
)

var errorProblems = problemWords{missing: "缺少:%s", note: "(%s)", defective: "%s:%s", noReason: "不符合要求"}
