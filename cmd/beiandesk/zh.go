package main

// Chinese text of the command line, kept together for review.
const (
	msgUnknownCommand = "未知命令「%s」,运行 beiandesk help 查看用法"
	msgCaseUsage      = "用法: beiandesk case new|status|check|edit|record|show …"
	msgHolidaysUsage  = "用法: beiandesk holidays import|list …"
	msgBadTime        = "无法识别的时间「%s」,应为 RFC 3339 格式,如 2026-09-30T10:00:00+08:00"
	msgBadID          = "案件编号「%s」无效,应为正整数"
	msgBadMonth       = "无法识别的月份「%s」,应为 YYYY-MM"
	msgNeedOneID      = "需要且只需要一个案件编号"
	msgNoArgs         = "多余的参数「%s」"
	msgRequired       = "--%s: 必须填写"
	msgBadDays        = "--days: 应为 0 到 365 之间的整数"
	msgBadYear        = "--year: 年份「%s」无效"
	msgYearMismatch   = "--year %d 与通知中的年份 %d 不符"
	msgFilingWarn     = "提示"
	msgImported       = "已导入 %d 年节假日安排:放假 %d 天,调休上班 %d 天\n"
	msgBackupDone     = "已备份到 %s\n"
	msgNeedFiles      = "请指定要导入的 .eml 文件"
	msgOSNotExist     = "(文件或文件夹不存在)"
	msgOSPermission   = "(没有访问权限)"
	msgNoticeRead     = "无法读取 %s:%w"
	msgNoticeTooBig   = "%s 超过 1 MiB,不是节假日安排通知"
	msgNoticeNotText  = "%s 不是 UTF-8 文本,请把通知正文另存为 UTF-8 文本后再导入"
	msgBadItem        = "材料序号「%s」无效,应为正整数"
	msgWarning        = "警告"
	msgAddAlone       = "--add 增加材料时不能同时使用 --item/--state"
)

const msgHelp = `备案受理台 beiandesk — 用法
  beiandesk                         打开窗口
  beiandesk import FILE.eml...      导入邮件
  beiandesk sync [--host H] [--port P] [--user U] [--mailbox INBOX] [--security tls|starttls|none]
                 [--timeout 60s] [--deadline 10m] [--wait 0s] [--save]   授权码取自环境变量 BEIANDESK_IMAP_PASSWORD 或系统钥匙串
  beiandesk mails --json [--state new|case|ignored] [--limit N]
  beiandesk case new --kind K --channel C --received RFC3339 [...] --json
  beiandesk case status ID --to STATE [--at RFC3339] [--note TEXT] --json
  beiandesk case check ID --item N --state present|missing|defective [--note TEXT] --json
  beiandesk case check ID --add 材料名称 --json      在材料清单中增加一项(记入历史)
  beiandesk case record ID --date YYYY-MM-DD --scope subject|site|app --filing F... --json
                                    记录在备案管理系统中的注销情况(注销/冲突案件办结前必须记录)
  beiandesk case edit ID [--sponsor S] [--cert-no C] [--provider P] [--contact N] [--phone T] [--filing F]... [--domain D]... [--note T]
                 [--received RFC3339] [--kind K] [--channel C] [--sponsor-type org|person] --json
  beiandesk cases --json [--month YYYY-MM] [--status S|open] [--kind K] [--channel C] [--q 文字]
  beiandesk workdays --from YYYY-MM-DD[THH:MM] --days N
  beiandesk holidays import [--year YYYY] FILE
  beiandesk holidays list --year YYYY --json
  beiandesk export --month YYYY-MM --out FILE.xlsx   (或 --from YYYY-MM-DD --to YYYY-MM-DD)
  beiandesk notice ID --kind receipt|accept|return|reject|done --out FILE.pdf   (或 --text 输出文本)
  beiandesk reply ID --kind K [--to ADDR] [--smtp-host H --smtp-port P --smtp-security tls|starttls|none] [--dry-run --out FILE.eml] --json
  beiandesk outbox [--retry ID [--confirm]] --json   发件记录;先核对上次未完成的发送
  beiandesk backup --out FILE
  beiandesk ledger import FILE.xlsx|FILE.csv [--sheet S] [--map 列名=字段,…] [--dry-run] --json   导入旧台账
  beiandesk restore --from FILE [--yes]  用备份恢复数据库(先关闭窗口;原数据库另存,不删除)
全局参数: --db PATH(或环境变量 BEIANDESK_DB) --clerk NAME --version
`
