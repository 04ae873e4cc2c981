package desk

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"beiandesk/store/safefile"
	"beiandesk/store/workday"
)

func chinaZone() *time.Location { return workday.China() }

// safeName makes an attachment name (a stranger's words) safe to show and
// to use as a file name; see safefile.SafeName.
func safeName(name string) string { return safefile.SafeName(name) }

// writeBlob writes a stored blob to path through safefile (temporary file,
// sync, rename; never over a database) and marks it as coming from the
// Internet, so that Windows opens it in Protected View and asks before
// running it.
func (d *Desk) writeBlob(sha, path string, replace bool) error {
	r, _, err := d.db.OpenBlob(d.ctx, sha)
	if err != nil {
		return err
	}
	defer r.Close()
	err = safefile.WriteFrom(d.ctx, path, safefile.Options{Replace: replace, Protect: []string{d.db.Location()}, Perm: 0o600}, r)
	if err != nil {
		return err
	}
	// A file system without streams cannot keep the mark; the file is
	// still saved.
	_ = safefile.MarkFromInternet(path)
	return nil
}

// openBlob writes a blob to the private temporary folder and opens it with
// the system viewer, but only for known document types: anything else (a
// program, a script, a shortcut) could run, and may only be saved.
func (d *Desk) openBlob(sha, name string) {
	if !safefile.Viewable(name) {
		d.confirm(txtOpen, fmt.Sprintf(txtAttachNotViewable, safeName(name)), txtAttachSaveInstead, func() { d.saveBlob(sha, name) })
		return
	}
	d.bg(func() func() {
		dir, err := d.viewDir()
		var path string
		if err == nil {
			sub := filepath.Join(dir, sha[:min(12, len(sha))])
			err = os.MkdirAll(sub, 0o700)
			path = filepath.Join(sub, safeName(name))
			if err == nil {
				if _, statErr := os.Stat(path); statErr != nil {
					err = d.writeBlob(sha, path, false)
				}
			}
		}
		return func() {
			if err == nil {
				err = d.app.OpenURL(&url.URL{Scheme: "file", Path: path})
			}
			if err != nil {
				d.info(txtError, fmt.Sprintf(txtOpenFailed, d.errText(err)))
			}
		}
	})
}

// saveBlob asks where to save a blob, then writes it there.
func (d *Desk) saveBlob(sha, name string) {
	d.saveFile(safeName(name), func(path string, replace bool) {
		d.bg(func() func() {
			err := d.writeBlob(sha, path, replace)
			return func() {
				if err != nil {
					d.showError(err)
					return
				}
				d.info(txtSaveAs, fmt.Sprintf(txtSavedTo, path))
			}
		})
	})
}
