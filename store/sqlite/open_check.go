package sqlite

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"beiandesk/store"
	"beiandesk/store/safefile"
)

// ErrNotBook is matched by CheckFile's error for a file that is not a
// SQLite database (or is empty where a book was named explicitly).
var ErrNotBook = errors.New(msgNotBook)

// CheckFile refuses, before anything opens it for writing, a file at path
// that SQLite would otherwise write over: a file that does not start with
// SQLite's header, and, when the clerk named the path explicitly (--db,
// $BEIANDESK_DB), an empty file, which SQLite would silently turn into a
// new book. A missing file is fine (Open creates it); the per-user default
// location may hold an empty file left by an interrupted first start.
// It reads 16 bytes, so it costs nothing on a normal open.
func CheckFile(path string, explicit bool) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf(msgNotAFile, path)
	}
	if st.Size() == 0 {
		if explicit {
			return &store.FieldError{Field: "db", Err: fmt.Errorf("%w: "+msgEmptyBook, ErrNotBook, path)}
		}
		return nil
	}
	ok, err := safefile.IsSQLite(path)
	if err != nil {
		return err
	}
	if !ok {
		return &store.FieldError{Field: "db", Err: fmt.Errorf("%w: "+msgNotSQLite, ErrNotBook, path)}
	}
	return nil
}

// ExplainDamage says in Chinese what quick_check's findings mean, for a
// clerk: the known kinds of damage by name, the rest counted. SQLite's own
// words stay in DamageError for whoever repairs the file.
func ExplainDamage(problems []string) string {
	var out []string
	other := 0
	for _, p := range problems {
		known := false
		for en, zh := range damageKinds {
			if strings.Contains(p, en) {
				out = append(out, zh)
				known = true
				break
			}
		}
		if !known {
			other++
		}
	}
	if other > 0 {
		out = append(out, fmt.Sprintf(msgDamageOther, other))
	}
	return strings.Join(out, ";")
}

// SQLite's words for damage, in Chinese.
var damageKinds = map[string]string{
	"file is not a database":           "文件头已损坏,不是有效的数据库文件",
	"database disk image is malformed": "数据库文件内部结构已损坏",
	"disk I/O error":                   "读取磁盘出错",
}

// Chinese messages of CheckFile and ExplainDamage.
const (
	msgNotBook     = "不是备案受理台的数据库文件"
	msgEmptyBook   = "%s 是空文件(0 字节)。为防止误用或覆盖,未使用它;如要新建数据库,请指定一个尚不存在的文件名"
	msgNotSQLite   = "%s 不是 SQLite 数据库文件,未做任何修改。请检查 --db 指向的文件"
	msgDamageOther = "数据库内部结构检查发现 %d 处问题"
	// MsgDamagedBook is what every front end says about a damaged book
	// before refusing to write into it.
	MsgDamagedBook = "数据库文件 %s 已损坏,继续使用可能丢失数据。检查结果:%s。未做任何修改;请打开备案受理台窗口按提示恢复最新的完好备份,或运行 beiandesk restore --from 备份文件"
)
