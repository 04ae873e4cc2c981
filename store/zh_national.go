package store

import "fmt"

// Chinese messages of the request rules, the national-system record and
// added checklist items.
const (
	msgProviderFax      = "传真件必须填写发来传真的接入商(--provider)"
	msgProviderConflict = "备案冲突申请由接入商提出,必须填写接入商(--provider)"
	msgStageNotConflict = "只有备案冲突申请才有办理阶段"
	msgItemEmpty        = "增加的材料名称不能为空"
	msgItemDuplicate    = "材料清单中已有「%s」"
	msgItemClosed       = "案件状态为「%s」,不能再修改材料核对"
	msgEventAddItem     = "增加材料「%s」"
	msgEventNational    = "备案管理系统办理:%s %s %s"
	msgNationalDate     = "办理日期 %s 无效,应为 YYYY-MM-DD"
	msgNationalFuture   = "办理日期 %s 晚于今天"
	msgNationalBefore   = "办理日期 %s 早于收件日期 %s"
	msgNationalFilings  = "至少填写一个备案号(--filing)"
	msgNationalScope    = "备案号 %s 与注销范围「%s」不符:%s"
	msgNationalState    = "案件状态为「%s」,只有已受理的案件才能记录备案管理系统的办理情况"
	msgNationalKind     = "该类案件不在备案管理系统中注销或删除备案"
	scopeSubjectRule    = "注销主体应填写不带序号的主体备案号"
	scopeSiteRule       = "注销网站应填写带网站序号的备案号(如-1)"
	scopeAppRule        = "注销APP应填写带A或X后缀的备案号(如-1A、-3X)"
)

func fmtNationalEvent(day, scope, filings string) string {
	return fmt.Sprintf(msgEventNational, day, scope, filings)
}

func fmtAddItemEvent(item string) string { return fmt.Sprintf(msgEventAddItem, item) }
