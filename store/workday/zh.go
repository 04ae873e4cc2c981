package workday

import "time"

// User-facing Chinese text of this package.
const (
	errBadDate      = "日期格式错误:%q(应为YYYY-MM-DD)"
	errFarDay       = "日期%s不属于%d年的节假日安排"
	errOffAndWork   = "日期%s既是放假日又是上班日"
	errYearMismatch = "年份不符:指定%d年,通知标题为%d年"
	errNoYear       = "无法确定通知年份:请指定年份,或提供含“关于YYYY年部分节假日安排”的通知标题"
	errBadYear      = "年份无效:%d"
	errAtLine       = "第%d行:%w"
	errNoDays       = "通知中未找到放假或上班日期"
	errCount        = "放假天数不符:写明共%d天,日期范围为%d天"
	errRangeOrder   = "日期范围错误:起始日%s晚于结束日%s"
	errRangeLong    = "日期范围过长:%s至%s"
	errNoSuchDay    = "日期无效:%d年%d月%d日"
	errWeekday      = "星期不符:%s是%s,通知写的是%s"

	warnNoTable      = "%d年节假日安排尚未导入,该年按普通周末计算,期限未核实"
	warnUnverified   = "%d年节假日安排取自万年历(lunar-go),尚未以国务院通知核实,期限未核实"
	bannerNoTable    = "%d年节假日安排尚未导入"
	bannerUnverified = "%d年节假日安排尚未以国务院通知核实"
)

var weekdayNames = [...]string{
	time.Sunday: "周日", time.Monday: "周一", time.Tuesday: "周二", time.Wednesday: "周三",
	time.Thursday: "周四", time.Friday: "周五", time.Saturday: "周六",
}
