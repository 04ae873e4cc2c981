package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ExplainSQLite returns what a SQLite failure inside err means, in Chinese
// for the clerk, and whether err held one. SQLite's own words ("file is not
// a database", "attempt to write a readonly database", …) never reach a
// clerk.
func ExplainSQLite(err error) (string, bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return "", false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return msgSQLNotADB, true
	case sqlite3.SQLITE_CORRUPT:
		return msgDamaged + ",请打开窗口按提示恢复最新的完好备份", true
	case sqlite3.SQLITE_READONLY:
		return msgSQLReadOnly, true
	case sqlite3.SQLITE_FULL:
		return msgSQLFull, true
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return msgSQLBusy, true
	case sqlite3.SQLITE_CANTOPEN:
		return msgSQLCantOpen, true
	case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return msgSQLPerm, true
	case sqlite3.SQLITE_IOERR:
		return msgSQLIO, true
	case sqlite3.SQLITE_ERROR:
		if strings.Contains(se.Error(), "no such table") || strings.Contains(se.Error(), "no such column") {
			return msgSQLNoTable, true
		}
	}
	return fmt.Sprintf(msgSQLOther, se.Code()), true
}

// causeZh is the Chinese text of a cause inside one of the store's own
// messages: SQLite's failure explained, a missing or forbidden file named,
// and the English detail of anything else dropped for a general phrase.
func causeZh(err error) string {
	if zh, ok := ExplainSQLite(err); ok {
		return zh
	}
	var de *DamageError
	if errors.As(err, &de) {
		return ExplainDamage(de.Problems)
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msgCauseNotExist
	case errors.Is(err, fs.ErrPermission):
		return msgCausePerm
	}
	if s := err.Error(); strings.ContainsFunc(s, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		return s
	}
	return msgCauseIO
}

// Chinese messages of ExplainSQLite.
const (
	msgSQLNotADB     = "文件不是数据库(文件头不符),可能已损坏或不是备案受理台的数据库文件"
	msgSQLReadOnly   = "数据库文件是只读的,无法写入。请检查文件和文件夹的权限,或是否在只读的U盘、光盘或网络位置上"
	msgSQLFull       = "磁盘空间不足,无法写入数据库;已有数据未改动,请清理磁盘后重试"
	msgSQLBusy       = "数据库正被另一窗口或命令占用,请稍后重试"
	msgSQLCantOpen   = "无法打开数据库文件(文件夹不存在或没有访问权限)"
	msgSQLPerm       = "没有访问数据库文件的权限"
	msgSQLIO         = "读写磁盘出错,请检查磁盘后重试"
	msgSQLNoTable    = "数据库缺少所需的数据表,不是备案受理台的数据库或已损坏"
	msgCauseNotExist = "文件不存在"
	msgCausePerm     = "没有访问权限"
	msgCauseIO       = "读取出错"
	msgSQLOther      = "数据库出错(SQLite 错误代码 %d)"
)
