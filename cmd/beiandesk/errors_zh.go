package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"beiandesk/store/safefile"
	"beiandesk/store/sqlite"
)

// flagErrorZh puts the errors of Go's flag package into Chinese. Its
// messages are fixed strings in flag.go (Go 1.26); the value error of a
// flag defined with fs.Func is ours and already Chinese.
func flagErrorZh(err error) string {
	msg := err.Error()
	for _, m := range []struct{ prefix, zh string }{
		{"flag provided but not defined: ", msgFlagUnknown},
		{"flag needs an argument: ", msgFlagNeedsArg},
		{"bad flag syntax: ", msgFlagSyntax},
	} {
		if rest, ok := strings.CutPrefix(msg, m.prefix); ok {
			return fmt.Sprintf(m.zh, rest)
		}
	}
	// invalid value "x" for flag -n: cause / invalid boolean value "x" for -n: cause
	for _, p := range []string{"invalid value ", "invalid boolean value "} {
		if rest, ok := strings.CutPrefix(msg, p); ok {
			value, after, _ := strings.Cut(rest, " for ")
			name, cause, _ := strings.Cut(strings.TrimPrefix(after, "flag "), ": ")
			if cause != "" && hasHan(cause) {
				return fmt.Sprintf(msgFlagBadValueWhy, name, value, cause)
			}
			return fmt.Sprintf(msgFlagBadValue, name, value)
		}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid boolean flag "); ok {
		name, _, _ := strings.Cut(rest, ":")
		return fmt.Sprintf(msgFlagBadValue, "-"+name, "")
	}
	if hasHan(msg) {
		return msg
	}
	return fmt.Sprintf(msgFlagOther, msg)
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2e80 && r <= 0x9fff || r >= 0xff00 && r <= 0xffef {
			return true
		}
	}
	return false
}

// explainError returns the Chinese text for an error that carries an
// English message of SQLite or of the operating system, or "" for the
// errors that are ours and Chinese already.
func explainError(err error) string {
	var se *safefile.Error
	if errors.As(err, &se) {
		return se.Msg
	}
	if zh, ok := sqlite.ExplainSQLite(err); ok {
		return zh
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "「" + pe.Path + "」" + osErrorZh(pe.Err)
	}
	if zh := osErrorZh(err); zh != "" && !hasHan(err.Error()) {
		return zh
	}
	return ""
}

// osErrorZh names the usual operating-system failures in Chinese.
func osErrorZh(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msgOSNotExist
	case errors.Is(err, fs.ErrPermission):
		return msgOSPermission
	case safefile.IsDiskFull(err):
		return msgOSFull
	case errors.Is(err, syscall.EROFS):
		return msgOSReadOnly
	case errors.Is(err, syscall.EISDIR):
		return msgOSIsDir
	case errors.Is(err, syscall.ENOTDIR):
		return msgOSNotDir
	case errors.Is(err, fs.ErrExist):
		return msgOSExists
	}
	if hasHan(err.Error()) {
		return err.Error()
	}
	return msgOSOther
}

// Chinese text of the error translations.
const (
	msgFlagUnknown     = "未知参数 %s,运行 beiandesk help 查看用法"
	msgFlagNeedsArg    = "参数 %s 需要一个值"
	msgFlagSyntax      = "参数格式错误:%s"
	msgFlagBadValue    = "参数 %s 的值「%s」无效"
	msgFlagBadValueWhy = "参数 %s 的值「%s」无效:%s"
	msgFlagOther       = "命令行参数有误(%s),运行 beiandesk help 查看用法"
	msgOSFull          = "(磁盘空间不足)"
	msgOSReadOnly      = "(只读的文件系统,无法写入)"
	msgOSIsDir         = "(这是一个文件夹)"
	msgOSNotDir        = "(路径中有一项不是文件夹)"
	msgOSExists        = "(文件已存在)"
	msgOSOther         = "(文件读写出错)"
)
