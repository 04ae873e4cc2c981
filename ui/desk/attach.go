package desk

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"beiandesk/store/workday"
)

func chinaZone() *time.Location { return workday.China() }

// safeName makes an attachment name usable as a file name.
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, name)
	if name == "" || name == "." || name == ".." {
		name = "attachment"
	}
	return name
}

// writeBlob streams a stored blob to path.
func (d *Desk) writeBlob(sha, path string) error {
	r, _, err := d.db.OpenBlob(d.ctx, sha)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

// openBlob writes a blob to the private temporary folder and opens it with
// the system viewer.
func (d *Desk) openBlob(sha, name string) {
	d.bg(func() func() {
		dir, err := d.viewDir()
		var path string
		if err == nil {
			sub := filepath.Join(dir, sha[:min(12, len(sha))])
			err = os.MkdirAll(sub, 0o700)
			path = filepath.Join(sub, safeName(name))
			if err == nil {
				if _, statErr := os.Stat(path); statErr != nil {
					err = d.writeBlob(sha, path)
				}
			}
		}
		return func() {
			if err == nil {
				err = d.app.OpenURL(&url.URL{Scheme: "file", Path: path})
			}
			if err != nil {
				d.info(txtError, fmt.Sprintf(txtOpenFailed, err))
			}
		}
	})
}

// saveBlob asks where to save a blob, then writes it there.
func (d *Desk) saveBlob(sha, name string) {
	d.saveFile(safeName(name), func(path string) {
		d.bg(func() func() {
			err := d.writeBlob(sha, path)
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
