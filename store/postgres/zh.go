package postgres

import "beiandesk/store"

// Chinese messages of the PostgreSQL back end, kept together for review.
const (
	msgBadURL        = "数据库地址「%s」无法识别,应为 postgres://用户名@服务器:端口/数据库名"
	msgBadPassword   = "无法登录数据库服务器 %s:用户 %s 的密码不正确"
	msgNoSuchUser    = "无法登录数据库服务器 %s:用户 %s 不存在或不允许从本机登录"
	msgNoDatabase    = "数据库服务器 %s 上没有名为「%s」的数据库,请检查数据库名或请管理员创建"
	msgRefused       = "无法连接数据库服务器 %s:服务器未开启或端口不对(连接被拒绝)"
	msgTimeout       = "无法连接数据库服务器 %s:%s 内没有应答,请检查网络和服务器地址"
	msgUnknownHost   = "无法连接数据库服务器 %s:找不到这个服务器名"
	msgConnectFailed = "无法连接数据库服务器 %s:%s"
	msgTLSRequired   = "数据库服务器 %s 要求加密连接或拒绝了本机:%s"
	msgTooMany       = "数据库服务器 %s 的连接数已满,请稍后再试或请管理员调整 max_connections"
	msgServerDown    = "数据库服务器 %s 正在关闭或启动,请稍后再试"
	msgNotClerk      = "数据库用户 %s 不是本系统的经办人,请联系管理员执行 clerks add"
	msgNoSchema      = "数据库 %s 还没有建立备案受理台的数据表,请数据库所有者先执行一次 beiandesk --db … clerks add"
	msgNewerSchema   = "数据库版本(%d)比本程序(%d)新,请升级备案受理台"
	msgNoPermission  = "数据库用户 %s 没有执行此操作的权限"
	msgChiefOnly     = "只有科长(chief)或数据库所有者可以执行此操作"
	msgConnLost      = "与数据库服务器 %s 的连接中断,操作未完成,请稍后重试"
	msgClerkRole     = "数据库用户名「%s」无效:只能用字母、数字和下划线,且不以数字开头"
	msgClerkName     = "经办人姓名不能为空(--name)"
	msgClerkNotFound = "数据库用户 %s 不是本系统的经办人"
	msgOwnerOnly     = "管理经办人需要数据库所有者登录(当前用户 %s)"
	msgNoCreateRole  = "数据库用户 %s 没有建立角色的权限(CREATEROLE),请管理员先建立登录角色 %s,或授予 CREATEROLE"
)

// The history's notes and the store's refusals, worded once in package
// store (zh_event.go) for both books.
const (
	msgCaseNotFound  = store.MsgCaseNotFound
	msgMailNotFound  = store.MsgMailNotFound
	msgMailLinked    = store.MsgMailLinked
	msgEventCreate   = store.EventNoteCreate
	msgEventLinkMail = store.EventNoteLinkMail
	msgEventFile     = store.EventNoteFile
)

const (
	msgBackupExists = store.MsgBackupExists
	msgBackupNoDir  = store.MsgBackupNoDir
)

// The outbox and the ledger import (the ledger's checks and notes are
// store's, zh_ledger.go).
const (
	msgOutboxNotFound  = store.MsgOutboxNotFound
	msgEventNoticeSent = store.EventNoteNoticeSent
	// The server records the login as the history's clerk, so the
	// ledger's 经办人 goes into the note.
	msgLedgerEventClerk = "%s,经办人 %s"
)
