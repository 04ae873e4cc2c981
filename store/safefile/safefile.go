// Package safefile writes files so that nothing already on disk is lost: a
// new file is written to a temporary file beside the target, synced, and
// only then renamed over the target. Targets that hold a SQLite database
// (a case book, its -wal/-shm/-journal, a backup) are refused, and
// temporary files left by a killed process are recognised by their name
// and removed at the next run.
//
// It knows nothing of the case book and is used by every writer of the
// program: export, backup, restore, attachments saved or opened, and the
// window's save dialogs.
package safefile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// ErrExists is matched by the error of Write when the target exists and
// replacing it was not allowed.
var ErrExists = errors.New(msgExists)

// ErrProtected is matched by the error of CheckTarget and Write when the
// target is a database file (or one of its companions).
var ErrProtected = errors.New(msgProtected)

// Error is a refusal or failure with a Chinese message for the clerk; Err
// keeps the cause for errors.Is.
type Error struct {
	Path string
	Msg  string
	Err  error
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Err }

// IsSQLite reports whether the file at path starts with SQLite's header. A
// missing file is not one.
func IsSQLite(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	buf := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return bytes.Equal(buf[:n], []byte(sqliteMagic)), nil
}

// companions are the files SQLite keeps beside a database.
var companions = []string{"-wal", "-shm", "-journal"}

// CheckTarget refuses a target that must never be written over: a folder,
// a SQLite file, a companion (-wal, -shm, -journal) of a SQLite file, and
// any of the protected paths (the open database) or their companions, also
// when the file does not exist yet.
func CheckTarget(path string, protect ...string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return &Error{Path: path, Msg: fmt.Sprintf(msgBadPath, path), Err: err}
	}
	for _, p := range protect {
		if p == "" {
			continue
		}
		pa, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		for _, sfx := range append([]string{""}, companions...) {
			if samePath(abs, pa+sfx) {
				return &Error{Path: path, Msg: fmt.Sprintf(msgIsOpenDB, path), Err: ErrProtected}
			}
		}
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return &Error{Path: path, Msg: fmt.Sprintf(msgIsDir, path), Err: fs.ErrExist}
	}
	if ok, _ := IsSQLite(abs); ok {
		return &Error{Path: path, Msg: fmt.Sprintf(msgIsDB, path), Err: ErrProtected}
	}
	for _, sfx := range companions {
		if base, ok := strings.CutSuffix(abs, sfx); ok {
			if ok, _ := IsSQLite(base); ok {
				return &Error{Path: path, Msg: fmt.Sprintf(msgIsDB, path), Err: ErrProtected}
			}
		}
	}
	return nil
}

// samePath compares two absolute paths, also through links and, where the
// file system folds case, in either case.
func samePath(a, b string) bool {
	if a == b {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	if err1 == nil && err2 == nil {
		return os.SameFile(sa, sb)
	}
	return false
}

// Options of Write.
type Options struct {
	// Replace allows an existing target to be replaced (after the caller
	// asked the clerk). Without it an existing target is refused.
	Replace bool
	// Protect lists database paths whose files may never be the target.
	Protect []string
	// Perm is the mode of the new file; 0 means 0o644.
	Perm os.FileMode
	// Empty leaves the temporary file absent instead of empty when fill
	// runs, for writers that must create it themselves (SQLite's VACUUM
	// INTO accepts an empty file too, so most need not).
	Empty bool
}

// Write creates path through fill, which writes the whole new file at the
// temporary path it is given. The target appears complete or not at all: on
// any failure (fill's, a full disk, a cancelled ctx) the temporary file is
// removed and the target is left as it was.
func Write(ctx context.Context, path string, opt Options, fill func(tmp string) error) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return &Error{Path: path, Msg: fmt.Sprintf(msgBadPath, path), Err: err}
	}
	if err := CheckTarget(abs, opt.Protect...); err != nil {
		return err
	}
	dir := filepath.Dir(abs)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &Error{Path: path, Msg: fmt.Sprintf(msgNoDir, dir), Err: fs.ErrNotExist}
	}
	if !opt.Replace {
		if _, err := os.Lstat(abs); err == nil {
			return &Error{Path: path, Msg: fmt.Sprintf(msgExistsPath, path), Err: ErrExists}
		}
	}
	// Leftovers of killed runs in this folder go first: they may be what
	// fills the disk.
	_, _ = CleanStale(dir)
	tmp, err := os.CreateTemp(dir, tempPrefix(abs)+"*"+tempSuffix)
	if err != nil {
		return ioError(path, err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	fail := func(err error) error {
		RemoveWithCompanions(tmpName)
		return err
	}
	if opt.Empty {
		os.Remove(tmpName)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	if err := fill(tmpName); err != nil {
		return fail(ioError(path, err))
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	perm := opt.Perm
	if perm == 0 {
		perm = 0o644
	}
	if err := os.Chmod(tmpName, perm); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fail(ioError(path, err))
	}
	if err := syncFile(tmpName); err != nil {
		return fail(ioError(path, err))
	}
	// Checked again just before the rename: the clerk may have put a file
	// there meanwhile, or a database was created at the name.
	if err := CheckTarget(abs, opt.Protect...); err != nil {
		return fail(err)
	}
	if !opt.Replace {
		if _, err := os.Lstat(abs); err == nil {
			return fail(&Error{Path: path, Msg: fmt.Sprintf(msgExistsPath, path), Err: ErrExists})
		}
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return fail(ioError(path, err))
	}
	// SQLite may leave an empty journal of the copy it wrote.
	for _, sfx := range companions {
		os.Remove(tmpName + sfx)
	}
	syncDir(dir)
	return nil
}

// WriteFrom writes what r yields to path, as Write does.
func WriteFrom(ctx context.Context, path string, opt Options, r io.Reader) error {
	return Write(ctx, path, opt, func(tmp string) error {
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil {
			return err
		}
		if _, err := io.Copy(f, ctxReader{ctx, r}); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// ioError puts the usual file-system failures into Chinese, keeping the
// cause for errors.Is.
func ioError(path string, err error) error {
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	case IsDiskFull(err):
		return &Error{Path: path, Msg: fmt.Sprintf(msgDiskFull, path), Err: err}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return &Error{Path: path, Msg: fmt.Sprintf(msgNoPermission, path), Err: err}
	}
	return &Error{Path: path, Msg: fmt.Sprintf(msgWriteFailed, path, err), Err: err}
}

// IsDiskFull reports whether err says the disk (or quota) is full, also
// when SQLite reported it in its own words.
func IsDiskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) || isQuota(err) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "database or disk is full") || strings.Contains(s, "no space left on device")
}

// RemoveWithCompanions removes a temporary file and the journal SQLite may
// have made beside it while writing it.
func RemoveWithCompanions(path string) {
	os.Remove(path)
	for _, sfx := range companions {
		os.Remove(path + sfx)
	}
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes the rename durable where the system allows (Windows cannot
// open a folder for syncing).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// Temporary files are named ".<target>.beiandesk-<pid>-<random>.part", so
// that CleanStale knows its own and whose they are.
const (
	tempMark   = ".beiandesk-"
	tempSuffix = ".part"
)

func tempPrefix(target string) string {
	base := filepath.Base(target)
	// Keep the name short enough for every file system.
	if r := []rune(base); len(r) > 60 {
		base = string(r[:60])
	}
	return "." + base + tempMark + strconv.Itoa(os.Getpid()) + "-"
}

// TempName returns a fresh temporary name for target in its folder, of the
// pattern CleanStale removes, without creating it. For writers that must
// create the file themselves.
func TempName(target string) string {
	return filepath.Join(filepath.Dir(target), tempPrefix(target)+strconv.FormatInt(time.Now().UnixNano(), 36)+tempSuffix)
}

// processStart is when this process began (near enough: when the package
// was initialised); a temporary file older than it cannot be one this
// process is still writing.
var processStart = time.Now()

// ownTemp parses a name of the temporary pattern and returns the pid that
// wrote it.
func ownTemp(name string) (pid int, ok bool) {
	for _, sfx := range companions {
		name = strings.TrimSuffix(name, sfx)
	}
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, tempSuffix) {
		return 0, false
	}
	i := strings.LastIndex(name, tempMark)
	if i < 0 {
		return 0, false
	}
	rest := strings.TrimSuffix(name[i+len(tempMark):], tempSuffix)
	pidText, random, found := strings.Cut(rest, "-")
	if !found || random == "" || strings.ContainsAny(random, "/\\") {
		return 0, false
	}
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, true
}

// CleanStale removes, in dir, the temporary files of this program left by a
// process that no longer runs (killed while writing), and returns their
// paths. Only names of the pattern above are touched, only regular files,
// only ones older than this process, and never one of a process that is
// still alive: a clerk's own files are never removed.
func CleanStale(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		pid, ok := ownTemp(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(processStart) {
			continue
		}
		if pid == os.Getpid() || processAlive(pid) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed, nil
}
